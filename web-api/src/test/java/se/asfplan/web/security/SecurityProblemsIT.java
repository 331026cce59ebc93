package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * With HTTP Basic, 401 and 403 answer problem details naming what is missing, with the Basic challenge on 401, and
 * change nothing.
 */
class SecurityProblemsIT extends PostgresApiTest {

    private ResponseEntity<String> send(String user, String password, HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var client = user == null ? http : http.withBasicAuth(user, password);
        return client.exchange(path, method, new HttpEntity<>(method == HttpMethod.POST ? "{}" : null, headers),
                String.class);
    }

    private static void isProblem(ResponseEntity<String> answer, HttpStatus status, String type, String path) {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody())
                .contains("\"status\":" + status.value(), "problems/" + type, "\"instance\":\"" + path + "\"")
                .doesNotContain("Exception", "org.springframework", "Bad credentials");
    }

    @Test
    void anonymousAndWrongPasswordAnswer401WithTheBasicChallengeAndAProblem() {
        long events = eventCount();
        for (ResponseEntity<String> answer : new ResponseEntity[] {
                send(null, null, HttpMethod.GET, "/api/enterprises"),
                send(COORDINATOR, "not-the-password", HttpMethod.GET, "/api/enterprises"),
                send(null, null, HttpMethod.POST, "/api/enterprises"),
                send("nobody", "nobody", HttpMethod.POST, "/api/enterprises")}) {
            isProblem(answer, HttpStatus.UNAUTHORIZED, "authentication-required", "/api/enterprises");
            assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .isEqualTo("Basic realm=\"asf-plan-tracker\"");
            assertThat(answer.getBody()).contains("user name and password");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRoleThatMayNotAnswers403WithAProblem() {
        long events = eventCount();
        ResponseEntity<String> committeeReadsAnEnterprise = send(COMMITTEE, COMMITTEE, HttpMethod.GET,
                "/api/enterprises/x");
        isProblem(committeeReadsAnEnterprise, HttpStatus.FORBIDDEN, "access-denied", "/api/enterprises/x");
        assertThat(committeeReadsAnEnterprise.getBody()).contains("does not allow GET");

        ResponseEntity<String> auditorRecords = send(AUDITOR, AUDITOR, HttpMethod.POST, "/api/enterprises");
        isProblem(auditorRecords, HttpStatus.FORBIDDEN, "access-denied", "/api/enterprises");
        assertThat(auditorRecords.getBody()).contains("does not allow POST");
        assertThat(eventCount()).isEqualTo(events);
    }
}
