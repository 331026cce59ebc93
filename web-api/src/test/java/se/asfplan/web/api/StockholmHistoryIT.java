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
import se.asfplan.web.support.StockholmScript;

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

    @Test
    void everyNumberOfTheYearlyGoalReportIsTracedCountedIndependentlyAndSurvivesARebuild() throws Exception {
        StockholmScript script = new StockholmScript(this);
        script.importStockholmPlan();
        script.registerTheContractingAuthority();
        script.setGoals();
        script.recordUntilTheCommitteeMeeting();
        Thread.sleep(20);
        Instant meeting = Instant.now();
        Thread.sleep(20);
        script.recordAfterTheCommitteeMeeting();

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
