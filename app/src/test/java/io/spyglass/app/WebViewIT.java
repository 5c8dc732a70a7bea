package io.spyglass.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web view in a real headless Chromium, against {@code spyglass run} on the test broker and the loopback feed
 * farm. Chromium and its driver are Debian's ({@code apt-get install chromium chromium-driver}); where they are not
 * installed the test is skipped with that message.
 */
@ExtendWith(KafkaBroker.class)
class WebViewIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("spyglass.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("spyglass.chromedriver", "/usr/bin/chromedriver"));
    private static final Pattern WEB = Pattern.compile("Web view on (http://127\\.0\\.0\\.1:\\d+)/");
    private static final String HOSTILE = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">"
            + " Russian military hackers broke into Germany's foreign ministry networks";
    private static final String JAPAN = "Beijing's military hackers roamed Japan's secret defence networks";

    @TempDir
    Path dir;
    private StageProcess run;
    private FeedFarm farm;
    private ChromeDriver browser;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (run != null) {
            run.close();
        }
        if (farm != null) {
            farm.close();
        }
    }

    private static ChromeDriver chromium(Path profile) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "No Chromium to drive the web view: install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver), or point -Dspyglass.chromium and "
                        + "-Dspyglass.chromedriver at a browser and its driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no network beyond loopback here: background traffic would only fail, many connections at a time
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private URI webUrl() {
        return await("the web view's log line").atMost(Duration.ofMinutes(1)).until(() -> {
            Matcher m = WEB.matcher(Files.exists(run.log()) ? Files.readString(run.log()) : "");
            assertThat(run.alive()).as("process running; its log: " + run.log()).isTrue();
            return m.find() ? URI.create(m.group(1) + "/") : null;
        }, u -> u != null);
    }

    /** The texts of the elements {@code css} selects, read in one script: the live list re-renders at any time. */
    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", css);
    }

    private List<String> rowTitles() {
        return texts("#stories tbody tr .title");
    }

    @Test
    void showsStoriesLiveFiltersOpensEvidenceAndShowsHostileTitlesAsText(KafkaBroker.Cluster kafka) throws IOException {
        browser = chromium(dir.resolve("chromium"));
        farm = new FeedFarm();
        // the second feed starts empty; its story is published once the page is open
        farm.edit("/watch.rss", rss -> rss.replaceAll("(?s)<!-- ITEMS -->.*<!-- /ITEMS -->", ""));
        Deployment d = Deployment.create(dir);
        Path feeds = dir.resolve("feeds.yaml");
        Files.writeString(feeds, "feeds:\n  - url: " + farm.url("/news.rss") + "\n  - url: " + farm.url("/watch.rss")
                + "\n    interval: 10s\n");
        run = StageProcess.start(dir.resolve("run.log"), "run", "--config", d.config().toString(), "--bootstrap-servers",
                kafka.bootstrapServers(), "--feeds", feeds.toString(), "--allow-private-addresses", "--data-dir",
                dir.resolve("data").toString());
        URI base = webUrl();

        browser.get(base.toString());
        await("the first story listed").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(rowTitles()).anySatisfy(t -> assertThat(t).startsWith(JAPAN)));
        JavascriptExecutor js = browser;
        js.executeScript("window.__sameDocument = 42;");

        farm.edit("/watch.rss", rss -> rss);
        await("the new story shown without reload").atMost(Duration.ofMinutes(2)).untilAsserted(() ->
                assertThat(rowTitles()).contains(HOSTILE));
        assertThat(js.executeScript("return window.__sameDocument")).as("no reload").isEqualTo(42L);
        assertThat(js.executeScript("return window.__xss === undefined")).as("the title's markup never ran").isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#stories img, #stories script"))).as("no element from the title")
                .isEmpty();
        Files.write(Path.of("target", "web-view.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.navigate().refresh();
        await("the facets loaded").atMost(Duration.ofSeconds(30)).until(() ->
                browser.findElements(By.cssSelector("#filters select[name=victim] option[value=JP]")).size() == 1);
        new Select(browser.findElement(By.name("victim"))).selectByValue("JP");
        await("only the story with victim Japan").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(rowTitles()).singleElement().satisfies(t -> assertThat(t).startsWith(JAPAN)));
        assertThat(browser.getCurrentUrl()).as("the filter in the URL").contains("victim=JP");

        js.executeScript("document.querySelector('#stories tbody tr').click()");
        await("the story's evidence highlighted").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(texts("#detail mark.ev-victims")).anySatisfy(t -> assertThat(t).contains("Japan"));
            assertThat(texts("#detail mark.ev-attributed")).isNotEmpty();
        });
        assertThat(browser.getCurrentUrl()).contains("story=");
        assertThat(texts("#score")).singleElement().satisfies(t -> assertThat(t).matches("0\\.\\d+|1\\.0"));
    }
}
