package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

import se.asfplan.web.security.EndpointRoleMatrix.Caller;
import se.asfplan.web.support.PostgresApiTest;

/**
 * Every endpoint of the application, called anonymously and as each configured user (HTTP Basic, the default
 * mode), answers as the role matrix says: 401 without credentials, 403 for a role that may not, and anything else
 * for a role that may.
 */
class EndpointRoleMatrixIT extends PostgresApiTest {

    @Autowired
    ApplicationContext context;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void everyEndpointAnswersEveryRoleAsTheMatrixSays() {
        long events = eventCount();
        List<Caller> callers = EndpointRoleMatrix.withAnonymous(List.of(
                basic(COORDINATOR, Role.COORDINATOR), basic(AUDITOR, Role.AUDITOR), basic(COMMITTEE, Role.COMMITTEE)));

        int passed = EndpointRoleMatrix.check("basic", context, http, callers);

        assertThat(passed).isGreaterThanOrEqualTo(4 * EndpointRoleMatrix.EXPECTED.size());
        assertThat(eventCount()).as("no call of the matrix recorded anything").isEqualTo(events);
    }

    @Test
    void everyPageOpensForEveryRoleAsThePageMatrixSays() throws Exception {
        long events = eventCount();
        String base = "http://localhost:" + port;
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        List<PageRoleMatrix.Session> sessions = List.of(
                PageRoleMatrix.signIn(client, base, COORDINATOR, Role.COORDINATOR),
                PageRoleMatrix.signIn(client, base, AUDITOR, Role.AUDITOR),
                PageRoleMatrix.signIn(client, base, COMMITTEE, Role.COMMITTEE));

        int passed = PageRoleMatrix.check(context, base, sessions);

        assertThat(passed).isGreaterThan(0);
        assertThat(eventCount()).as("no page call recorded anything").isEqualTo(events);
    }

    @Test
    void aWrongPasswordIsAnsweredLikeNoneAndBearerTokensAreNotAccepted() {
        assertThat(http.withBasicAuth(COORDINATOR, "wrong").getForEntity("/api/plans", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("nobody", "nobody").getForEntity("/api/plans", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        var response = http.getForEntity("/api/plans", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    private static Caller basic(String user, Role role) {
        return new Caller(user, Set.of(role), headers -> headers.setBasicAuth(user, user));
    }
}
