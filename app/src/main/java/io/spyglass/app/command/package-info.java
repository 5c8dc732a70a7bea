/** The {@code spyglass} subcommands and the options they share. */
package io.spyglass.app.command;
