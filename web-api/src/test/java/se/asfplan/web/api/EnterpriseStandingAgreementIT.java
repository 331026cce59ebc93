package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

import se.asfplan.domain.enterprise.EnterpriseStanding;
import se.asfplan.domain.enterprise.EnterpriseStandingCases;
import se.asfplan.domain.enterprise.EnterpriseStandingCases.Fact;
import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.web.support.PostgresApiTest;

/**
 * The register's read model decides an enterprise's Integrationspakten membership in SQL, step by step and by
 * restoring the step before a retracted one; the one definition of "the level in force" is
 * {@link EnterpriseStanding}. Both are checked against one table of cases (core-domain's
 * {@code enterprise-standing/integrationspakten-level.csv}): each case is recorded here over the API, and the
 * enterprise's level as the read model shows it must be the level the definition gives after all its facts.
 */
class EnterpriseStandingAgreementIT extends PostgresApiTest {

    private static final String CASES = "/enterprise-standing/integrationspakten-level.csv";

    /** Each distinct history of the table once: the read model shows the level now, not on each case's day. */
    static Stream<String> histories() throws IOException {
        Set<String> histories = new LinkedHashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(EnterpriseStandingCases.class.getResourceAsStream(CASES), CASES),
                StandardCharsets.UTF_8))) {
            lines.lines().skip(1).filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .filter(line -> !line.startsWith("facts|"))
                    .forEach(line -> histories.add(line.split("\\|")[0].strip()));
        }
        assertThat(histories).as("cases in " + CASES).hasSizeGreaterThan(5);
        return histories.stream();
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("histories")
    void showsTheLevelTheDefinitionGives(String history) {
        String enterprise = "it-standing-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/enterprises/" + enterprise;
        assertStatus(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "name": "Kafé Standing", "legalForm": "ENSKILD_FIRMA",
                 "linesOfBusiness": ["catering"], "municipality": "Stockholm", "criteria": %s,
                 "certifications": [], "occurredOn": "2020-12-01"}""".formatted(enterprise, criteria(true))));
        // registered as a caterer, so that every change of details in a case changes something
        List<Fact> facts = EnterpriseStandingCases.facts(history);
        String[] written = history.split(";");
        boolean member = false;
        for (int position = 1; position <= facts.size(); position++) {
            Fact fact = facts.get(position - 1);
            String on = "\"occurredOn\": \"" + fact.on() + "\"";
            switch (fact.what()) {
                case "asf", "not-asf" -> assertStatus(post(COORDINATOR, base + "/details", """
                        {"name": "Kafé Standing", "legalForm": "ENSKILD_FIRMA", "linesOfBusiness": ["café"],
                         "municipality": "Stockholm", "criteria": %s, "certifications": [], %s}"""
                        .formatted(criteria(fact.what().equals("asf")), on)));
                case "closed" -> assertStatus(post(COORDINATOR, base + "/closure",
                        "{\"reason\": \"Avvecklad\", " + on + "}"));
                case "member" -> {
                    assertStatus(post(COORDINATOR, base + (member ? "/integrationspakten/level"
                            : "/integrationspakten/membership"), "{\"level\": \"" + fact.argument() + "\", " + on + "}"));
                    member = true;
                }
                case "left" -> {
                    assertStatus(post(COORDINATOR, base + "/integrationspakten/leaving", "{" + on + "}"));
                    member = false;
                }
                case "retract" -> {
                    // the n-th fact of the case is the enterprise's event n: its registration is event 0
                    String eventId = jdbc.queryForObject("select event_identifier from domain_event_entry "
                            + "where aggregate_identifier = ? and sequence_number = ?", String.class, enterprise,
                            Long.parseLong(fact.argument()));
                    assertStatus(post(COORDINATOR, base + "/retractions", """
                            {"eventId": "%s", "reason": "Fel registrerat", %s}""".formatted(eventId, on)));
                    // a retracted step restores the membership before it: the next step follows that one
                    member = EnterpriseStandingCases.standing(String.join(";",
                            Arrays.copyOf(written, position))).integrationspaktenLevel() != null;
                }
                default -> throw new IllegalArgumentException("no such fact in a case: " + fact.what());
            }
        }
        IntegrationspaktenLevel defined = EnterpriseStandingCases.standing(history).integrationspaktenLevel();

        Map<String, Object> view = awaitResource(AUDITOR, base,
                body -> ((Number) body.get("version")).intValue() == facts.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> integrationspakten = (Map<String, Object>) view.get("integrationspakten");
        assertThat(integrationspakten.get("level")).as("level the read model shows for [%s]", history)
                .isEqualTo(defined == null ? null : defined.value());
        assertThat(integrationspakten.get("member")).isEqualTo(defined != null);
    }

    private static String criteria(boolean met) {
        return """
                {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": %s,
                 "independentOfPublicSector": true}""".formatted(met);
    }

    private static void assertStatus(org.springframework.http.ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s", response.getStatusCode(),
                response.getBody()).isTrue();
        assertThat(response.getStatusCode()).isNotEqualTo(HttpStatus.NO_CONTENT);
    }
}
