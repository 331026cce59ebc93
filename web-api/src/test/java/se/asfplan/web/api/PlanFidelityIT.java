package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * What real plans say beyond areas, activities and goals, from request to stored event and back through the plan
 * read: the plan's sections, the areas' numbers, single-year timelines, activities under way at the adoption, and
 * the chain of decisions with corrections that rewrite nothing stored.
 */
class PlanFidelityIT extends PostgresApiTest {

    private static final String PLAN_FILE = """
            format: action-plan/v1
            id: fidelity-file-2023
            title: "Handlingsplan för ASF i Trogenby"
            municipality: "Trogenby kommun"
            adopted: {"on": 2023-03-14, body: "Kommunstyrelsen", reference: "KS 2023/42", paragraph: "§ 37"}
            period: {from: 2023, to: 2026}
            decisions:
              - {id: godkannande-kf, kind: approval, "on": 2023-04-24, body: "Kommunfullmäktige", reference: "KF 2023/9"}
              - {id: forslag-sn, kind: proposal, "on": 2023-02-20, body: "Socialnämnden", summary: "Föreslår planen"}
            sections:
              - {heading: "Syfte", text: "Att främja ASF."}
              - {heading: "Omfattning", text: "Alla nämnder."}
              - {heading: "Ansvar", text: "Kommunstyrelsen."}
              - {heading: "Uppföljning", text: "Årligen."}
            areas:
              - id: samverkan
                number: 2
                name: "Samverkan"
                activities:
                  - {id: kartlagga-asf, kind: activity, title: "Kartlägga ASF", lead: "Näringslivsenheten",
                     timeline: 2023, underWay: {since: 2022-09-01}}
                  - {id: dialogmoten, kind: activity, title: "Dialogmöten", lead: "Näringslivsenheten",
                     underWay: {sinceBeforePlan: true}}
                  - {id: upphandlingsskola, kind: activity, title: "Upphandlingsskola", lead: "Upphandlingsenheten"}
              - id: upphandling
                number: 1
                name: "Upphandling"
            """;

    @Test
    @SuppressWarnings("unchecked")
    void importsAPlanFileWithSectionsNumbersUnderWayActivitiesAndDecisionsAndReadsThemBack() {
        ResponseEntity<Map<String, Object>> response = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                PLAN_FILE, MediaType.parseMediaType("application/yaml"), null);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);

        List<StoredEvent> events = storedEvents("fidelity-file-2023");
        assertThat(events).extracting(StoredEvent::simpleType).containsExactly("PlanAdoptedEvent",
                "AreaAddedEvent", "ActivityAddedEvent", "ActivityStartedEvent", "ActivityAddedEvent",
                "ActivityStartedEvent", "ActivityAddedEvent", "AreaAddedEvent", "PlanDecisionRecordedEvent",
                "PlanDecisionRecordedEvent");
        assertThat(events.get(0).payload()).contains("\"sections\":[{\"heading\":\"Syfte\"");
        assertThat(events.get(3).payload()).contains("\"occurredOn\":\"2022-09-01\"",
                "\"underWayAtAdoption\":{\"since\":\"2022-09-01\",\"sinceBeforePlan\":false}");
        assertThat(events.get(5).payload()).contains("\"occurredOn\":\"2023-03-14\"",
                "\"underWayAtAdoption\":{\"since\":null,\"sinceBeforePlan\":true}");

        Map<String, Object> plan = awaitResource(COMMITTEE, "/api/plans/fidelity-file-2023",
                body -> ((Number) body.get("version")).intValue() == 9);
        assertThat((List<Map<String, Object>>) plan.get("sections")).containsExactly(
                Map.of("heading", "Syfte", "text", "Att främja ASF."),
                Map.of("heading", "Omfattning", "text", "Alla nämnder."),
                Map.of("heading", "Ansvar", "text", "Kommunstyrelsen."),
                Map.of("heading", "Uppföljning", "text", "Årligen."));
        List<Map<String, Object>> areas = (List<Map<String, Object>>) plan.get("areas");
        assertThat(areas).extracting(area -> area.get("areaId"), area -> area.get("number"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("samverkan", 2),
                        org.assertj.core.groups.Tuple.tuple("upphandling", 1));
        List<Map<String, Object>> activities = (List<Map<String, Object>>) areas.get(0).get("activities");
        assertThat(activities.get(0)).containsEntry("status", "STARTED").containsEntry("startedOn", "2022-09-01")
                .containsEntry("timeline", Map.of("fromYear", 2023, "toYear", 2023))
                .containsEntry("underWayAtAdoption", Map.of("since", "2022-09-01", "sinceBeforePlan", false));
        assertThat(activities.get(1)).containsEntry("status", "STARTED").containsEntry("startedOn", "2023-03-14");
        assertThat((Map<String, Object>) activities.get(1).get("underWayAtAdoption"))
                .containsEntry("since", null).containsEntry("sinceBeforePlan", true);
        assertThat(activities.get(2)).containsEntry("status", "NOT_STARTED").containsEntry("underWayAtAdoption", null);

        List<Map<String, Object>> decisions = (List<Map<String, Object>>) plan.get("decisions");
        assertThat(decisions).extracting(decision -> decision.get("decisionId"))
                .containsExactly("forslag-sn", "adoption", "godkannande-kf");
        assertThat(decisions).extracting(decision -> decision.get("kind"))
                .containsExactly("PROPOSAL", "ADOPTION", "APPROVAL");
        assertThat(decisions.get(0)).containsEntry("decidedOn", "2023-02-20")
                .containsEntry("summary", "Föreslår planen").containsEntry("corrections", List.of());
        assertThat(decisions.get(1)).containsEntry("decision", Map.of("body", "Kommunstyrelsen",
                "reference", "KS 2023/42", "paragraph", "§ 37")).containsEntry("decidedOn", "2023-03-14");
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsAndCorrectsDecisionsOverTheApiKeepingTheWrongRecordInTheHistory() {
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "fidelity-api-2021", "title": "Handlingsplan", "municipality": "Trogenby kommun",
                 "adoption": {"body": "Kommunstyrelsen", "reference": "KS 2021/7", "paragraph": "§ 73"},
                 "adoptedOn": "2021-06-15", "period": {"fromYear": 2021, "toYear": 2024},
                 "sections": [{"heading": "Syfte", "text": "Att främja ASF."}]}""").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> area = post(COORDINATOR, "/api/plans/fidelity-api-2021/areas", """
                {"areaId": "natverk", "name": "Nätverk", "number": 1, "occurredOn": "2021-06-15"}""");
        assertThat(area.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> sameNumber = post(COORDINATOR, "/api/plans/fidelity-api-2021/areas", """
                {"areaId": "upphandling", "name": "Upphandling", "number": 1}""");
        assertThat(sameNumber.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(sameNumber.getBody()).containsEntry("rule", "area-number-must-be-unique");

        ResponseEntity<Map<String, Object>> approval = post(COORDINATOR, "/api/plans/fidelity-api-2021/decisions", """
                {"decisionId": "godkannande-kf", "kind": "APPROVAL", "decidedOn": "2021-09-27",
                 "decision": {"body": "Kommunfullmäktige", "reference": "KF 2021/88", "paragraph": "§ 5"},
                 "summary": "Fullmäktige godkänner planen"}""");
        assertThat(approval.getStatusCode()).as("%s", approval.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(approval.getHeaders().getLocation()).hasPath("/api/plans/fidelity-api-2021/decisions/godkannande-kf");

        long before = eventCount();
        ResponseEntity<Map<String, Object>> early = post(COORDINATOR, "/api/plans/fidelity-api-2021/decisions", """
                {"decisionId": "andring", "kind": "AMENDMENT", "decidedOn": "2021-01-10",
                 "decision": {"body": "Kommunstyrelsen"}}""");
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(early.getBody()).containsEntry("rule", "date-must-not-precede-plan-adoption");
        ResponseEntity<Map<String, Object>> again = post(COORDINATOR, "/api/plans/fidelity-api-2021/decisions", """
                {"decisionId": "godkannande-kf", "kind": "AMENDMENT", "decidedOn": "2022-01-10",
                 "decision": {"body": "Kommunstyrelsen"}}""");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("rule", "decision-id-must-be-unique");
        ResponseEntity<Map<String, Object>> unknown = post(COORDINATOR,
                "/api/plans/fidelity-api-2021/decisions/finns-inte/corrections", """
                {"decision": {"body": "Kommunstyrelsen"}, "decidedOn": "2021-06-15", "reason": "Fel"}""");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("rule", "decision-must-exist");
        ResponseEntity<Map<String, Object>> noReason = post(COORDINATOR,
                "/api/plans/fidelity-api-2021/decisions/adoption/corrections", """
                {"decision": {"body": "Kommunstyrelsen"}, "decidedOn": "2021-06-15"}""");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().toString()).contains("reason");
        ResponseEntity<Map<String, Object>> same = post(COORDINATOR,
                "/api/plans/fidelity-api-2021/decisions/adoption/corrections", """
                {"decision": {"body": "Kommunstyrelsen", "reference": "KS 2021/7", "paragraph": "§ 73"},
                 "decidedOn": "2021-06-15", "reason": "Samma"}""");
        assertThat(same.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(same.getBody()).containsEntry("rule", "decision-correction-must-change-something");
        assertThat(eventCount()).isEqualTo(before);

        ResponseEntity<Map<String, Object>> corrected = post(COORDINATOR,
                "/api/plans/fidelity-api-2021/decisions/adoption/corrections", """
                {"decision": {"body": "Kommunstyrelsen", "reference": "KS 2021/7", "paragraph": "§ 37"},
                 "decidedOn": "2021-06-14", "reason": "Paragraf och datum skrevs fel", "occurredOn": "2024-01-10"}""");
        assertThat(corrected.getStatusCode()).as("%s", corrected.getBody()).isEqualTo(HttpStatus.OK);

        List<StoredEvent> events = storedEvents("fidelity-api-2021");
        assertThat(events).extracting(StoredEvent::simpleType).containsExactly("PlanAdoptedEvent",
                "AreaAddedEvent", "PlanDecisionRecordedEvent", "PlanDecisionCorrectedEvent");
        assertThat(events.get(0).payload()).contains("\"paragraph\":\"§ 73\"", "\"occurredOn\":\"2021-06-15\"");
        assertThat(events.get(3).payload()).contains("\"decisionId\":\"adoption\"", "\"paragraph\":\"§ 37\"",
                "\"decidedOn\":\"2021-06-14\"", "\"reason\":\"Paragraf och datum skrevs fel\"");

        Map<String, Object> plan = awaitResource(AUDITOR, "/api/plans/fidelity-api-2021",
                body -> ((Number) body.get("version")).intValue() == 3);
        assertThat(plan).containsEntry("adoptedOn", "2021-06-14").containsEntry("adoption",
                Map.of("body", "Kommunstyrelsen", "reference", "KS 2021/7", "paragraph", "§ 37"));
        assertThat((List<Object>) plan.get("sections"))
                .containsExactly(Map.of("heading", "Syfte", "text", "Att främja ASF."));
        assertThat((List<Map<String, Object>>) plan.get("areas")).singleElement()
                .satisfies(only -> assertThat(only).containsEntry("number", 1));
        List<Map<String, Object>> chain = getList(COMMITTEE, "/api/plans/fidelity-api-2021/decisions").getBody();
        assertThat(chain).extracting(decision -> decision.get("decisionId"))
                .containsExactly("adoption", "godkannande-kf");
        assertThat(chain.get(0)).containsEntry("decidedOn", "2021-06-14").containsEntry("corrections", List.of(
                Map.of("readBefore", Map.of("body", "Kommunstyrelsen", "reference", "KS 2021/7", "paragraph", "§ 73"),
                        "decidedOnBefore", "2021-06-15", "reason", "Paragraf och datum skrevs fel",
                        "correctedOn", "2024-01-10")));
        assertThat(get(COMMITTEE, "/api/plans/fidelity-api-2021/decisions/godkannande-kf").getBody())
                .containsEntry("kind", "APPROVAL").containsEntry("summary", "Fullmäktige godkänner planen");
        assertThat(get(COMMITTEE, "/api/plans/fidelity-api-2021/decisions/finns-inte").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
