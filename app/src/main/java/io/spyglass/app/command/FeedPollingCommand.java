package io.spyglass.app.command;

import picocli.CommandLine.Mixin;

/** A command that polls the feeds ({@code ingest}, {@code feeds check}): it takes the feed list and address options. */
abstract class FeedPollingCommand extends ConfiguredCommand {
    @Mixin
    StageOptions.Polling polling;
}
