package io.spyglass.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spyglass} command line: one subcommand per job. */
@Command(name = "spyglass",
        mixinStandardHelpOptions = true,
        version = "spyglass 0.1.0",
        description = "Watches news feeds for cyber-espionage stories and streams them to Kafka.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ExtractCommand.class,
        })
public final class Spyglass implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Spyglass()).execute(args));
    }
}
