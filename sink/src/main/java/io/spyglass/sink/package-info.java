/** The sink stage: delivers espionage stories to their topic and to JSON-lines files. */
package io.spyglass.sink;
