/**
 * The {@code spyglass} command line ({@link io.spyglass.app.Spyglass}); its subcommands, the embedded broker, the
 * configuration, running the stages and the health endpoint are in the sub-packages.
 */
package io.spyglass.app;
