package io.spyglass.bench;

import io.spyglass.app.broker.EmbeddedKafka;
import io.spyglass.app.broker.TopicAdmin;
import io.spyglass.model.Topics;
import io.spyglass.model.settings.ClusterSettings;
import io.spyglass.testkit.StoryFarm;
import io.spyglass.web.WebApp;
import io.spyglass.web.WebSettings;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * docs/BENCHMARKS.md "Web view": {@code count} made-up stories (StoryFarm) on an embedded broker, then how long the
 * web view takes to read them, what its index holds on the heap, how long API calls take, and how long the page
 * takes in headless Chromium from navigation to the first page of rows, with the browser's JS heap.
 *
 * <p>{@code java -cp ... io.spyglass.bench.WebViewBench [count] [page loads]}
 */
public final class WebViewBench {
    private WebViewBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("spyglass-web-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
            ClusterSettings cluster = ClusterSettings.defaults().withKafka(client);
            Topics topics = cluster.topics();
            try (TopicAdmin admin = new TopicAdmin(client)) {
                admin.ensure(cluster);
            }
            long bytes = StoryFarm.write(kafka.bootstrapServers(), topics.espionage(), count, 42);
            System.out.printf("stories: %,d, %,d bytes of JSON (%,d B each)%n", count, bytes, bytes / count);
            long heapBefore = usedHeap();
            long t0 = System.nanoTime();
            try (WebApp web = WebApp.start(cluster, WebSettings.defaults().withAddress(new InetSocketAddress("127.0.0.1", 0)))) {
                if (!web.awaitCaughtUp(Duration.ofMinutes(5))) {
                    throw new IllegalStateException("the web view did not catch up");
                }
                System.out.printf("read into the index: %d ms; index holds %,d stories%n",
                        (System.nanoTime() - t0) / 1_000_000, web.index().size());
                System.out.printf("heap retained by the web view (after GC): %.1f MB%n",
                        (usedHeap() - heapBefore) / 1e6);
                URI base = URI.create("http://127.0.0.1:" + web.port() + "/");
                for (String call : List.of("api/stories?limit=50", "api/stories?limit=200",
                        "api/stories?victim=JP&limit=50", "api/stories?q=sandworm%20ukraine&limit=50",
                        "api/stats", "api/facets", "api/stories/story-" + (count / 2))) {
                    System.out.printf("%-42s median %6.2f ms%n", call, apiMedian(base.resolve(call), 30));
                }
                pageLoads(base, loads, dir.resolve("chromium"));
            }
        }
    }

    private static double apiMedian(URI uri, int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n + 5; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + r.statusCode());
            }
            if (i >= 5) {
                ms.add((System.nanoTime() - t) / 1e6);
            }
        }
        Collections.sort(ms);
        return ms.get(ms.size() / 2);
    }

    private static void pageLoads(URI base, int loads, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--enable-precise-memory-info", "--user-data-dir=" + profile);
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        try {
            JavascriptExecutor js = browser;
            List<Double> ms = new ArrayList<>();
            double heap = 0;
            for (int i = 0; i < loads + 2; i++) {
                browser.get(base.toString());
                // from navigation start to the first page of rows in the DOM
                Object t = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "(function check() { if (document.querySelectorAll('#stories tbody tr').length >= 50)"
                        + " done(performance.now()); else setTimeout(check, 5); })();");
                if (i >= 2) {
                    ms.add(((Number) t).doubleValue());
                }
                heap = ((Number) js.executeScript("return performance.memory.usedJSHeapSize")).doubleValue();
            }
            Collections.sort(ms);
            System.out.printf("page to first 50 rows in Chromium: median %.0f ms, max %.0f ms over %d loads; "
                    + "JS heap %.1f MB%n", ms.get(ms.size() / 2), ms.get(ms.size() - 1), ms.size(), heap / 1e6);
        } finally {
            browser.quit();
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
