package se.asfplan.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application itself, started in this JVM from the classes of the shipped jar on one schema, with an HTTP port
 * of its own: what the benchmark measures in process (its beans) and over HTTP (as an API client signed in with
 * HTTP Basic, the shipped coordinator user of the local profile).
 */
final class App implements AutoCloseable {

    private static final String APPLICATION_CLASS = "se.asfplan.web.TrackerApplication";
    private static final String AUTHORIZATION = "Basic " + Base64.getEncoder()
            .encodeToString("coordinator:coordinator".getBytes(StandardCharsets.UTF_8));

    final ConfigurableApplicationContext context;
    final int port;
    final double startSeconds;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();

    private App(ConfigurableApplicationContext context, double startSeconds) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.startSeconds = startSeconds;
    }

    static App start(Settings settings, String suffix) throws ClassNotFoundException {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=local",
                "--spring.datasource.url=" + settings.url(suffix),
                "--spring.datasource.username=" + settings.user(),
                "--spring.datasource.password=" + settings.password(),
                "--spring.flyway.schemas=" + settings.schema(suffix),
                "--server.port=0",
                "--tracker.plans.import-on-start=",
                "--logging.level.root=WARN",
                "--logging.level.se.asfplan=WARN"));
        Class<?> application = Class.forName(APPLICATION_CLASS, true, Thread.currentThread().getContextClassLoader());
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .logStartupInfo(false).run(args.toArray(String[]::new));
        return new App(context, (System.nanoTime() - t0) / 1e9);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Sends a request and returns the body; anything but 2xx is an error naming the answer. */
    String send(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = exchange(method, path, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response.body();
    }

    HttpResponse<String> exchange(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", AUTHORIZATION)
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    String post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    String get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    /**
     * Each streaming processor's lowest position over its segments, or -1 while it does not hold every segment or
     * has not processed an event in one of them.
     */
    Map<String, Long> positions() {
        Map<String, Long> positions = new TreeMap<>();
        context.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                double covered = 0;
                long lowest = Long.MAX_VALUE;
                for (EventTrackerStatus status : streaming.processingStatus().values()) {
                    covered += 1.0 / (status.getSegment().getMask() + 1);
                    lowest = Math.min(lowest, status.getCurrentPosition().orElse(-1));
                }
                positions.put(name, covered >= 0.999 ? lowest : -1);
            }
        });
        return positions;
    }

    @Override
    public void close() {
        context.close();
    }
}
