/** Spyglass's configuration: every setting, read from defaults, {@code config/spyglass.yaml}, the environment and flags. */
package io.spyglass.app.config;
