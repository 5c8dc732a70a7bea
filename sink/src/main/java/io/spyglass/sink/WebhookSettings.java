package io.spyglass.sink;

import io.spyglass.model.settings.SettingValues;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the webhook sink posts stories.
 *
 * @param jsonUrls    endpoints that get each story version as its JSON record; never null
 * @param slackUrls   Slack incoming-webhook (or compatible) endpoints that get a short message; never null
 * @param maxAttempts attempts per story and endpoint before the story goes to the dead-letter topic; at least 1
 * @param timeout     time for one request, answer included; a hanging endpoint counts as a failed attempt
 * @param backoff     wait after the first failed attempt; doubled after each further one, at most 30 s
 */
public record WebhookSettings(List<URI> jsonUrls, List<URI> slackUrls, int maxAttempts, Duration timeout, Duration backoff) {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The first wait, which {@code webhook.max-attempts}'s meaning states; not a key. */
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    public WebhookSettings {
        jsonUrls = List.copyOf(jsonUrls);
        slackUrls = List.copyOf(slackUrls);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** The settings the {@code webhook.*} keys give. */
    public static WebhookSettings from(SettingValues v) {
        return new WebhookSettings(v.urls("webhook.urls"), v.urls("webhook.slack-urls"),
                v.integer("webhook.max-attempts", 1, 100), v.duration("webhook.timeout"), FIRST_BACKOFF);
    }

    /** The documented defaults ({@link SinkSettings#KEYS}): no URLs. */
    public static WebhookSettings defaults() {
        return from(SettingValues.defaults(SinkSettings.KEYS));
    }

    /** These settings posting to {@code json} and {@code slack} URLs. */
    public WebhookSettings withUrls(List<URI> json, List<URI> slack) {
        return new WebhookSettings(json, slack, maxAttempts, timeout, backoff);
    }

    /** These settings making at most {@code attempts} attempts, the first wait {@code firstBackoff}, each {@code requestTimeout} long. */
    public WebhookSettings withRetries(int attempts, Duration requestTimeout, Duration firstBackoff) {
        return new WebhookSettings(jsonUrls, slackUrls, attempts, requestTimeout, firstBackoff);
    }

    /** True when there is somewhere to post to. */
    public boolean enabled() {
        return !jsonUrls.isEmpty() || !slackUrls.isEmpty();
    }

    /** The wait before attempt {@code attempt} (2 or later): backoff, doubled per earlier failure, capped. */
    Duration delayBefore(int attempt) {
        Duration d = backoff.multipliedBy(1L << Math.min(attempt - 2, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
