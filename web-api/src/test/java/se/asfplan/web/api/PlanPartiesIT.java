package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * A plan file that lists its parties, leads an activity jointly and names a party by its abbreviation: imported with
 * its parties in one step, read back as written with each responsible party resolved through the register, and found
 * by the lead filter through either joint lead and any of a party's names. A refused import registers no party.
 */
class PlanPartiesIT extends PostgresApiTest {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String municipality = "Partby " + suffix;
    private final String amnId = "partby-amn-" + suffix;
    private final String snId = "partby-sn-" + suffix;
    private final String amn = "Arbetsmarknadsnämnden " + suffix;
    private final String amnAbbreviation = "AMN-" + suffix;
    private final String sn = "Socialnämnden " + suffix;
    private final String famna = "Famna " + suffix;
    private final String office = "Partby stadsledningskontor " + suffix;

    private String parties() {
        return """
                parties:
                  - {id: %s, name: "%s", abbreviation: "%s", kind: committee, municipality: "%s"}
                  - {id: %s, name: "%s", kind: committee, municipality: "%s"}
                  - {id: partby-famna-%s, name: "%s", kind: external}
                """.formatted(amnId, amn, amnAbbreviation, municipality, snId, sn, municipality, suffix, famna);
    }

    private String planFile(String planId, String parties, String lastTimeline) {
        return """
                format: action-plan/v1
                id: %s
                title: "Handlingsplan för ASF i Partby"
                municipality: "%s"
                adopted: {"on": 2023-03-01, body: "Kommunfullmäktige"}
                period: {from: 2023, to: 2026}
                scope: {municipalities: ["%s"], parties: [partby-famna-%s]}
                %s
                areas:
                  - id: arbete
                    name: "Arbete"
                    activities:
                      - id: gemensamma-platser
                        kind: activity
                        title: "Gemensamma arbetsträningsplatser"
                        leads: ["%s", "%s"]
                        involved: ["%s"]
                      - id: egna-platser
                        kind: activity
                        title: "Egna arbetsträningsplatser"
                        lead: "%s"
                      - id: sociala-krav
                        kind: steering-possibility
                        title: "Sociala krav i alla nämnders inköp"
                        lead: "Samtliga nämnder"
                        involved: ["%s"]
                      - id: styrning
                        kind: activity
                        title: "Uppdrag om ASF"
                        lead: "Kommunstyrelsen"
                        timeline: %s
                """.formatted(planId, municipality, municipality, suffix, parties, amnAbbreviation, sn, famna, amn, office, lastTimeline);
    }

    @Test
    void importsAPlanWithItsPartiesAndFindsJointLeadsByAnyOfTheirNames() {
        String planId = "partby-" + suffix;
        ResponseEntity<Map<String, Object>> imported = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                planFile(planId, parties(), "ongoing"), YAML, null);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody()).containsEntry("activities", 4).containsEntry("parties", 3);
        assertThat(storedEvents(amnId)).extracting(StoredEvent::simpleType).containsExactly("PartyRegisteredEvent");
        assertThat(storedEvents(amnId).get(0).payload()).contains("\"occurredOn\":\"2023-03-01\"");
        // the plan's scope names a party the same file registers: the plan's rule sees it within the import
        assertThat(storedEvents(planId)).extracting(StoredEvent::simpleType).contains("PlanScopeSetEvent");

        // read back as written, each responsible party resolved through the register once it has folded the parties
        awaitResource(AUDITOR, "/api/parties/" + amnId, party -> amn.equals(party.get("name")));
        awaitResource(AUDITOR, "/api/parties/" + snId, party -> sn.equals(party.get("name")));
        Map<String, Object> joint = awaitResource(AUDITOR, "/api/plans/" + planId + "/activities/gemensamma-platser",
                activity -> parties(activity).stream().allMatch(party -> party.get("partyId") != null));
        assertThat(joint.get("responsibility")).isEqualTo(Map.of("lead", amnAbbreviation, "coLeads", List.of(sn),
                "allCommittees", false, "involved", List.of(famna)));
        assertThat(parties(joint)).containsExactly(
                party(amnAbbreviation, "LEAD", amnId, amn, amnAbbreviation),
                party(sn, "LEAD", snId, sn, null),
                party(famna, "INVOLVED", "partby-famna-" + suffix, famna, null));
        Map<String, Object> collective = get(AUDITOR, "/api/plans/" + planId + "/activities/sociala-krav").getBody();
        Map<String, Object> everyCommittee = new java.util.HashMap<>();
        everyCommittee.put("lead", null);
        everyCommittee.put("coLeads", List.of());
        everyCommittee.put("allCommittees", true);
        everyCommittee.put("involved", List.of(office));
        assertThat(collective.get("responsibility")).isEqualTo(everyCommittee);
        assertThat(parties(collective)).containsExactly(party(office, "INVOLVED", null, null, null));

        // the lead filter finds the joint activity through either lead and by the abbreviation or the long name
        assertThat(ids(planId, "lead=" + sn)).containsExactly("gemensamma-platser", "sociala-krav");
        assertThat(ids(planId, "lead=" + amnAbbreviation))
                .containsExactly("gemensamma-platser", "egna-platser", "sociala-krav");
        assertThat(ids(planId, "lead=" + amn.toUpperCase() + "  "))
                .containsExactly("gemensamma-platser", "egna-platser", "sociala-krav");
        assertThat(ids(planId, "lead=Kommunstyrelsen")).containsExactly("styrning");
        assertThat(ids(planId, "lead=samtliga nämnder")).containsExactly("sociala-krav");
        assertThat(ids(planId, "lead=" + famna)).isEmpty();
        assertThat(ids(planId, "party=" + famna)).containsExactly("gemensamma-platser");
        assertThat(ids(planId, "party=" + office.toLowerCase())).containsExactly("sociala-krav");

        // over the API, a responsibility written the way it was before (lead only) and one with co-leads
        ResponseEntity<Map<String, Object>> oldForm = post(COORDINATOR, "/api/plans/" + planId
                + "/activities/styrning/responsibility", """
                {"responsibility": {"lead": "Kommunstyrelsen", "involved": ["%s"]}, "reason": "Förtydligat"}"""
                .formatted(famna));
        assertThat(oldForm.getStatusCode().is2xxSuccessful()).as("%s", oldForm.getBody()).isTrue();
        ResponseEntity<Map<String, Object>> joined = post(COORDINATOR, "/api/plans/" + planId
                + "/activities/styrning/responsibility", """
                {"responsibility": {"lead": "Kommunstyrelsen", "coLeads": ["%s"], "involved": ["%s"]},
                 "reason": "Gemensamt ansvar"}""".formatted(sn, famna));
        assertThat(joined.getStatusCode().is2xxSuccessful()).as("%s", joined.getBody()).isTrue();
        awaitResource(AUDITOR, "/api/plans/" + planId + "/activities/styrning",
                activity -> parties(activity).size() == 3);
        assertThat(ids(planId, "lead=" + sn)).containsExactly("gemensamma-platser", "sociala-krav", "styrning");
        assertThat(ids(planId, "party=" + famna)).containsExactly("gemensamma-platser", "styrning");

        // a second plan naming the same parties with the same details imports without registering them again
        String secondPlan = "partby-andra-" + suffix;
        ResponseEntity<Map<String, Object>> again = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                planFile(secondPlan, parties(), "ongoing"), YAML, null);
        assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(storedEvents(amnId)).hasSize(1);
        assertThat(storedEvents(snId)).hasSize(1);
    }

    @Test
    void registersNoPartyWhenARuleRefusesThePlan() {
        String planId = "partby-vagrad-" + suffix;
        long before = eventCount();
        ResponseEntity<Map<String, Object>> refused = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                planFile(planId, parties(), "{from: 2030, to: 2031}"), YAML, null);

        assertThat(refused.getStatusCode().is4xxClientError()).as("%s", refused.getBody()).isTrue();
        assertThat(refused.getBody()).containsKey("rule");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(storedEvents(amnId)).isEmpty();
        assertThat(storedEvents(planId)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from party_name where party_id in (?, ?)", Long.class,
                amnId, snId)).isZero();
        assertThat(get(AUDITOR, "/api/parties/" + amnId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesAPlanWhoseListedPartyIsRegisteredWithOtherDetails() {
        String planId = "partby-annan-" + suffix;
        ResponseEntity<Map<String, Object>> registered = post(COORDINATOR, "/api/parties", """
                {"partyId": "%s", "name": "%s", "kind": "COMMITTEE", "municipality": "%s"}"""
                .formatted(amnId, amn, municipality));
        assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map<String, Object>> refused = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                planFile(planId, parties(), "ongoing"), YAML, null);

        assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("rule", "party-registered-with-other-details");
        assertThat(storedEvents(planId)).isEmpty();
        assertThat(storedEvents(snId)).isEmpty();
        assertThat(storedEvents(amnId)).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parties(Map<String, Object> activity) {
        return (List<Map<String, Object>>) activity.get("parties");
    }

    private static Map<String, Object> party(String name, String role, String partyId, String partyName,
                                             String abbreviation) {
        Map<String, Object> party = new java.util.HashMap<>();
        party.put("name", name);
        party.put("role", role);
        party.put("partyId", partyId);
        party.put("partyName", partyName);
        party.put("abbreviation", abbreviation);
        return party;
    }

    private List<Object> ids(String planId, String filter) {
        ResponseEntity<List<Map<String, Object>>> response =
                getList(COMMITTEE, "/api/plans/" + planId + "/activities?" + filter);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody().stream().map(activity -> activity.get("activityId")).toList();
    }
}
