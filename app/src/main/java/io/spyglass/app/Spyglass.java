package io.spyglass.app;

import io.spyglass.app.broker.KafkaUnavailableException;
import io.spyglass.app.command.EnrichCommand;
import io.spyglass.app.command.ExtractCommand;
import io.spyglass.app.command.FeedsCommand;
import io.spyglass.app.command.HealthCommand;
import io.spyglass.app.command.IngestCommand;
import io.spyglass.app.command.RetagCommand;
import io.spyglass.app.command.RunCommand;
import io.spyglass.app.command.SinkCommand;
import io.spyglass.app.command.StixCommand;
import io.spyglass.app.command.TagCommand;
import io.spyglass.app.command.TailCommand;
import io.spyglass.app.command.WebCommand;
import io.spyglass.app.health.EndpointUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spyglass} command line: one subcommand per job. */
@Command(name = "spyglass",
        mixinStandardHelpOptions = true,
        version = "spyglass 0.1.0",
        description = "Watches news feeds for cyber-espionage stories and streams them to Kafka.",
        subcommands = {
                CommandLine.HelpCommand.class,
                RunCommand.class,
                IngestCommand.class,
                FeedsCommand.class,
                EnrichCommand.class,
                SinkCommand.class,
                WebCommand.class,
                TailCommand.class,
                TagCommand.class,
                StixCommand.class,
                ExtractCommand.class,
                RetagCommand.class,
                HealthCommand.class,
        })
public final class Spyglass implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /**
     * The command line with Spyglass's error handling: a bad configuration is a usage error (exit 2), an unreachable
     * cluster or a taken endpoint port a clear one-line failure (exit 1), not a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Spyglass());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("spyglass: " + e.getMessage());
                return 2;
            }
            if (e instanceof KafkaUnavailableException || e instanceof EndpointUnavailableException) {
                cmd.getErr().println("spyglass: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
