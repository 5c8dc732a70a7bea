package io.spyglass.app.command;

import io.spyglass.app.Spyglass;
import io.spyglass.app.config.SpyglassConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spyglass health}: asks a running process's endpoint whether it is ready; the container health check. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Asks a running Spyglass process whether it is ready: prints the answer of its /health/ready and "
                + "exits 0 on 200, 1 on anything else or no answer. For container health checks (needs no curl)."})
public final class HealthCommand implements Callable<Integer> {
    /** Well under the compose health check's timeout, so a hung endpoint is reported here rather than killed there. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file with http.port (default: config/spyglass.yaml if present).")
    Path config;

    @Option(names = "--url", paramLabel = "URL",
            description = "Endpoint to ask (default: http://localhost:<http.port>/health/ready).")
    URI url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        URI target;
        try {
            target = url != null ? url : readyUrl(SpyglassConfig.load(config, System.getenv(), Map.of()).health().address());
        } catch (IllegalArgumentException e) {
            // 1, not the usual 2: Docker reserves a health check's exit status 2
            spec.commandLine().getErr().println("spyglass: " + e.getMessage());
            return 1;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(target).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            spec.commandLine().getOut().println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("spyglass: " + target + " does not answer: " + e);
            return 1;
        }
    }

    /** The ready URL of an endpoint listening on {@code address}, asked from the same machine. */
    static URI readyUrl(InetSocketAddress address) {
        if (address.getPort() == 0) {
            throw new IllegalArgumentException("http.port is 0, a port picked at start-up and logged: give --url");
        }
        String host = address.getAddress().isAnyLocalAddress() ? "localhost" : address.getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/health/ready");
    }
}
