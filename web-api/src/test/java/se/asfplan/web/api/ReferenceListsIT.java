package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.domain.plan.Measure;
import se.asfplan.web.support.PostgresApiTest;

/**
 * The codes a request names are listed for every role: Integrationspakten's configured levels, and every goal
 * measure with the goal kinds it fits and what it counts; a level and a measure taken from the lists are accepted.
 */
class ReferenceListsIT extends PostgresApiTest {

    @Test
    void listsIntegrationspaktensLevelsAsConfiguredForEveryRole() {
        for (String user : List.of(COORDINATOR, AUDITOR, COMMITTEE)) {
            ResponseEntity<List<Map<String, Object>>> levels = getList(user, "/api/integrationspakten/levels");
            assertThat(levels.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(levels.getBody()).containsExactly(Map.of("code", "member", "name", "Medlem"),
                    Map.of("code", "plusmedlem", "name", "Plusmedlem"),
                    Map.of("code", "jobbpartner", "name", "Jobbpartner"));
        }
        assertThat(get(null, "/api/integrationspakten/levels").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void listsEveryGoalMeasureWithTheKindsItFitsAndADescription() {
        ResponseEntity<List<Map<String, Object>>> measures = getList(COMMITTEE, "/api/goal-measures");

        assertThat(measures.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(measures.getBody()).extracting(measure -> measure.get("measure"))
                .containsExactlyElementsOf(Arrays.stream(Measure.values()).map(Measure::name).toList());
        assertThat(measures.getBody()).allSatisfy(measure -> {
            assertThat((String) measure.get("description")).isNotBlank();
            assertThat((String) measure.get("descriptionSv")).isNotBlank();
            assertThat((List<?>) measure.get("goalKinds")).isNotEmpty();
        });
        assertThat(measures.getBody()).filteredOn(measure -> "INTEGRATIONSPAKTEN_INVITATION_COVERAGE"
                .equals(measure.get("measure"))).singleElement()
                .satisfies(measure -> assertThat(measure).containsEntry("shape", "COVERAGE")
                        .containsEntry("goalKinds", List.of("COVERAGE")));
        assertThat(measures.getBody()).filteredOn(measure -> "PLUS_AND_JOBBPARTNER_ASF".equals(measure.get("measure")))
                .singleElement().satisfies(measure -> assertThat(measure)
                        .containsEntry("goalKinds", List.of("COUNT", "CHANGE"))
                        .containsEntry("membershipLevels", List.of("jobbpartner", "plusmedlem")));
        assertThat(measures.getBody()).filteredOn(measure -> "CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE"
                .equals(measure.get("measure"))).singleElement()
                .satisfies(measure -> assertThat(measure).containsEntry("formerNames",
                        List.of("CONTRACTS_AWARDED_TO_ASF")));
    }
}
