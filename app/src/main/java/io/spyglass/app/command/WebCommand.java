package io.spyglass.app.command;

import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.stage.StageRunner;
import io.spyglass.app.stage.Stages;
import io.spyglass.web.WebApp;
import picocli.CommandLine.Command;

/** {@code spyglass web}: only the web view, a reader of the story and feed-status topics of an existing cluster. */
@Command(name = "web", mixinStandardHelpOptions = true,
        description = "Serves the analyst's web view (web.address:web.port, default 127.0.0.1:8080) from "
                + "spyglass.espionage and spyglass.feed-status on an existing cluster.")
public final class WebCommand extends ConfiguredCommand {
    @Override
    public Integer call() throws Exception {
        SpyglassConfig config = Commands.requireCluster(common.load());
        WebApp web = Stages.web(config);
        // it joins no group and commits nothing, so stopping needs no more than closing it
        return StageRunner.runUntilStopped("web", web::close);
    }
}
