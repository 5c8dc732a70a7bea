package io.spyglass.app.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command that reads Spyglass's configuration: {@code --config}, {@code --bootstrap-servers} and its own options. */
public abstract class ConfiguredCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
}
