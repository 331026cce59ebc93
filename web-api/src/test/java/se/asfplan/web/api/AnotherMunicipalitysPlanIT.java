package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Another municipality's plan from a file, read back as written (issue 10, "done when"): the samordningsförbund of
 * Huddinge, Botkyrka and Salem, proposed by one body and adopted by another, with its own sections and area numbers,
 * the parties it names registered with it, a scope of three municipalities, an activity led jointly by two committees
 * (one written by its abbreviation) and under way before the plan, one led by all committees, a single-year
 * timeline, and a goal to increase every year, expanded to each year of the plan.
 */
class AnotherMunicipalitysPlanIT extends PostgresApiTest {

    private static final String PLAN = "/api/plans/hbs-asf-2024-2026";

    @Test
    @SuppressWarnings("unchecked")
    void importsTheSamordningsforbundsPlanAndReadsItBackAsWritten() throws IOException {
        String yaml = new ClassPathResource("plans/hbs-asf-2024-2026.yaml").getContentAsString(StandardCharsets.UTF_8);
        ResponseEntity<Map<String, Object>> imported = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                yaml, MediaType.parseMediaType("application/yaml"), null);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody()).containsEntry("areas", 2).containsEntry("activities", 2)
                .containsEntry("recurringGoals", 1);

        // the plan read names its parties through the register of parties, which follows the import within moments
        Map<String, Object> plan = awaitResource(COMMITTEE, PLAN, body -> ((List<?>) body.get("goals")).size() == 3
                && body.toString().contains("partyId=huddinge-amn") && body.toString().contains("partyId=botkyrka-sn")
                && body.toString().contains("partyId=hbs-forbundet"));

        // the decisions as a chain: proposed by one body, adopted by another
        assertThat((List<Map<String, Object>>) plan.get("decisions")).extracting(
                decision -> decision.get("kind") + " " + ((Map<String, Object>) decision.get("decision")).get("body"))
                .containsExactly("PROPOSAL Beredningsgruppen", "ADOPTION Förbundsstyrelsen");
        assertThat((List<Map<String, Object>>) plan.get("sections")).extracting(section -> section.get("heading"))
                .containsExactly("Syfte", "Uppföljning");
        assertThat(plan.get("scope")).isEqualTo(Map.of("municipalities",
                List.of("Huddinge kommun", "Botkyrka kommun", "Salems kommun"), "parties", List.of("hbs-forbundet")));

        // areas with their numbers; joint, collective and under-way responsibility; a single-year timeline
        List<Map<String, Object>> areas = (List<Map<String, Object>>) plan.get("areas");
        assertThat(areas).extracting(area -> area.get("number")).containsExactly(1, 2);
        Map<String, Object> mapping = ((List<Map<String, Object>>) areas.get(0).get("activities")).get(0);
        assertThat((Map<String, Object>) mapping.get("responsibility")).containsEntry("lead", "AMN Huddinge")
                .containsEntry("coLeads", List.of("Socialnämnden i Botkyrka")).containsEntry("involved", List.of("HBS"));
        assertThat(mapping.get("timeline")).isEqualTo(Map.of("fromYear", 2024, "toYear", 2024));
        assertThat(mapping).containsEntry("status", "STARTED");
        assertThat((Map<String, Object>) mapping.get("underWayAtAdoption")).containsEntry("sinceBeforePlan", true);
        assertThat(mapping.get("parties").toString()).contains("partyId=huddinge-amn",
                "partyName=Arbetsmarknadsnämnden i Huddinge", "partyId=botkyrka-sn", "partyId=hbs-forbundet");
        Map<String, Object> places = ((List<Map<String, Object>>) areas.get(1).get("activities")).get(0);
        assertThat((Map<String, Object>) places.get("responsibility")).containsEntry("allCommittees", true);

        // a goal to increase every year: written once, one goal per year
        assertThat((List<Map<String, Object>>) plan.get("recurringGoals")).singleElement().satisfies(goal ->
                assertThat(goal).containsEntry("kind", "CHANGE").containsEntry("fromYear", 2024)
                        .containsEntry("toYear", 2026).containsEntry("yearGoals",
                                List.of("fler-inbjudna-2024", "fler-inbjudna-2025", "fler-inbjudna-2026")));

        // the joint activity is found by either committee, and by a long name the file wrote as an abbreviation
        for (String lead : List.of("Socialnämnden i Botkyrka", "Arbetsmarknadsnämnden i Huddinge", "amn huddinge")) {
            assertThat(getList(COMMITTEE, PLAN + "/activities?lead=" + lead).getBody()).as("lead %s", lead)
                    .extracting(activity -> activity.get("activityId")).containsExactly("gemensam-kartlaggning");
        }
        assertThat(awaitResource(AUDITOR, "/api/parties/huddinge-amn", body -> true))
                .containsEntry("municipality", "Huddinge kommun");
    }
}
