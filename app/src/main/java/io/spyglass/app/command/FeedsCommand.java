package io.spyglass.app.command;

import io.spyglass.app.config.SpyglassConfig;
import io.spyglass.app.stage.Stages;
import io.spyglass.ingest.IngestSettings;
import io.spyglass.ingest.feedlist.FeedList;
import io.spyglass.ingest.feedlist.FeedSource;
import io.spyglass.ingest.feedlist.Opml;
import io.spyglass.ingest.fetch.Fetcher;
import io.spyglass.ingest.poll.FeedPoll;
import io.spyglass.ingest.poll.FeedPoller;
import io.spyglass.model.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code spyglass feeds}: checks the feed list, or imports feeds from an OPML file into it. */
@Command(name = "feeds", mixinStandardHelpOptions = true, description = "Checks the feed list or imports feeds into it.",
        subcommands = {FeedsCommand.Check.class, FeedsCommand.Import.class})
public final class FeedsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code spyglass feeds check}: fetches and parses every feed once, in parallel, and prints one line per feed. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Fetches and parses each feed once, with the same limits as ingest, and prints one line per feed.",
                    "Exits 0 even when feeds fail; non-zero only when the configuration or feed list is invalid."})
    static final class Check extends FeedPollingCommand {
        @Option(names = "--json", description = "One JSON object per feed and line.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            SpyglassConfig config = common.load();
            checkAll(config.ingest(), Stages.feeds(config), common.out(), json);
            return 0;
        }

        /** Checks {@code sources} with {@code ingest}'s fetch limits and threads, printing each outcome in list order. */
        static void checkAll(IngestSettings ingest, List<FeedSource> sources, PrintWriter out, boolean json) throws Exception {
            Clock clock = Clock.systemUTC();
            Fetcher fetcher = new Fetcher(ingest.fetch(), ingest.fetch().newThrottle(), clock);
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(ingest.threads(), sources.size())));
            try {
                List<Future<FeedPoll>> checks = new ArrayList<>();
                for (FeedSource source : sources) {
                    checks.add(pool.submit(() -> FeedPoller.check(fetcher, source, clock)));
                }
                for (Future<FeedPoll> check : checks) {
                    out.println(json ? jsonLine(check.get()) : textLine(check.get()));
                    out.flush();
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("FeedPoller.check never throws", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        static String jsonLine(FeedPoll poll) throws IOException {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("url", poll.feed().url().toString());
            line.put("status", poll.status().name().toLowerCase(Locale.ROOT));
            line.put("items", poll.items());
            line.put("errorClass", poll.errorKind());
            line.put("message", poll.error());
            line.put("millis", poll.millis());
            line.put("newestItem", poll.newestItem() == null ? null : poll.newestItem().toString());
            line.put("linkedFeed", poll.linkedFeed() == null ? null : poll.linkedFeed().toString());
            return Json.MAPPER.writeValueAsString(line);
        }

        static String textLine(FeedPoll poll) {
            String head = String.format(Locale.ROOT, "%-12s %5d items %6d ms  %s", poll.status().name().toLowerCase(Locale.ROOT),
                    poll.items(), poll.millis(), poll.feed().url());
            if (!poll.ok()) {
                return head + "  " + poll.errorKind() + ": " + poll.error();
            }
            // a feed that answers but has not moved for months is as dead as one that fails
            return head + (poll.linkedFeed() == null ? "" : "  (the page's feed " + poll.linkedFeed() + ")")
                    + "  newest item " + (poll.newestItem() == null ? "undated" : poll.newestItem());
        }
    }

    /** {@code spyglass feeds import FILE.opml}: appends the OPML file's feeds that the feed list lacks. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Appends the feeds of an OPML file (a feed reader's export) that the feed list does not have yet.")
    static final class Import extends ConfiguredCommand {
        @Parameters(paramLabel = "FILE.opml", description = "OPML file to import.")
        Path opml;

        @Mixin
        StageOptions.Feeds feeds;

        @Override
        public Integer call() {
            IngestSettings ingest = common.load().ingest();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(opml);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(common.commandLine(), "cannot read " + opml + ": " + e.getMessage());
            }
            List<FeedSource> found = Opml.read(bytes, opml.toString(), ingest.feedsInterval());
            List<FeedSource> added = FeedList.append(ingest.feedsFile(), found, ingest.feedsInterval());
            PrintWriter out = common.out();
            out.println("Added " + added.size() + " of " + found.size() + " feeds from " + opml + " to " + ingest.feedsFile());
            added.forEach(f -> out.println("  " + f.url()));
            out.flush();
            return 0;
        }
    }
}
