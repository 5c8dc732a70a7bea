package io.spyglass.enrich;

import io.spyglass.enrich.tag.Tagger;
import io.spyglass.model.StreamsSettings;
import io.spyglass.model.StreamsStage;
import io.spyglass.model.settings.ClusterSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The enrich stage wired to Kafka: {@link EnrichTopology} run by Kafka Streams. */
public final class EnrichApp extends StreamsStage<EnrichStats> {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);

    /**
     * The enrich stage of the deployment {@code cluster} describes.
     *
     * @param stateDir where Kafka Streams keeps the dedupe store
     */
    public EnrichApp(ClusterSettings cluster, EnrichSettings settings, Path stateDir) {
        this(cluster, settings, stateDir, new EnrichStats());
    }

    private EnrichApp(ClusterSettings cluster, EnrichSettings settings, Path stateDir, EnrichStats stats) {
        super(EnrichTopology.build(cluster.topics(), loadTagger(settings), stats, cluster.retention()),
                StreamsSettings.of(cluster.kafka(), cluster.enrichApplicationId(), stateDir), stats);
    }

    private static Tagger loadTagger(EnrichSettings settings) {
        Tagger tagger = settings.tagger();
        LOG.info("Tagger {} loaded{}", tagger.version(),
                settings.taxonomy() != null && Files.exists(settings.taxonomy()) ? " with " + settings.taxonomy() : "");
        return tagger;
    }
}
