package se.asfplan.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The scripted Stockholm history of issue 4 (2021-2024), recorded over HTTP as the coordinator: the plan imported,
 * its goals set, then everything up to a committee meeting in February 2024 and everything after it. Used by
 * {@code StockholmHistoryIT} (whose assertions spell out the figures it implies) and by the independent
 * recomputation's acceptance test. One script per test schema: its identifiers are fixed.
 */
public final class StockholmScript {

    public static final String PLAN = "stockholm-asf-2021";
    private static final String PLAN_PATH = "/api/plans/" + PLAN;
    private static final List<Integer> YEARS = List.of(2021, 2022, 2023, 2024);

    private final PostgresApiTest test;
    private int procurements;

    public StockholmScript(PostgresApiTest test) {
        this.test = test;
    }

    // ---------------------------------------------------------------------------------------------- the script

    public void importStockholmPlan() throws IOException {
        String yaml = new ClassPathResource("plans/stockholm-asf-2021.yaml").getContentAsString(StandardCharsets.UTF_8);
        ResponseEntity<Map<String, Object>> imported = test.exchange(PostgresApiTest.COORDINATOR, HttpMethod.POST, "/api/plans/import",
                yaml, MediaType.parseMediaType("application/yaml"), null);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** Arbetsmarknadsnämnden, which procures in the script, belongs to Stockholms stad: the plan counts its awards. */
    public void registerTheContractingAuthority() {
        record("/api/parties", """
                {"partyId": "stockholm-arbetsmarknadsnamnden", "name": "Arbetsmarknadsnämnden", "abbreviation": "AMN",
                 "kind": "COMMITTEE", "municipality": "Stockholms stad", "occurredOn": "2021-08-31"}""");
    }

    /** The goals Kommunstyrelsen sets for the plan: counts, coverage, a change, milestones and a share. */
    public void setGoals() {
        for (int year : YEARS) {
            goal("inbjudna-" + year, year, "COVERAGE", "INTEGRATIONSPAKTEN_INVITATION_COVERAGE",
                    "Andel kända ASF inbjudna till Integrationspakten", "AT_LEAST", "100", "%", null);
        }
        for (int year : List.of(2022, 2023, 2024)) {
            goal("reserverade-" + year, year, "COUNT", "RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED",
                    "Reserverade upphandlingar i staden", "AT_LEAST", "3", "st",
                    "upphandling-reserverade-upphandlingar-arligen");
            goal("delade-" + year, year, "COUNT", "PROCUREMENTS_DIVIDED_INTO_LOTS",
                    "Upphandlingar med kontrakt delade i delar", "AT_LEAST", "3", "st",
                    "upphandling-minst-tre-upphandlingar-med-delade-kontrakt");
            goal("plus-jobbpartner-" + year, year, "CHANGE", "PLUS_AND_JOBBPARTNER_ASF",
                    "Fler ASF bland Plusmedlemmar och Jobbpartners än året före", "AT_LEAST", "1", "st",
                    "natverk-mal-asf-bland-plusmedlemmar-jobbpartners");
            goal("radgivning-" + year, year, "COUNT", "BUSINESS_ADVICE_TO_ASF",
                    "Företagsrådgivningar till ASF", "AT_LEAST", "4", "st",
                    "foretag-utveckla-foretagsradgivningen-for-asf");
            goal("avtal-asf-" + year, year, "COUNT", "CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE",
                    "Kontrakt tilldelade ASF", "AT_LEAST", "1", "st", null);
            goal("andel-plus-" + year, year, "SHARE", null,
                    "Andel ASF bland Plusmedlemmar och Jobbpartners", "AT_LEAST", "20", "%", null);
        }
        goal("aktivitetsplan-2022", 2022, "MILESTONE", "ACTIVITY_COMPLETED",
                "Stadsövergripande aktivitetsplan framtagen", "EXACTLY", "1", "plan",
                "natverk-arlig-stadsovergripande-aktivitetsplan");
        goal("innovationsupphandling-2023", 2023, "MILESTONE", "ACTIVITY_COMPLETED",
                "Uppdrag om innovationsupphandling med ASF givet", "EXACTLY", "1", "uppdrag",
                "upphandling-uppdrag-innovationsupphandling-med-asf");
        goal("foretagsradgivning-2024", 2024, "MILESTONE", "ACTIVITY_COMPLETED",
                "Företagsrådgivningen för ASF utvecklad", "EXACTLY", "1", "st",
                "foretag-utveckla-foretagsradgivningen-for-asf");
    }

    /** Everything recorded up to the committee's meeting in February 2024: the years 2021-2023. */
    public void recordUntilTheCommitteeMeeting() {
        // 2021: five enterprises, four of them ASF; three invited; one joins
        register("e01", "Kafé Gemenskap", true, "2021-09-15");
        register("e02", "Tvätteriet i Hökarängen", true, "2021-09-20");
        register("e03", "Cykelverkstan", true, "2021-10-01");
        register("e04", "Trädgårdsgruppen", true, "2021-10-05");
        register("e05", "Konsultbolaget", false, "2021-10-10");
        invite("e01", "2021-10-20");
        invite("e02", "2021-10-20");
        invite("e03", "2021-11-02");
        join("e01", "member", "2021-12-01");

        // 2022: three more ASF, every known ASF invited; memberships grow
        register("e06", "Catering Botkyrkavägen", true, "2022-02-10");
        register("e07", "Snickeriet Söder", true, "2022-03-01");
        register("e08", "Städkooperativet", true, "2022-03-15");
        invite("e04", "2022-02-01");
        invite("e06", "2022-03-01");
        invite("e07", "2022-04-01");
        invite("e08", "2022-04-01");
        join("e02", "plusmedlem", "2022-05-01");
        changeLevel("e01", "jobbpartner", "2022-09-01");
        advice("e01", "2022-03-10");
        advice("e02", "2022-04-12");
        advice("e06", "2022-05-20");
        advice("e07", "2022-10-03");
        advice("e05", "2022-06-01"); // not an ASF: not advice to an ASF
        reservedProcurement("2022-03-01");
        reservedProcurement("2022-09-01");
        procurementDividedIntoLots("2022-04-01", "2022-04-20");
        procurementDividedIntoLots("2022-05-01", "2022-05-15");
        procurementDividedIntoLots("2022-08-01", "2022-08-30");
        start("natverk-arlig-stadsovergripande-aktivitetsplan", "2022-01-15");
        complete("natverk-arlig-stadsovergripande-aktivitetsplan", "2022-12-15");
        outcome("andel-plus-2022", "15", "Integrationspaktens medlemsregister 2022-12-31", "2023-01-20");

        // 2023: two more ASF, one closes; one invitation; two more Plusmedlemmar/Jobbpartners
        register("e09", "Second hand Skärholmen", true, "2023-01-20");
        register("e10", "Matsalen i Rinkeby", true, "2023-02-15");
        close("e03", "2023-06-30");
        invite("e09", "2023-03-01");
        join("e06", "plusmedlem", "2023-04-01");
        join("e07", "jobbpartner", "2023-05-01");
        advice("e09", "2023-03-15");
        advice("e10", "2023-04-15");
        advice("e08", "2023-05-15");
        reservedProcurement("2023-02-01");
        reservedProcurement("2023-05-01");
        reservedProcurement("2023-10-01");
        procurementDividedIntoLots("2023-03-01", "2023-03-20");
        procurementDividedIntoLots("2023-09-01", "2023-09-15");
        awardToAsf("e04", "2023-04-01", "2023-06-01");
        start("upphandling-uppdrag-innovationsupphandling-med-asf", "2023-02-01");
        outcome("andel-plus-2023", "19", "Integrationspaktens medlemsregister, preliminärt", "2024-01-25");
    }

    /** Recorded after the meeting: 2024, late news of 2023, a revised 2023 target and a corrected figure. */
    public void recordAfterTheCommitteeMeeting() {
        // late recordings dated 2023
        advice("e02", "2023-11-20");
        procurementDividedIntoLots("2023-11-01", "2023-12-01");
        revise("reserverade-2023", "4", "Höjd ambition efter budgetbeslut", "2024-03-01");
        outcome("andel-plus-2023", "21.5", "Integrationspaktens medlemsregister, fastställt", "2024-03-05");

        // 2024
        register("e11", "Bageriet Tensta", true, "2024-01-10");
        invite("e10", "2024-02-01");
        invite("e11", "2024-02-20");
        leave("e02", "2024-03-31");
        join("e08", "plusmedlem", "2024-04-01");
        changeLevel("e06", "jobbpartner", "2024-05-01");
        advice("e11", "2024-02-15");
        advice("e04", "2024-06-15");
        reservedProcurement("2024-01-15");
        reservedProcurement("2024-04-15");
        reservedProcurement("2024-06-15");
        reservedProcurement("2024-09-15");
        procurementDividedIntoLots("2024-02-01", "2024-02-20");
        procurementDividedIntoLots("2024-03-01", "2024-03-20");
        procurementDividedIntoLots("2024-05-01", "2024-05-20");
        procurementDividedIntoLots("2024-08-01", "2024-08-20");
        awardToAsf("e09", "2024-03-01", "2024-05-02");
        awardToAsf("e10", "2024-04-01", "2024-06-03");
        start("foretag-utveckla-foretagsradgivningen-for-asf", "2024-01-10");
        complete("foretag-utveckla-foretagsradgivningen-for-asf", "2024-10-30");
        outcome("andel-plus-2024", "24", "Integrationspaktens medlemsregister 2024-12-31", "2025-01-20");
    }
    // ---------------------------------------------------------------------------------------------- recording

    private void goal(String goalId, int year, String kind, String measure, String indicator, String comparator,
                      String value, String unit, String activityId) {
        record(PLAN_PATH + "/goals", """
                {"goalId": "%s", "year": %d, "kind": "%s", "measure": %s, "indicator": "%s",
                 "target": {"comparator": "%s", "value": %s, "unit": "%s"}, "activityId": %s,
                 "decision": {"body": "Kommunstyrelsen", "reference": "KS 2021/1234", "paragraph": "§ 12"},
                 "occurredOn": "2021-12-08"}""".formatted(goalId, year, kind, quoted(measure), indicator,
                comparator, value, unit, quoted(activityId)));
    }

    private void revise(String goalId, String value, String reason, String on) {
        record(PLAN_PATH + "/goals/" + goalId + "/revisions", """
                {"target": {"comparator": "AT_LEAST", "value": %s, "unit": "st"}, "reason": "%s",
                 "decision": {"body": "Kommunstyrelsen", "reference": "KS 2024/0456"}, "occurredOn": "%s"}"""
                .formatted(value, reason, on));
    }

    private void outcome(String goalId, String value, String source, String on) {
        record(PLAN_PATH + "/goals/" + goalId + "/outcomes", """
                {"value": %s, "source": "%s", "occurredOn": "%s"}""".formatted(value, source, on));
    }

    private void start(String activityId, String on) {
        record(PLAN_PATH + "/activities/" + activityId + "/start", "{\"occurredOn\": \"" + on + "\"}");
    }

    private void complete(String activityId, String on) {
        record(PLAN_PATH + "/activities/" + activityId + "/complete",
                "{\"note\": \"Klar\", \"occurredOn\": \"" + on + "\"}");
    }

    private void register(String enterprise, String name, boolean asf, String on) {
        record("/api/enterprises", """
                {"enterpriseId": "sth-%s", "organisationNumber": "%s", "name": "%s",
                 "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["service"], "municipality": "Stockholms stad",
                 "district": "Söderort",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": %s,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "%s"}""".formatted(enterprise, organisationNumber(enterprise),
                name, asf, on));
    }

    private void invite(String enterprise, String on) {
        record("/api/enterprises/sth-" + enterprise + "/integrationspakten/invitations",
                "{\"occurredOn\": \"" + on + "\"}");
    }

    private void join(String enterprise, String level, String on) {
        record("/api/enterprises/sth-" + enterprise + "/integrationspakten/membership",
                "{\"level\": \"" + level + "\", \"occurredOn\": \"" + on + "\"}");
    }

    private void changeLevel(String enterprise, String level, String on) {
        record("/api/enterprises/sth-" + enterprise + "/integrationspakten/level",
                "{\"level\": \"" + level + "\", \"occurredOn\": \"" + on + "\"}");
    }

    private void leave(String enterprise, String on) {
        record("/api/enterprises/sth-" + enterprise + "/integrationspakten/leaving", "{\"occurredOn\": \"" + on + "\"}");
    }

    private void close(String enterprise, String on) {
        record("/api/enterprises/sth-" + enterprise + "/closure",
                "{\"reason\": \"Verksamheten avvecklad\", \"occurredOn\": \"" + on + "\"}");
    }

    public void advice(String enterprise, String on) {
        record("/api/enterprises/sth-" + enterprise + "/business-advice",
                "{\"provider\": \"Starta eget Stockholm\", \"hours\": 3, \"occurredOn\": \"" + on + "\"}");
    }

    private void reservedProcurement(String on) {
        beginProcurement("PLANNED", "RESERVED_FOR_EMPLOYMENT", on);
    }

    private void procurementDividedIntoLots(String announcedOn, String dividedOn) {
        String procurement = beginProcurement("ANNOUNCED", "ORDINARY", announcedOn);
        record("/api/procurements/" + procurement + "/lots",
                "{\"numberOfLots\": 3, \"bidsMayCover\": \"SEVERAL\", \"occurredOn\": \"" + dividedOn + "\"}");
    }

    private void awardToAsf(String enterprise, String announcedOn, String awardedOn) {
        String procurement = beginProcurement("ANNOUNCED", "ORDINARY", announcedOn);
        LocalDate from = LocalDate.parse(awardedOn).plusMonths(1);
        record("/api/procurements/" + procurement + "/award", """
                {"supplier": {"organisationNumber": "%s"}, "value": 480000,
                 "contractPeriod": {"from": "%s", "to": "%s"}, "occurredOn": "%s"}"""
                .formatted(organisationNumber(enterprise), from, from.plusYears(2), awardedOn));
    }

    String beginProcurement(String stage, String procedure, String on) {
        String procurement = "sth-upphandling-%02d".formatted(++procurements);
        record("/api/procurements", """
                {"procurementId": "%s", "stage": "%s", "authority": "Arbetsmarknadsnämnden",
                 "subject": "Arbetsträning inom lokalvård", "cpvCodes": ["90911200-8"], "procedure": "%s",
                 "occurredOn": "%s"}""".formatted(procurement, stage, procedure, on));
        return procurement;
    }

    public void record(String path, String json) {
        ResponseEntity<Map<String, Object>> response = test.post(PostgresApiTest.COORDINATOR, path, json);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("POST %s %s -> %s %s", path, json,
                response.getStatusCode(), response.getBody()).isTrue();
    }

    /** A fixed organisation number per enterprise of the script: 556 and a running number, with its Luhn digit. */
    private static String organisationNumber(String enterprise) {
        String digits = "55600" + "%04d".formatted(Integer.parseInt(enterprise.substring(1)) * 37);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        String number = digits + (10 - sum % 10) % 10;
        return number.substring(0, 6) + "-" + number.substring(6);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
