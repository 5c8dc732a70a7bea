package io.spyglass.app.command;

import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.enrich.Retag;
import io.spyglass.enrich.tag.Tagger;
import java.util.UUID;
import picocli.CommandLine.Command;

/** {@code spyglass retag}: the current tagger over the retained articles, into the enriched topic. */
@Command(name = "retag", mixinStandardHelpOptions = true,
        description = {"Re-runs the current tagger (with config/taxonomy.yaml if present) over every article retained on",
                "spyglass.articles and writes them again to spyglass.enriched, with the tagger version in tags.tagger."})
public final class RetagCommand extends ConfiguredCommand {
    @Override
    public Integer call() {
        SpyglassConfig config = Commands.requireCluster(common.load());
        Tagger tagger = config.enrich().tagger();
        Retag.Result result = Retag.run(config.cluster().kafka(), config.cluster().topics(), tagger,
                config.cluster().groupPrefix() + "-retag-" + UUID.randomUUID());
        common.out().printf("Retagged %d articles with %s: %d espionage, %d skipped%n", result.retagged(),
                tagger.version(), result.espionage(), result.skipped());
        common.out().flush();
        return 0;
    }
}
