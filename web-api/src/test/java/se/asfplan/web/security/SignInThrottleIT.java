package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.asfplan.web.support.PostgresApiTest;

/**
 * 20 wrong passwords in a row: the first ten are answered 401, then the user is locked at this address and answered
 * 429 with Retry-After, the right password included; other users at the same address still sign in, without waiting
 * for BCrypt once their password has been verified. (A plain JDK client: it neither retries nor waits on 429.)
 */
class SignInThrottleIT extends PostgresApiTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void twentyWrongPasswordsLeadTo429AndOthersAreNotSlowed() throws Exception {
        String guessed = "mallory-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(read(guessed, "guess-" + i).statusCode());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 20)).containsOnly(429);

        HttpResponse<String> locked = read(guessed, "even-the-right-one");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
        assertThat(locked.body()).contains("Too many failed sign-ins").doesNotContain("even-the-right-one");

        // another user at the same address is neither locked nor slowed: after the first check, no BCrypt run
        assertThat(read(COMMITTEE, COMMITTEE).statusCode()).isEqualTo(200);
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(read(COMMITTEE, COMMITTEE).statusCode()).isEqualTo(200);
        }
        System.out.printf("20 reads by a verified user after the lock: %.1f ms per request%n",
                (System.nanoTime() - started) / 1e6 / 20);
    }

    private HttpResponse<String> read(String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/plans"))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }
}
