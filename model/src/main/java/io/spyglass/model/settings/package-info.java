/** Configuration keys and their typed, origin-naming reading; each module declares its keys in a table next to its settings record. */
package io.spyglass.model.settings;
