package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/** A body over the limit is answered 413 before anything reads it, with or without a declared length. */
class BodyLimitIT extends PostgresApiTest {

    private static final int OVER_THE_LIMIT = 4 * 1024 * 1024 + 1;

    @LocalServerPort
    private int port;

    @Test
    void refusesABodyDeclaredLongerThanTheLimit() {
        long before = eventCount();
        String body = "{\"name\": \"" + "x".repeat(OVER_THE_LIMIT) + "\"}";

        ResponseEntity<Map<String, Object>> response = exchange(COORDINATOR, HttpMethod.POST, "/api/enterprises",
                body, MediaType.APPLICATION_JSON, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody()).containsEntry("detail",
                "The body must be at most 4194304 bytes long; nothing was recorded");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void refusesAChunkedBodyLongerThanTheLimitAndAcceptsAShortOne() throws Exception {
        long before = eventCount();

        assertThat(postChunked("{\"name\": \"" + "x".repeat(OVER_THE_LIMIT) + "\"}")).isEqualTo(413);
        // a short chunked body passes the filter and reaches validation, which names the missing fields
        assertThat(postChunked("{\"name\": \"Kafé\"}")).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    private int postChunked(String json) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + "/api/enterprises")
                .toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(8192);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((COORDINATOR + ":" + COORDINATOR).getBytes(StandardCharsets.UTF_8)));
        try (OutputStream out = connection.getOutputStream()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            // the service may answer and close before the whole body is sent
        }
        int status = connection.getResponseCode();
        connection.disconnect();
        return status;
    }
}
