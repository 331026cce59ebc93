package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The register of parties on PostgreSQL: parties registered, read back and listed per municipality; other names
 * recorded for a party; a name that would name two parties refused with nothing recorded; and the procurement rules
 * counting what was recorded under any of an authority's names as one authority's (the three-year rule for reserved
 * welfare awards, the direct-award sums), which they did not before the names were recorded.
 */
class PartyRegisterIT extends ProcurementApiSupport {

    private static final String TRAINING = "\"80511000-9\"";
    private static final String CLEANING = "\"90910000-9\"";

    private final String amn = id("amn");
    private final String amnName = "Arbetsmarknadsnämnden " + suffix;
    private final String amnWrittenOtherwise = "Arbetsmarknadsnämnden " + suffix + " (AMN)";
    private final String municipality = "Partikommun " + suffix;

    private ResponseEntity<Map<String, Object>> beginBy(String procurementId, String authorityName, String procedure,
                                                        String cpvCodes, String occurredOn) {
        return post(COORDINATOR, "/api/procurements", """
                {"procurementId": "%s", "stage": "ANNOUNCED", "authority": "%s", "subject": "Korta jobbspår",
                 "cpvCodes": [%s], "procedure": "%s", "occurredOn": "%s"}"""
                .formatted(procurementId, authorityName, cpvCodes, procedure, occurredOn));
    }

    private void registerAmn() {
        ResponseEntity<Map<String, Object>> registered = post(COORDINATOR, "/api/parties", """
                {"partyId": "%s", "name": "%s", "abbreviation": "AMN-%s", "kind": "COMMITTEE",
                 "municipality": "%s", "occurredOn": "2023-01-10"}""".formatted(amn, amnName, suffix, municipality));
        assertStatus(registered, HttpStatus.CREATED);
        assertThat(registered.getHeaders().getLocation()).hasPath("/api/parties/" + amn);
    }

    @Test
    void registersPartiesAndTheirOtherNamesAndRefusesANameOfAnother() {
        registerAmn();
        assertStatus(post(COORDINATOR, "/api/parties", """
                {"partyId": "%s", "name": "Socialnämnden %s", "kind": "COMMITTEE", "municipality": "%s"}"""
                .formatted(id("sn"), suffix, municipality)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/parties/" + amn + "/names", """
                {"name": "%s", "reason": "Så skrevs den i upphandlingarna", "occurredOn": "2023-02-01"}"""
                .formatted(amnWrittenOtherwise)), HttpStatus.OK);

        Map<String, Object> party = awaitResource(AUDITOR, "/api/parties/" + amn,
                body -> ((List<?>) body.get("names")).size() == 3);
        assertThat(party).containsEntry("name", amnName).containsEntry("abbreviation", "AMN-" + suffix)
                .containsEntry("kind", "COMMITTEE").containsEntry("municipality", municipality)
                .containsEntry("registeredOn", "2023-01-10");
        assertThat(party.get("names")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly(
                Map.of("name", amnName, "since", "2023-01-10"), Map.of("name", "AMN-" + suffix, "since", "2023-01-10"),
                Map.of("name", amnWrittenOtherwise, "since", "2023-02-01"));
        assertThat(getList(AUDITOR, "/api/parties?municipality=" + municipality.toUpperCase()).getBody())
                .extracting(listed -> listed.get("partyId")).containsExactlyInAnyOrder(amn, id("sn"));

        long before = eventCount();
        ResponseEntity<Map<String, Object>> taken = post(COORDINATOR, "/api/parties/" + id("sn") + "/names", """
                {"name": "  arbetsmarknadsnämnden %s ", "reason": "Fel"}""".formatted(suffix));
        assertThat(taken.getStatusCode()).as("%s", taken.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getBody()).containsEntry("rule", "name-must-name-one-party");
        assertThat(taken.getBody().get("detail").toString()).contains("already names party " + amn);
        ResponseEntity<Map<String, Object>> again = post(COORDINATOR, "/api/parties", """
                {"partyId": "%s", "name": "Annan %s", "kind": "COMPANY"}""".formatted(amn, suffix));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("rule", "party-can-be-registered-once");
        ResponseEntity<Map<String, Object>> unknown = post(COORDINATOR, "/api/parties/" + id("ingen") + "/names", """
                {"name": "Något", "reason": "Fel"}""");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("rule", "party-must-be-registered-first");
        ResponseEntity<Map<String, Object>> noKind = post(COORDINATOR, "/api/parties", """
                {"partyId": "%s", "name": "Utan sort %s"}""".formatted(id("utan"), suffix));
        assertThat(noKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noKind.getBody().toString()).contains("kind");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(get(AUDITOR, "/api/parties/" + id("ingen")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void countsAwardsUnderAnyOfAnAuthoritysNamesAsOneAuthoritys() {
        String asf = registeredAsf();
        String first = id("utbildning");
        assertStatus(beginBy(first, amnName, "RESERVED_WELFARE_SERVICES", TRAINING, "2023-02-01"),
                HttpStatus.CREATED);
        assertStatus(award(first, asf, "1000", "2023-05-01", "2024-04-30", "", "2023-04-03"), HttpStatus.OK);

        // written otherwise and unknown to the register: another authority, so not barred
        String otherwise = id("utbildning-amn");
        assertStatus(beginBy(otherwise, amnWrittenOtherwise, "RESERVED_WELFARE_SERVICES", TRAINING, "2024-02-01"),
                HttpStatus.CREATED);
        assertStatus(award(otherwise, asf, "1000", "2024-05-01", "2025-04-30", "", "2024-04-03"), HttpStatus.OK);

        // once both names name one party, the earlier award bars a third for the same services
        registerAmn();
        assertStatus(post(COORDINATOR, "/api/parties/" + amn + "/names", """
                {"name": "%s", "reason": "Samma nämnd"}""".formatted(amnWrittenOtherwise)), HttpStatus.OK);
        String third = id("utbildning-3");
        assertStatus(beginBy(third, "AMN-" + suffix, "RESERVED_WELFARE_SERVICES", TRAINING, "2025-02-01"),
                HttpStatus.CREATED);
        long before = eventCount();
        ResponseEntity<Map<String, Object>> barred = award(third, asf, "1000", "2025-05-01", "2026-04-30", "",
                "2025-04-03");
        assertThat(barred.getStatusCode()).as("%s", barred.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(barred.getBody()).containsEntry("rule",
                "reserved-welfare-award-to-same-supplier-once-in-three-years");
        assertThat(eventCount()).isEqualTo(before);

        // direct awards of one kind add up across the authority's names, written in any case
        String supplier = randomOrganisationNumber();
        String one = id("direkt-1");
        String two = id("direkt-2");
        assertStatus(beginBy(one, amnName.toUpperCase(), "DIRECT_AWARD", CLEANING, "2024-01-15"), HttpStatus.CREATED);
        assertStatus(award(one, supplier, "600000", "2024-02-01", "2024-12-31",
                ", \"purchaseKind\": \"städtjänster\"", "2024-01-20"), HttpStatus.OK);
        assertStatus(beginBy(two, amnWrittenOtherwise, "DIRECT_AWARD", CLEANING, "2024-05-15"), HttpStatus.CREATED);
        assertStatus(award(two, supplier, "100000.01", "2024-06-01", "2024-12-31",
                ", \"purchaseKind\": \"städtjänster\"", "2024-05-20"), HttpStatus.OK);
        Map<String, Object> view = awaitResource(AUDITOR, base(two), body -> body.get("award") != null);
        assertThat(view).extractingByKey("award").asInstanceOf(InstanceOfAssertFactories.MAP)
                .extractingByKey("directAward").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("yearToDateTotal", 700000.01).containsEntry("limitExceeded", true);
    }
}
