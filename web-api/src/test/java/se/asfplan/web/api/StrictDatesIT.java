package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Malformed values found by the hostile-requests check: a business date that is not ISO text is refused naming the
 * field (an empty array was taken as "no date", so the command was recorded as of today), and an empty text where
 * an object belongs is refused without naming a Java class.
 */
class StrictDatesIT extends PostgresApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[2024, 1, 1]", "20240101", "{}", "\"2024-02-30\""})
    @SuppressWarnings("unchecked")
    void refusesADateThatIsNotIsoTextNamingTheField(String date) {
        long before = eventCount();

        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "it-datum", "name": "Datum", "legalForm": "ENSKILD_FIRMA", "municipality": "Stockholm",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true}, "occurredOn": %s}""".formatted(date));

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
                .anySatisfy(error -> assertThat(error.get("field")).isEqualTo("occurredOn"));
        assertThat(eventCount()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void answersAnEmptyTextWhereAnObjectBelongsWithoutNamingAClass() {
        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, "/api/plans", """
                {"planId": "it-tom-text", "title": "Plan", "municipality": "Stockholm", "adoption": "",
                 "adoptedOn": "2021-08-31", "period": {"fromYear": 2021, "toYear": 2024}}""");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getBody())).contains("adoption").doesNotContain("se.asfplan")
                .doesNotContain("`").doesNotContain("Coercion");
    }
}
