package io.spyglass.sink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts one body to one endpoint, retrying with exponential backoff; tells whether it got through. */
final class WebhookDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private final HttpClient client;
    private final WebhookSettings settings;
    private final String userAgent;

    WebhookDelivery(WebhookSettings settings, String userAgent) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Posts {@code json} to {@code url} until a 2xx answer or {@code maxAttempts} failures.
     *
     * @param idempotencyKey sent as {@code Idempotency-Key}, so an endpoint can drop a repeat after a sink crash
     * @return null when delivered, else the last failure
     */
    String post(URI url, String json, String idempotencyKey) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", userAgent)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        String failure = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                Thread.sleep(settings.delayBefore(attempt).toMillis());
            }
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return null;
                }
                failure = "HTTP " + response.statusCode();
            } catch (HttpTimeoutException e) {
                failure = "no answer within " + settings.timeout().toMillis() + " ms";
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            LOG.warn("Webhook {} attempt {}/{} for {} failed: {}", url, attempt, settings.maxAttempts(), idempotencyKey, failure);
        }
        return failure;
    }
}
