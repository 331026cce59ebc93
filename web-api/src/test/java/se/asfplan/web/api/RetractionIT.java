package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Retractions end to end on PostgreSQL: a counted fact retracted drops from the yearly goal report and the
 * statistics, while the reports asked as recorded before the retraction still count it; a correction (retraction
 * plus a new recording dated in another year) moves the count to that year; a retracted activity completion reopens
 * the activity in the follow-up; refusals carry their rule code and write no event. The goal measures count every
 * recorded event of their type, also other tests', so goal outcomes are compared before and after, not to fixed
 * numbers; the statistics are read for a district of this test's own.
 */
class RetractionIT extends ProcurementApiSupport {

    private final String plan = id("retractplan");
    private final String goals = "/api/plans/" + plan + "/goals";
    private final String district = "Husby " + suffix;

    @Test
    void aRetractedInvitationDropsFromTheReportsButStillCountsAsRecordedBeforeAndACorrectionMovesItsYear()
            throws InterruptedException {
        adoptPlan();
        setGoal("inbjudna-2022", 2022, "COUNT", "\"INTEGRATIONSPAKTEN_INVITATIONS\"", null);
        setGoal("inbjudna-2023", 2023, "COUNT", "\"INTEGRATIONSPAKTEN_INVITATIONS\"", null);
        String enterprise = registerAsf("e1");
        assertStatus(post(COORDINATOR, "/api/enterprises/" + enterprise + "/integrationspakten/invitations",
                "{\"occurredOn\": \"2023-02-01\"}"), HttpStatus.OK);
        String invitation = eventIdOf(enterprise, "InvitedToIntegrationspaktenEvent", 0);

        Map<String, Object> before2023 = goalRow(awaitCaughtUp(report(2023)), "inbjudna-2023");
        BigDecimal counted2023 = outcome(before2023);
        BigDecimal counted2022 = outcome(goalRow(get(COMMITTEE, report(2022)).getBody(), "inbjudna-2022"));
        assertThat(eventIds(before2023)).contains(invitation);
        assertThat(districtTotal(awaitCaughtUp(register()))).containsEntry("invitedToIntegrationspakten", 1);

        Thread.sleep(50);
        Instant shownToTheCommittee = Instant.now();
        Thread.sleep(50);

        ResponseEntity<Map<String, Object>> retracted = post(COORDINATOR, "/api/enterprises/" + enterprise
                + "/retractions", """
                {"eventId": "%s", "reason": "Inbjudan gällde ett annat företag"}""".formatted(invitation));
        assertStatus(retracted, HttpStatus.OK);
        assertThat(retracted.getBody()).containsEntry("recorded", "EnterpriseFactRetractedEvent");
        StoredEvent retraction = storedEvents(enterprise).get(storedEvents(enterprise).size() - 1);
        assertThat(retraction.simpleType()).isEqualTo("EnterpriseFactRetractedEvent");
        assertThat(retraction.payload()).contains("\"retractedEventId\":\"" + invitation + "\"",
                "\"retractedFact\":\"InvitedToIntegrationspaktenEvent\"",
                "\"reason\":\"Inbjudan gällde ett annat företag\"");
        assertThat(retraction.metaData()).contains("\"recordedBy\":\"coordinator\"");

        Map<String, Object> after2023 = goalRow(awaitCaughtUp(report(2023)), "inbjudna-2023");
        assertThat(outcome(after2023)).isEqualByComparingTo(counted2023.subtract(BigDecimal.ONE));
        assertThat(eventIds(after2023)).doesNotContain(invitation);
        assertThat(districtTotal(awaitCaughtUp(register()))).containsEntry("invitedToIntegrationspakten", 0)
                .containsEntry("knownAsf", 1);

        Map<String, Object> then2023 = goalRow(get(COMMITTEE, report(2023) + "&asOf=" + shownToTheCommittee)
                .getBody(), "inbjudna-2023");
        assertThat(outcome(then2023)).isEqualByComparingTo(counted2023);
        assertThat(eventIds(then2023)).contains(invitation);
        assertThat(districtTotal(get(COMMITTEE, register() + "&asOf=" + shownToTheCommittee).getBody()))
                .containsEntry("invitedToIntegrationspakten", 1);

        // the correction: the invitation really went out in November 2022
        assertStatus(post(COORDINATOR, "/api/enterprises/" + enterprise + "/integrationspakten/invitations",
                "{\"occurredOn\": \"2022-11-15\"}"), HttpStatus.OK);
        String corrected = eventIdOf(enterprise, "InvitedToIntegrationspaktenEvent", 1);
        Map<String, Object> corrected2022 = goalRow(awaitCaughtUp(report(2022)), "inbjudna-2022");
        assertThat(outcome(corrected2022)).isEqualByComparingTo(counted2022.add(BigDecimal.ONE));
        assertThat(eventIds(corrected2022)).contains(corrected);
        assertThat(outcome(goalRow(get(COMMITTEE, report(2023)).getBody(), "inbjudna-2023")))
                .isEqualByComparingTo(counted2023.subtract(BigDecimal.ONE));
        assertThat(districtTotal(awaitCaughtUp(register()))).containsEntry("invitedToIntegrationspakten", 1);
    }

    @Test
    void aRetractedCompletionReopensTheActivityAndTheMilestoneIsNoLongerMet() {
        adoptPlan();
        setGoal("aktivitetsplan-2023", 2023, "MILESTONE", "\"ACTIVITY_COMPLETED\"", "aktivitetsplan");
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities/aktivitetsplan/start",
                "{\"occurredOn\": \"2023-01-05\"}"), HttpStatus.OK);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities/aktivitetsplan/complete",
                "{\"note\": \"Antagen\", \"occurredOn\": \"2023-11-30\"}"), HttpStatus.OK);
        assertThat(goalRow(awaitCaughtUp(report(2023)), "aktivitetsplan-2023")).containsEntry("outcome", 1);
        String completion = eventIdOf(plan, "ActivityCompletedEvent", 0);
        String start = eventIdOf(plan, "ActivityStartedEvent", 0);

        long events = eventCount();
        ResponseEntity<Map<String, Object>> notLatest = post(COORDINATOR, "/api/plans/" + plan + "/retractions", """
                {"eventId": "%s", "reason": "Fel datum"}""".formatted(start));
        assertRefused(notLatest, HttpStatus.CONFLICT, "only-the-latest-step-can-be-retracted");
        assertThat(eventCount()).isEqualTo(events);

        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/retractions", """
                {"eventId": "%s", "reason": "Planen antogs aldrig", "occurredOn": "2024-01-10"}"""
                .formatted(completion)), HttpStatus.OK);
        assertThat(goalRow(awaitCaughtUp(report(2023)), "aktivitetsplan-2023")).containsEntry("outcome", 0);
        Map<String, Object> followUp = awaitCaughtUp("/api/plans/" + plan + "/reports/activity-follow-up");
        assertThat(activity(followUp, "aktivitetsplan")).containsEntry("status", "STARTED")
                .containsEntry("closedOn", null);
        awaitResource(COMMITTEE, "/api/plans/" + plan + "/activities/aktivitetsplan",
                activity -> "STARTED".equals(activity.get("status")) && activity.get("closedOn") == null);
        // the activity is open again: it can be completed anew
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities/aktivitetsplan/complete",
                "{\"note\": \"Antagen av KS\", \"occurredOn\": \"2024-02-01\"}"), HttpStatus.OK);
    }

    @Test
    void aRetractedProgressNoteGivesWayToTheLatestNoteNotRetractedInThePlanView() {
        adoptPlan();
        String progress = "/api/plans/" + plan + "/activities/aktivitetsplan/progress-reports";
        String activity = "/api/plans/" + plan + "/activities/aktivitetsplan";
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities/aktivitetsplan/start",
                "{\"occurredOn\": \"2022-01-05\"}"), HttpStatus.OK);
        assertStatus(post(COORDINATOR, progress, "{\"note\": \"Utkast klart\", \"occurredOn\": \"2022-03-01\"}"),
                HttpStatus.OK);
        assertStatus(post(COORDINATOR, progress, "{\"note\": \"Remiss skickad\", \"occurredOn\": \"2022-06-01\"}"),
                HttpStatus.OK);
        // recorded late, with an earlier business date: never the latest note
        assertStatus(post(COORDINATOR, progress, "{\"note\": \"Arbetsgrupp bildad\", \"occurredOn\": \"2022-02-01\"}"),
                HttpStatus.OK);
        assertStatus(post(COORDINATOR, progress, "{\"note\": \"Fel aktivitet\", \"occurredOn\": \"2022-09-01\"}"),
                HttpStatus.OK);
        awaitResource(COMMITTEE, activity, view -> "Fel aktivitet".equals(view.get("latestNote")));

        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/retractions", """
                {"eventId": "%s", "reason": "Gällde en annan aktivitet", "occurredOn": "2022-09-02"}"""
                .formatted(eventIdOf(plan, "ActivityProgressReportedEvent", 3))), HttpStatus.OK);
        Map<String, Object> view = awaitResource(COMMITTEE, activity,
                answer -> !"Fel aktivitet".equals(answer.get("latestNote")));
        assertThat(view).containsEntry("latestNote", "Remiss skickad").containsEntry("latestNoteOn", "2022-06-01");

        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/retractions", """
                {"eventId": "%s", "reason": "Remissen skickades aldrig", "occurredOn": "2022-09-03"}"""
                .formatted(eventIdOf(plan, "ActivityProgressReportedEvent", 1))), HttpStatus.OK);
        view = awaitResource(COMMITTEE, activity, answer -> !"Remiss skickad".equals(answer.get("latestNote")));
        assertThat(view).containsEntry("latestNote", "Utkast klart").containsEntry("latestNoteOn", "2022-03-01");
        // the follow-up report agrees
        assertThat(activity(awaitCaughtUp("/api/plans/" + plan + "/reports/activity-follow-up"), "aktivitetsplan"))
                .containsEntry("latestNote", "Utkast klart").containsEntry("latestNoteOn", "2022-03-01");
    }

    @Test
    void aRetractedDivisionIntoLotsDropsFromTheProcurementStatistics() {
        String procurement = id("p1");
        announced(procurement, "ORDINARY", "\"80511000-9\"", "2023-03-01");
        assertStatus(post(COORDINATOR, base(procurement) + "/lots", """
                {"numberOfLots": 2, "bidsMayCover": "ONE", "occurredOn": "2023-03-10"}"""), HttpStatus.OK);
        String statistics = "/api/reports/procurement?authority=" + authority;
        assertThat(yearRow(awaitCaughtUp(statistics), 2023)).containsEntry("dividedIntoLots", 1);
        String division = eventIdOf(procurement, "ProcurementDividedIntoLotsEvent", 0);

        assertStatus(post(COORDINATOR, base(procurement) + "/retractions", """
                {"eventId": "%s", "reason": "Beslutet gällde en annan upphandling"}""".formatted(division)),
                HttpStatus.OK);
        assertThat(yearRow(awaitCaughtUp(statistics), 2023)).containsEntry("dividedIntoLots", 0);
        Map<String, Object> view = awaitResource(AUDITOR, base(procurement), body -> body.get("lots") == null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lifecycle = (List<Map<String, Object>>) view.get("lifecycle");
        assertThat(lifecycle).extracting(step -> step.get("event")).containsExactly("ProcurementAnnouncedEvent",
                "ProcurementDividedIntoLotsEvent", "ProcurementFactRetractedEvent");
        assertThat(lifecycle.get(1)).containsEntry("eventId", division);
        // undivided again: the decision can be recorded anew
        assertStatus(post(COORDINATOR, base(procurement) + "/no-division", """
                {"reason": "Ett sammanhållet uppdrag", "occurredOn": "2023-03-12"}"""), HttpStatus.OK);
    }

    @Test
    void refusesWithTheRuleCodeAndWritesNothing() {
        String enterprise = registerAsf("e2");
        assertStatus(post(COORDINATOR, "/api/enterprises/" + enterprise + "/integrationspakten/membership",
                "{\"level\": \"member\", \"occurredOn\": \"2023-02-01\"}"), HttpStatus.OK);
        assertStatus(post(COORDINATOR, "/api/enterprises/" + enterprise + "/integrationspakten/level",
                "{\"level\": \"plusmedlem\", \"occurredOn\": \"2023-05-01\"}"), HttpStatus.OK);
        String join = eventIdOf(enterprise, "JoinedIntegrationspaktenEvent", 0);
        String change = eventIdOf(enterprise, "IntegrationspaktenLevelChangedEvent", 0);
        String path = "/api/enterprises/" + enterprise + "/retractions";
        long events = eventCount();

        assertRefused(post(COORDINATOR, path, "{\"eventId\": \"%s\", \"reason\": \"Fel\"}".formatted(join)),
                HttpStatus.CONFLICT, "only-the-latest-step-can-be-retracted");
        String registration = eventIdOf(enterprise, "SocialEnterpriseRegisteredEvent", 0);
        assertRefused(post(COORDINATOR, path, "{\"eventId\": \"%s\", \"reason\": \"Fel\"}".formatted(registration)),
                HttpStatus.NOT_FOUND, "retracted-event-must-belong-to-the-record");
        assertRefused(post(COORDINATOR, path, "{\"eventId\": \"finns-inte\", \"reason\": \"Fel\"}"),
                HttpStatus.NOT_FOUND, "retracted-event-must-belong-to-the-record");
        ResponseEntity<Map<String, Object>> noReason = post(COORDINATOR, path,
                "{\"eventId\": \"%s\"}".formatted(change));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(noReason)).contains("reason");
        ResponseEntity<Map<String, Object>> noEvent = post(COORDINATOR, path, "{\"reason\": \"Fel\"}");
        assertThat(noEvent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(noEvent)).contains("eventId");
        assertThat(post(COMMITTEE, path, "{\"eventId\": \"%s\", \"reason\": \"Fel\"}".formatted(change))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(eventCount()).isEqualTo(events);

        assertStatus(post(COORDINATOR, path, "{\"eventId\": \"%s\", \"reason\": \"Fel nivå\"}".formatted(change)),
                HttpStatus.OK);
        long afterRetraction = eventCount();
        assertRefused(post(COORDINATOR, path, "{\"eventId\": \"%s\", \"reason\": \"Fel\"}".formatted(change)),
                HttpStatus.CONFLICT, "event-is-already-retracted");
        assertRefused(post(COORDINATOR, "/api/enterprises/" + id("finns-inte") + "/retractions",
                "{\"eventId\": \"%s\", \"reason\": \"Fel\"}".formatted(change)),
                HttpStatus.NOT_FOUND, "enterprise-must-be-registered-first");
        assertThat(eventCount()).isEqualTo(afterRetraction);
        Map<String, Object> view = awaitResource(AUDITOR, "/api/enterprises/" + enterprise,
                body -> "member".equals(((Map<?, ?>) body.get("integrationspakten")).get("level")));
        assertThat(facts(view)).anySatisfy(fact -> assertThat(fact).containsEntry("eventId", change)
                .containsEntry("fact", "IntegrationspaktenLevelChanged").containsEntry("retractionReason", "Fel nivå")
                .containsKey("retractedOn"));
        assertThat(facts(view)).anySatisfy(fact -> assertThat(fact).containsEntry("fact", "EnterpriseFactRetracted"));
        assertThat(facts(view)).filteredOn(fact -> join.equals(fact.get("eventId")))
                .singleElement().satisfies(fact -> assertThat(fact.get("retractedOn")).isNull());
        // the level change retracted, the member is at level member again and may change to plusmedlem anew
        assertStatus(post(COORDINATOR, "/api/enterprises/" + enterprise + "/integrationspakten/level",
                "{\"level\": \"plusmedlem\", \"occurredOn\": \"2023-06-01\"}"), HttpStatus.OK);
    }

    @Test
    void aRetractedMeetingIsMarkedRetractedAndCannotBeRetractedTwice() {
        String participant = registerAsf("e3");
        String meeting = id("m1");
        assertStatus(post(COORDINATOR, "/api/meetings", """
                {"meetingId": "%s", "kind": "DIALOGUE_FORUM", "title": "Dialogforum", "organiser": "SLK",
                 "participants": ["%s"], "occurredOn": "2023-03-15"}""".formatted(meeting, participant)),
                HttpStatus.CREATED);
        String held = (String) awaitResource(AUDITOR, "/api/meetings/" + meeting,
                body -> body.get("heldEventId") != null).get("heldEventId");
        assertThat(held).isEqualTo(eventIdOf(meeting, "MeetingHeldEvent", 0));

        assertStatus(post(COORDINATOR, "/api/meetings/" + meeting + "/retractions", """
                {"eventId": "%s", "reason": "Mötet ställdes in", "occurredOn": "2023-03-20"}""".formatted(held)),
                HttpStatus.OK);
        assertThat(awaitResource(AUDITOR, "/api/meetings/" + meeting, body -> body.get("retractedOn") != null))
                .containsEntry("retractedOn", "2023-03-20").containsEntry("retractionReason", "Mötet ställdes in");
        long events = eventCount();
        assertRefused(post(COORDINATOR, "/api/meetings/" + meeting + "/retractions", """
                {"eventId": "%s", "reason": "Igen"}""".formatted(held)), HttpStatus.CONFLICT,
                "event-is-already-retracted");
        assertThat(eventCount()).isEqualTo(events);
    }

    // ---------------------------------------------------------------------------------------------- scenario

    private void adoptPlan() {
        assertStatus(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan med rättelser", "municipality": "Testkommun",
                 "adoption": {"body": "KS"}, "adoptedOn": "2021-03-01", "period": {"fromYear": 2021, "toYear": 2024}}"""
                .formatted(plan)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverk", "name": "Nätverkande", "occurredOn": "2021-03-01"}"""), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "aktivitetsplan", "areaId": "natverk", "kind": "ACTIVITY",
                 "title": "Ta fram en aktivitetsplan", "responsibility": {"lead": "SLK"},
                 "occurredOn": "2021-03-01"}"""), HttpStatus.CREATED);
    }

    private void setGoal(String goalId, int year, String kind, String measure, String activityId) {
        assertStatus(post(COORDINATOR, goals, """
                {"goalId": "%s", "year": %d, "kind": "%s", "measure": %s, "indicator": "Indikator",
                 "target": {"comparator": "AT_LEAST", "value": 1, "unit": "st"}, "activityId": %s,
                 "decision": {"body": "KS"}, "occurredOn": "2022-01-10"}""".formatted(goalId, year, kind, measure,
                activityId == null ? "null" : "\"" + activityId + "\"")), HttpStatus.CREATED);
    }

    private String registerAsf(String name) {
        String enterprise = id(name);
        assertStatus(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "Kafé Rättelsen",
                 "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"], "municipality": "Testkommun",
                 "district": "%s",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "2022-01-10"}""".formatted(enterprise,
                randomOrganisationNumber(), district)), HttpStatus.CREATED);
        return enterprise;
    }

    private String report(int year) {
        return "/api/plans/" + plan + "/reports/yearly-goals?year=" + year;
    }

    private static String register() {
        return "/api/reports/register?to=2023-12-31";
    }

    /** The identifier of the n-th (from 0) event of the type in the aggregate's stream. */
    private String eventIdOf(String aggregateId, String type, int n) {
        return jdbc.queryForList("select event_identifier from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ? order by sequence_number", String.class, aggregateId, "%$" + type).get(n);
    }

    private Map<String, Object> awaitCaughtUp(String path) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(COMMITTEE, path).getBody(), body -> body != null && body.get("position") != null
                        && ((Number) body.get("position")).longValue() == jdbc.queryForObject(
                        "select max(global_index) from domain_event_entry", Long.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    private static Map<String, Object> goalRow(Map<String, Object> report, String goalId) {
        return rows(report).stream().filter(row -> goalId.equals(row.get("goalId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no goal " + goalId + " in " + report));
    }

    private static BigDecimal outcome(Map<String, Object> row) {
        return new BigDecimal(String.valueOf(row.get("outcome")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> eventIds(Map<String, Object> row) {
        return (List<String>) row.get("eventIds");
    }

    private Map<String, Object> districtTotal(Map<String, Object> report) {
        return rows(report).stream().filter(row -> !(Boolean) row.get("total")
                        && Objects.equals(row.get("district"), district) && row.get("level") == null)
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + district + " in " + report));
    }

    private Map<String, Object> yearRow(Map<String, Object> report, int year) {
        return rows(report).stream().filter(row -> ((Number) row.get("year")).intValue() == year
                && authority.equals(row.get("authority"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + year + " in " + report));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> activity(Map<String, Object> answer, String activityId) {
        return rows(answer).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("activities")).stream())
                .filter(activity -> activityId.equals(activity.get("activityId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no activity " + activityId + " in " + answer));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> facts(Map<String, Object> enterprise) {
        return (List<Map<String, Object>>) enterprise.get("facts");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ResponseEntity<Map<String, Object>> response) {
        return ((List<Map<String, String>>) response.getBody().get("errors")).stream()
                .map(error -> error.get("field")).toList();
    }

    private static void assertRefused(ResponseEntity<Map<String, Object>> response, HttpStatus status, String rule) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).containsEntry("rule", rule);
        assertThat(String.valueOf(response.getBody().get("detail"))).doesNotContain("Exception", "se.asfplan");
    }
}
