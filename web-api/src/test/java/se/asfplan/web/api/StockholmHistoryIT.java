package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Issue 4's "done when": the Stockholm plan with a scripted history spanning 2021-2024, recorded over HTTP in two
 * batches with a committee meeting between them. For every year the yearly goal report's every number is checked
 * three ways: against the figure the script itself implies (written out below), against an independent count over
 * the raw events in {@code domain_event_entry} (parsed here, without the projection's code), and against its own
 * drill-down (the events it lists are exactly those the independent count finds). The report asked as recorded at
 * the meeting excludes everything recorded after it, and both answers are identical after a full rebuild of the
 * goal report into a new generation.
 *
 * <p>The test has its own schema, so every event in it belongs to this history and the independent count needs no
 * filtering by test.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=${TEST_DATABASE_BASE_URL:jdbc:postgresql://127.0.0.1:5432/test}"
                + "?currentSchema=${TEST_DATABASE_SCHEMA:asf_tracker_it}_stockholm",
        "spring.flyway.schemas=${TEST_DATABASE_SCHEMA:asf_tracker_it}_stockholm"})
class StockholmHistoryIT extends PostgresApiTest {

    private static final String PLAN = "stockholm-asf-2021";
    private static final String PLAN_PATH = "/api/plans/" + PLAN;
    private static final List<Integer> YEARS = List.of(2021, 2022, 2023, 2024);
    private static final Set<String> PLUS_AND_JOBBPARTNER = Set.of("plusmedlem", "jobbpartner");
    private static final ObjectMapper JSON = new ObjectMapper();

    private int procurements;

    @Test
    void everyNumberOfTheYearlyGoalReportIsTracedCountedIndependentlyAndSurvivesARebuild() throws Exception {
        importStockholmPlan();
        setGoals();
        recordUntilTheCommitteeMeeting();
        Thread.sleep(20);
        Instant meeting = Instant.now();
        Thread.sleep(20);
        recordAfterTheCommitteeMeeting();

        Map<Integer, Map<String, Object>> now = new TreeMap<>();
        Map<Integer, Map<String, Object>> atMeeting = new TreeMap<>();
        for (int year : YEARS) {
            now.put(year, awaitCaughtUp(report(year, null)));
            atMeeting.put(year, get(COMMITTEE, report(year, meeting)).getBody());
        }

        // 1. what the script implies, written out (guards against the report and the independent count agreeing
        //    on a wrong reading)
        assertScriptedFigures(now, atMeeting);

        // 2. every row equals the independent count over the raw events, now and as recorded at the meeting
        List<RawEvent> log = readEventLog();
        int checked = 0;
        for (int year : YEARS) {
            checked += assertMatchesIndependentCount(now.get(year), log, year, null);
            checked += assertMatchesIndependentCount(atMeeting.get(year), log, year, meeting);
        }
        System.out.printf("Stockholm 2021-2024: %d events in the log, %d report rows checked against an independent "
                + "count (%d years, now and as of %s)%n", log.size(), checked, YEARS.size(), meeting);

        // 3. the as-of answer excludes every event recorded after the meeting, and some are excluded
        Map<Long, Instant> recordedAt = new TreeMap<>();
        log.forEach(event -> recordedAt.put(event.index(), event.recordedAt()));
        for (Map<String, Object> report : atMeeting.values()) {
            rows(report).forEach(row -> events(row).forEach(index ->
                    assertThat(recordedAt.get(index)).as("event %s in the report as of %s", index, meeting)
                            .isBeforeOrEqualTo(meeting)));
        }
        assertThat(now.values().stream().flatMap(report -> rows(report).stream())
                .flatMap(row -> events(row).stream()).filter(index -> recordedAt.get(index).isAfter(meeting)))
                .as("events recorded after the meeting that the current report counts").isNotEmpty();

        // 4. identical after a full rebuild of the goal report into a new generation
        rebuild("goal-report");
        for (int year : YEARS) {
            assertThat(rows(awaitCaughtUp(report(year, null)))).as("report %d after the rebuild", year)
                    .isEqualTo(rows(now.get(year)));
            assertThat(rows(get(COMMITTEE, report(year, meeting)).getBody()))
                    .as("report %d as of the meeting after the rebuild", year).isEqualTo(rows(atMeeting.get(year)));
        }
    }

    // ---------------------------------------------------------------------------------------------- the script

    private void importStockholmPlan() throws IOException {
        String yaml = new ClassPathResource("plans/stockholm-asf-2021.yaml").getContentAsString(StandardCharsets.UTF_8);
        ResponseEntity<Map<String, Object>> imported = exchange(COORDINATOR, HttpMethod.POST, "/api/plans/import",
                yaml, MediaType.parseMediaType("application/yaml"), null);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** The goals Kommunstyrelsen sets for the plan: counts, coverage, a change, milestones and a share. */
    private void setGoals() {
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
    private void recordUntilTheCommitteeMeeting() {
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
    private void recordAfterTheCommitteeMeeting() {
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

    /** The figures the script above implies, year by year, now and as recorded at the meeting. */
    private void assertScriptedFigures(Map<Integer, Map<String, Object>> now,
                                       Map<Integer, Map<String, Object>> atMeeting) {
        // coverage: 2021 three of four known ASF invited; 2022 all seven; 2023 e03 closed, e10 not yet invited
        assertRow(now.get(2021), "inbjudna-2021", "75", "NOT_MET");
        assertRow(now.get(2022), "inbjudna-2022", "100", "MET");
        assertRow(now.get(2023), "inbjudna-2023", "87.5", "NOT_MET");
        assertRow(now.get(2024), "inbjudna-2024", "100", "MET");

        assertRow(now.get(2022), "reserverade-2022", "2", "NOT_MET");
        assertRow(now.get(2023), "reserverade-2023", "3", "NOT_MET"); // target revised to 4 after the meeting
        assertRow(atMeeting.get(2023), "reserverade-2023", "3", "MET"); // the committee saw target 3, met
        assertRow(now.get(2024), "reserverade-2024", "4", "MET");

        assertRow(now.get(2022), "delade-2022", "3", "MET");
        assertRow(now.get(2023), "delade-2023", "3", "MET");
        assertRow(atMeeting.get(2023), "delade-2023", "2", "NOT_MET"); // the third was recorded late
        assertRow(now.get(2024), "delade-2024", "4", "MET");

        // Plusmedlemmar and Jobbpartners among known ASF at year end: 2021 none (e01 is a member), 2022 e01 e02,
        // 2023 e01 e02 e06 e07, 2024 e01 e06 e07 e08 (e02 left)
        assertRow(now.get(2022), "plus-jobbpartner-2022", "2", "MET");
        assertRow(now.get(2023), "plus-jobbpartner-2023", "2", "MET");
        assertRow(now.get(2024), "plus-jobbpartner-2024", "0", "NOT_MET");

        assertRow(now.get(2022), "radgivning-2022", "4", "MET"); // the fifth went to e05, not an ASF
        assertRow(now.get(2023), "radgivning-2023", "4", "MET");
        assertRow(atMeeting.get(2023), "radgivning-2023", "3", "NOT_MET");
        assertRow(now.get(2024), "radgivning-2024", "2", "NOT_MET");

        assertRow(now.get(2022), "avtal-asf-2022", "0", "NOT_MET");
        assertRow(now.get(2023), "avtal-asf-2023", "1", "MET");
        assertRow(now.get(2024), "avtal-asf-2024", "2", "MET");

        assertRow(now.get(2022), "aktivitetsplan-2022", "1", "MET");
        assertRow(now.get(2023), "innovationsupphandling-2023", "0", "NOT_MET");
        assertRow(now.get(2024), "foretagsradgivning-2024", "1", "MET");
        assertRow(atMeeting.get(2024), "foretagsradgivning-2024", "0", "NOT_MET");

        assertRow(now.get(2022), "andel-plus-2022", "15", "NOT_MET");
        assertRow(now.get(2023), "andel-plus-2023", "21.5", "MET");
        assertRow(atMeeting.get(2023), "andel-plus-2023", "19", "NOT_MET");
        assertThat(row(atMeeting.get(2024), "andel-plus-2024").get("outcome")).isNull();

        assertThat(rows(now.get(2021))).hasSize(1);
        assertThat(rows(now.get(2022))).hasSize(8);
        assertThat(rows(now.get(2023))).hasSize(8);
        assertThat(rows(now.get(2024))).hasSize(8);
    }

    // ---------------------------------------------------------------------------------------------- independent count

    /** One row of {@code domain_event_entry}, its payload parsed as plain JSON. */
    private record RawEvent(long index, String id, String type, String aggregate, long sequence, Instant recordedAt,
                            JsonNode payload) {

        LocalDate occurredOn() {
            return LocalDate.parse(payload.get("occurredOn").asText());
        }

        String text(String field) {
            JsonNode value = payload.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    private List<RawEvent> readEventLog() {
        return jdbc.query("""
                select global_index, event_identifier, payload_type, aggregate_identifier, sequence_number,
                       time_stamp, convert_from(payload, 'UTF8') as payload
                from domain_event_entry order by global_index""", (rs, n) -> {
            String type = rs.getString("payload_type");
            try {
                return new RawEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                        type.substring(Math.max(type.lastIndexOf('$'), type.lastIndexOf('.')) + 1),
                        rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                        Instant.parse(rs.getString("time_stamp")), JSON.readTree(rs.getString("payload")));
            } catch (IOException e) {
                throw new IllegalStateException("event " + rs.getLong("global_index") + " is not JSON", e);
            }
        });
    }

    /** What the independent count finds for a goal: its outcome (null: none) and the events that make it up. */
    private record Counted(BigDecimal outcome, List<Long> events) {
    }

    /** Checks every row of the report against the raw events; returns how many rows it checked. */
    private int assertMatchesIndependentCount(Map<String, Object> report, List<RawEvent> allEvents, int year,
                                              Instant asOf) {
        List<RawEvent> log = allEvents.stream()
                .filter(event -> asOf == null || !event.recordedAt().isAfter(asOf)).toList();
        List<RawEvent> goalsOfYear = log.stream().filter(event -> event.type().equals("GoalSetEvent")
                && PLAN.equals(event.text("planId")) && event.payload().get("year").asInt() == year).toList();
        List<String> expectedGoals = goalsOfYear.stream().map(event -> event.text("goalId"))
                .filter(goalId -> log.stream().noneMatch(event -> event.type().equals("GoalWithdrawnEvent")
                        && goalId.equals(event.text("goalId"))))
                .sorted().toList();
        assertThat(rows(report)).extracting(row -> row.get("goalId")).as("goals of %d as of %s", year, asOf)
                .containsExactlyElementsOf(expectedGoals);
        for (RawEvent set : goalsOfYear) {
            String goalId = set.text("goalId");
            Map<String, Object> row = row(report, goalId);
            JsonNode target = log.stream().filter(event -> goalId.equals(event.text("goalId"))
                            && (event.type().equals("GoalSetEvent") || event.type().equals("GoalRevisedEvent")))
                    .reduce((earlier, later) -> later).orElseThrow().payload().get("target");
            Counted counted = count(set, log, year);
            String what = goalId + " as of " + asOf;
            assertThat(number(target(row).get("value"))).as("target of %s", what)
                    .isEqualByComparingTo(target.get("value").decimalValue());
            if (counted.outcome() == null) {
                assertThat(row.get("outcome")).as("outcome of %s", what).isNull();
            } else {
                assertThat(number(row.get("outcome"))).as("outcome of %s", what)
                        .isEqualByComparingTo(counted.outcome());
            }
            assertThat(events(row)).as("events of %s", what).isEqualTo(counted.events());
            boolean met = counted.outcome() != null && holds(target.get("comparator").asText(), counted.outcome(),
                    target.get("value").decimalValue());
            assertThat(row.get("status")).as("status of %s", what).isEqualTo(met ? "MET" : "NOT_MET");
        }
        return goalsOfYear.size();
    }

    private Counted count(RawEvent set, List<RawEvent> log, int year) {
        String measure = set.text("measure");
        String goalId = set.text("goalId");
        if (measure == null) {
            return log.stream().filter(event -> event.type().equals("GoalOutcomeReportedEvent")
                            && goalId.equals(event.text("goalId")) && event.payload().get("year").asInt() == year)
                    .reduce((earlier, later) -> later)
                    .map(report -> new Counted(report.payload().get("value").decimalValue(), List.of(report.index())))
                    .orElse(new Counted(null, List.of()));
        }
        if (set.text("kind").equals("CHANGE")) {
            Counted inYear = measured(measure, set, log, year);
            Counted before = measured(measure, set, log, year - 1);
            List<Long> both = new ArrayList<>(before.events());
            both.addAll(inYear.events());
            return new Counted(inYear.outcome().subtract(before.outcome()), both.stream().distinct().sorted().toList());
        }
        return measured(measure, set, log, year);
    }

    private Counted measured(String measure, RawEvent set, List<RawEvent> log, int year) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return switch (measure) {
            case "RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED" -> counted(log.stream()
                    .filter(event -> event.sequence() == 0
                    && (event.type().equals("ProcurementPlannedEvent") || event.type().equals("ProcurementAnnouncedEvent"))
                    && event.text("procedure").startsWith("RESERVED_") && event.occurredOn().getYear() == year).toList());
            case "PROCUREMENTS_DIVIDED_INTO_LOTS" -> counted(ofType(log, "ProcurementDividedIntoLotsEvent", year));
            case "CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE" -> counted(ofType(log, "ContractAwardedEvent", year).stream()
                    .filter(event -> event.payload().get("supplierIsAsf").asBoolean()).toList());
            case "BUSINESS_ADVICE_TO_ASF" -> counted(ofType(log, "BusinessAdviceReceivedEvent", year).stream()
                    .filter(event -> knownAsfOn(log, event.occurredOn()).containsKey(event.aggregate())).toList());
            case "ACTIVITY_COMPLETED" -> {
                List<RawEvent> completed = ofType(log, "ActivityCompletedEvent", year).stream()
                        .filter(event -> set.text("activityId").equals(event.text("activityId"))).toList();
                yield new Counted(BigDecimal.valueOf(completed.isEmpty() ? 0 : 1), indexes(completed));
            }
            case "INTEGRATIONSPAKTEN_INVITATION_COVERAGE" -> {
                Map<String, List<RawEvent>> known = knownAsfOn(log, yearEnd);
                List<RawEvent> making = new ArrayList<>();
                int invited = 0;
                for (Map.Entry<String, List<RawEvent>> asf : known.entrySet()) {
                    making.add(latest(asf.getValue(), "SocialEnterpriseRegisteredEvent",
                            "SocialEnterpriseDetailsChangedEvent"));
                    RawEvent invitation = latest(asf.getValue(), "InvitedToIntegrationspaktenEvent");
                    if (invitation != null) {
                        invited++;
                        making.add(invitation);
                    }
                }
                yield known.isEmpty() ? new Counted(null, List.of()) : new Counted(BigDecimal.valueOf(invited * 100L)
                        .divide(BigDecimal.valueOf(known.size()), 2, RoundingMode.HALF_UP), indexes(making));
            }
            case "PLUS_AND_JOBBPARTNER_ASF" -> {
                List<RawEvent> memberships = new ArrayList<>();
                for (List<RawEvent> history : knownAsfOn(log, yearEnd).values()) {
                    RawEvent membership = latest(history, "JoinedIntegrationspaktenEvent",
                            "IntegrationspaktenLevelChangedEvent", "LeftIntegrationspaktenEvent");
                    String level = membership == null ? null : switch (membership.type()) {
                        case "JoinedIntegrationspaktenEvent" -> membership.text("level");
                        case "IntegrationspaktenLevelChangedEvent" -> membership.text("to");
                        default -> null;
                    };
                    if (level != null && PLUS_AND_JOBBPARTNER.contains(level)) {
                        memberships.add(membership);
                    }
                }
                yield counted(memberships);
            }
            default -> throw new IllegalArgumentException("the script uses no goal measured by " + measure);
        };
    }

    /**
     * The ASF known on a day, each with its history up to that day in business order: registered on or before
     * the day, its latest details meeting all four definition criteria, and not closed on or before the day.
     */
    private static Map<String, List<RawEvent>> knownAsfOn(List<RawEvent> log, LocalDate day) {
        Map<String, List<RawEvent>> byEnterprise = new TreeMap<>();
        log.stream().filter(event -> event.type().startsWith("SocialEnterprise")
                        || event.type().contains("Integrationspakten") || event.type().startsWith("BusinessAdvice"))
                .filter(event -> !event.occurredOn().isAfter(day))
                .sorted(Comparator.comparing(RawEvent::occurredOn).thenComparingLong(RawEvent::index))
                .forEach(event -> byEnterprise.computeIfAbsent(event.aggregate(), id -> new ArrayList<>()).add(event));
        Map<String, List<RawEvent>> known = new LinkedHashMap<>();
        byEnterprise.forEach((enterprise, history) -> {
            RawEvent details = latest(history, "SocialEnterpriseRegisteredEvent", "SocialEnterpriseDetailsChangedEvent");
            boolean closed = latest(history, "SocialEnterpriseClosedEvent") != null;
            JsonNode criteria = details == null ? null : details.payload().get("details").get("criteria");
            boolean asf = criteria != null && criteria.get("integrationPurpose").asBoolean()
                    && criteria.get("employeeParticipation").asBoolean() && criteria.get("profitsReinvested").asBoolean()
                    && criteria.get("independentOfPublicSector").asBoolean();
            if (asf && !closed) {
                known.put(enterprise, history);
            }
        });
        return known;
    }

    private static RawEvent latest(List<RawEvent> history, String... types) {
        RawEvent latest = null;
        for (RawEvent event : history) {
            if (List.of(types).contains(event.type())) {
                latest = event;
            }
        }
        return latest;
    }

    private static List<RawEvent> ofType(List<RawEvent> log, String type, int year) {
        return log.stream().filter(event -> event.type().equals(type) && event.occurredOn().getYear() == year).toList();
    }

    private static Counted counted(List<RawEvent> events) {
        return new Counted(BigDecimal.valueOf(events.size()), indexes(events));
    }

    private static List<Long> indexes(List<RawEvent> events) {
        return events.stream().map(RawEvent::index).distinct().sorted().toList();
    }

    private static boolean holds(String comparator, BigDecimal outcome, BigDecimal target) {
        int compared = outcome.compareTo(target);
        return switch (comparator) {
            case "AT_LEAST" -> compared >= 0;
            case "AT_MOST" -> compared <= 0;
            case "EXACTLY" -> compared == 0;
            default -> throw new IllegalArgumentException(comparator);
        };
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
                 "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["service"], "municipality": "Stockholm",
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

    private void advice(String enterprise, String on) {
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

    private String beginProcurement(String stage, String procedure, String on) {
        String procurement = "sth-upphandling-%02d".formatted(++procurements);
        record("/api/procurements", """
                {"procurementId": "%s", "stage": "%s", "authority": "Arbetsmarknadsnämnden",
                 "subject": "Arbetsträning inom lokalvård", "cpvCodes": ["90911200-8"], "procedure": "%s",
                 "occurredOn": "%s"}""".formatted(procurement, stage, procedure, on));
        return procurement;
    }

    private void record(String path, String json) {
        ResponseEntity<Map<String, Object>> response = post(COORDINATOR, path, json);
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

    // ---------------------------------------------------------------------------------------------- reading

    private static String report(int year, Instant asOf) {
        return PLAN_PATH + "/reports/yearly-goals?year=" + year + (asOf == null ? "" : "&asOf=" + asOf);
    }

    private Map<String, Object> awaitCaughtUp(String path) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(COMMITTEE, path).getBody(), body -> body != null && body.get("position") != null
                        && ((Number) body.get("position")).longValue() == jdbc.queryForObject(
                        "select max(global_index) from domain_event_entry", Long.class));
    }

    private void rebuild(String group) {
        int before = ((Number) Objects.requireNonNull(get(AUDITOR, "/api/admin/projections/" + group).getBody())
                .get("activeGeneration")).intValue();
        ResponseEntity<Map<String, Object>> started = post(COORDINATOR, "/api/admin/projections/" + group
                + "/rebuilds?switchWhenCaughtUp=true", "{}");
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(AUDITOR, "/api/admin/projections/" + group).getBody(),
                        status -> status != null && ((Number) status.get("activeGeneration")).intValue() == before + 1
                                && status.get("rebuildingGeneration") == null);
    }

    private void assertRow(Map<String, Object> report, String goalId, String outcome, String status) {
        Map<String, Object> row = row(report, goalId);
        assertThat(number(row.get("outcome"))).as("outcome of %s", goalId).isEqualByComparingTo(outcome);
        assertThat(row.get("status")).as("status of %s", goalId).isEqualTo(status);
    }

    private static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    private static Map<String, Object> row(Map<String, Object> report, String goalId) {
        return rows(report).stream().filter(row -> goalId.equals(row.get("goalId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + goalId + " in " + report));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> target(Map<String, Object> row) {
        return (Map<String, Object>) row.get("target");
    }

    private static List<Long> events(Map<String, Object> row) {
        return ((List<?>) row.get("events")).stream().map(event -> ((Number) event).longValue()).toList();
    }
}
