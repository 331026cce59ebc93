package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.asfplan.web.support.PostgresApiTest;

/**
 * When the identity provider's JWK set cannot be fetched, a bearer token cannot be checked: the answer is 503 with
 * Retry-After and a problem detail, never a bare 500 and never a 401 that would tell the client its token is bad;
 * nothing is recorded. Its own schema, like {@link OidcResourceServerIT}.
 */
@DirtiesContext
class OidcProviderDownIT extends PostgresApiTest {

    private static final TestTokens TOKENS = new TestTokens();

    @DynamicPropertySource
    static void oidcModeWithTheProviderDown(DynamicPropertyRegistry registry) throws SQLException {
        OidcMode.configure(registry, "_oidc_down", "http://127.0.0.1:" + closedPort() + "/certs");
    }

    /** A loopback port nothing listens on: taken, then given back. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTokenThatCannotBeCheckedAnswers503WithRetryAfterAndRecordsNothing() {
        long events = eventCount();
        String token = TOKENS.valid("anna.samordnare", "asf-samordnare");
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST}) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(token);
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> answer = http.exchange("/api/plans", method,
                    new HttpEntity<>(method == HttpMethod.POST ? "{}" : null, headers), String.class);

            assertThat(answer.getStatusCode()).as("%s", method).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody()).contains("\"status\":503", "problems/identity-provider-unavailable")
                    .doesNotContain("Exception", "org.springframework", "com.nimbusds", "127.0.0.1");
        }
        // no token at all is still simply unauthenticated
        assertThat(http.getForEntity("/api/plans", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(eventCount()).isEqualTo(events);
    }
}
