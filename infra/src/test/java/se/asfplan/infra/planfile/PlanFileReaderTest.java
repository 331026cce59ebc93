package se.asfplan.infra.planfile;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static se.asfplan.infra.planfile.PlanFileFixtures.EXEMPELKOMMUN_PLAN;
import static se.asfplan.infra.planfile.PlanFileFixtures.ONE_AREA;
import static se.asfplan.infra.planfile.PlanFileFixtures.ONE_GOAL;
import static se.asfplan.infra.planfile.PlanFileFixtures.ONGOING_PLAN;
import static se.asfplan.infra.planfile.PlanFileFixtures.STOCKHOLM_PLAN;
import static se.asfplan.infra.planfile.PlanFileFixtures.minimalPlanFile;
import static se.asfplan.infra.planfile.PlanFileFixtures.planFileWithOneGoal;
import static se.asfplan.infra.planfile.PlanFileFixtures.replaced;
import static se.asfplan.infra.planfile.PlanFileFixtures.resource;
import static se.asfplan.infra.planfile.PlanFileFixtures.utf8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.GoalId;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.PlanCommands.ActivityDraft;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.AreaDraft;
import se.asfplan.domain.plan.PlanCommands.GoalDraft;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.infra.planfile.PlanFileException.Problem;
import se.asfplan.infra.planfile.PlanFileFixtures.PlanFileText;

class PlanFileReaderTest {

    private static final String UNKNOWN_FIELD = "unknown field (not part of format action-plan/v1)";
    private static final String TIMELINE_FORMS =
            "must be YEAR, {from: YEAR, to: YEAR}, {from: YEAR} or 'ongoing'";

    private final PlanFileReader reader = new PlanFileReader();

    @Nested
    class StockholmPlan {

        private final AdoptPlanCommand plan = reader.read(resource(STOCKHOLM_PLAN));

        @Test
        void readsThePlanAndItsAdoption() {
            assertThat(plan.planId()).isEqualTo(new PlanId("stockholm-asf-2021"));
            assertThat(plan.title()).isEqualTo("Handlingsplan för att främja arbetsintegrerande sociala företag");
            assertThat(plan.municipality()).isEqualTo("Stockholms stad");
            assertThat(plan.adoption()).isEqualTo(new Decision("Arbetsmarknadsnämnden", null, null));
            assertThat(plan.adoptedOn()).isEqualTo(LocalDate.of(2021, 8, 31));
            assertThat(plan.period()).isEqualTo(PlanPeriod.of(2021, 2024));
        }

        @Test
        void readsTheThreeAreasInTheirOrder() {
            assertThat(plan.areas()).extracting(AreaDraft::areaId).containsExactly(new AreaId("natverkande"),
                    new AreaId("foretagsradgivning-foretagsutveckling-finansiering"),
                    new AreaId("inkop-och-upphandling"));
            assertThat(plan.areas()).extracting(AreaDraft::name).containsExactly("Nätverkande",
                    "Företagsrådgivning, företagsutveckling och finansiering", "Inköp och upphandling");
            assertThat(plan.areas()).extracting(area -> area.activities().size()).containsExactly(13, 12, 15);
        }

        @Test
        void readsFortyActivitiesOfThreeKinds() {
            List<ActivityDraft> activities = activitiesOf(plan);

            assertThat(activities).hasSize(40);
            assertThat(activities).extracting(ActivityDraft::activityId).doesNotHaveDuplicates();
            assertThat(activities.stream().collect(groupingBy(ActivityDraft::kind, counting()))).containsOnly(
                    entry(ActivityKind.ACTIVITY, 30L), entry(ActivityKind.LARGER_STEP, 5L),
                    entry(ActivityKind.STEERING_POSSIBILITY, 5L));
        }

        @Test
        void givesEveryActivityALead() {
            assertThat(activitiesOf(plan)).allSatisfy(
                    activity -> assertThat(activity.responsibility().lead()).isNotBlank());
        }

        @Test
        void setsNoGoals() {
            assertThat(plan.goals()).isEmpty();
        }

        @Test
        void readsAnOngoingActivityWithItsInvolvedParties() {
            ActivityDraft activity = activityById(plan, "natverk-fortsatt-dialog-asf-lyfter-och-famna");

            assertThat(activity.kind()).isEqualTo(ActivityKind.ACTIVITY);
            assertThat(activity.responsibility()).isEqualTo(Responsibility.of("Arbetsmarknadsnämnden (AMN)",
                    "Skoopi (projektet ASF Lyfter)", "Famna"));
            assertThat(activity.timeline()).isEqualTo(Timeline.ongoing());
        }

        @Test
        void readsALargerStepPlannedForThePlanPeriod() {
            ActivityDraft activity = activityById(plan, "foretag-utlysning-fond-for-sociala-investeringar");

            assertThat(activity.kind()).isEqualTo(ActivityKind.LARGER_STEP);
            assertThat(activity.responsibility()).isEqualTo(Responsibility.of("Arbetsmarknadsnämnden (AMN)"));
            assertThat(activity.timeline()).isEqualTo(Timeline.years(2021, 2024));
        }

        @Test
        void readsASteeringPossibilityLedByTheCityExecutiveOffice() {
            ActivityDraft activity = activityById(plan, "upphandling-slk-stammer-av-med-upphandlarna");

            assertThat(activity.kind()).isEqualTo(ActivityKind.STEERING_POSSIBILITY);
            assertThat(activity.responsibility()).isEqualTo(
                    Responsibility.of("Stadsledningskontoret (SLK)", "Stadens nämnder och bolag"));
            assertThat(activity.timeline()).isEqualTo(Timeline.years(2021, 2024));
            assertThat(plan.areas().get(2).activities()).contains(activity);
        }

        @Test
        void readsAnActivityOfTheBusinessRegionWithVisitStockholmInvolved() {
            ActivityDraft activity = activityById(plan, "foretag-sbr-och-visit-stockholm-bjuder-in-asf");

            assertThat(activity.kind()).isEqualTo(ActivityKind.ACTIVITY);
            assertThat(activity.responsibility()).isEqualTo(
                    Responsibility.of("Stockholm Business Region (SBR)", "Visit Stockholm"));
            assertThat(activity.timeline()).isEqualTo(Timeline.ongoing());
            assertThat(plan.areas().get(1).activities()).contains(activity);
        }
    }

    @Nested
    class ExempelkommunPlanInJson {

        private final AdoptPlanCommand plan = reader.read(resource(EXEMPELKOMMUN_PLAN));

        @Test
        void readsThePlanWithItsAdoptionDecision() {
            assertThat(plan.planId()).isEqualTo(new PlanId("exempelkommun-2018-2020"));
            assertThat(plan.municipality()).isEqualTo("Exempelkommun");
            assertThat(plan.adoption()).isEqualTo(new Decision("Kommunstyrelsen", "KS 2018/0042", "§ 37"));
            assertThat(plan.adoptedOn()).isEqualTo(LocalDate.of(2018, 3, 14));
            assertThat(plan.period()).isEqualTo(PlanPeriod.of(2018, 2020));
        }

        @Test
        void readsTwoAreasWithFiveActivities() {
            assertThat(plan.areas()).extracting(AreaDraft::areaId).containsExactly(
                    new AreaId("arbetstraning-och-praktik"), new AreaId("social-hansyn-i-upphandling"));
            assertThat(plan.areas()).extracting(area -> area.activities().size()).containsExactly(3, 2);
            assertThat(plan.areas().get(1).description()).isNull();
        }

        @Test
        void readsTheThreeTimelineForms() {
            assertThat(activityById(plan, "arbetstraning-kopa-platser-hos-asf").timeline())
                    .isEqualTo(Timeline.years(2018, 2020));
            assertThat(activityById(plan, "arbetstraning-handledarutbildning").timeline())
                    .isEqualTo(Timeline.ongoingFrom(2019));
            assertThat(activityById(plan, "arbetstraning-arlig-dialog-med-asf").timeline())
                    .isEqualTo(Timeline.ongoing());
        }

        @Test
        void readsKindsAndInvolvedParties() {
            assertThat(activitiesOf(plan)).extracting(ActivityDraft::kind).containsExactly(ActivityKind.ACTIVITY,
                    ActivityKind.LARGER_STEP, ActivityKind.ACTIVITY, ActivityKind.ACTIVITY,
                    ActivityKind.STEERING_POSSIBILITY);
            assertThat(activityById(plan, "upphandling-reserverade-kontrakt").responsibility()).isEqualTo(
                    Responsibility.of("Upphandlingsenheten", "Exempelkommun Bostäder AB", "Socialförvaltningen"));
        }

        @Test
        void readsFourGoalsWithTheirKindsAndTargets() {
            assertThat(plan.goals()).extracting(GoalDraft::goalId).containsExactly(
                    new GoalId("reserverade-upphandlingar-2019"),
                    new GoalId("andel-upphandlingar-med-sociala-krav-2020"),
                    new GoalId("handledarutbildning-genomford-2019"),
                    new GoalId("arbetstraningsplatser-hos-asf-2018"));
            assertThat(plan.goals()).extracting(GoalDraft::year).containsExactly(2019, 2020, 2019, 2018);
            assertThat(plan.goals()).extracting(GoalDraft::kind).containsExactly(GoalKind.COUNT, GoalKind.SHARE,
                    GoalKind.MILESTONE, GoalKind.MANUAL);
            assertThat(plan.goals()).extracting(GoalDraft::target).containsExactly(
                    new Target(TargetComparator.AT_LEAST, new BigDecimal("2"), "st"),
                    new Target(TargetComparator.AT_LEAST, new BigDecimal("25.5"), "%"),
                    new Target(TargetComparator.EXACTLY, new BigDecimal("1"), "st"),
                    new Target(TargetComparator.AT_MOST, new BigDecimal("30"), "dagar"));
            assertThat(plan.goals().get(1).target().value()).isEqualByComparingTo("25.5");
            assertThat(plan.goals().get(0).indicator()).isEqualTo("Antal genomförda reserverade upphandlingar");
        }

        @Test
        void linksTheCountAndTheMilestoneGoalToTheirActivities() {
            assertThat(plan.goals()).extracting(GoalDraft::activityId).containsExactly(
                    new ActivityId("upphandling-reserverade-kontrakt"), null,
                    new ActivityId("arbetstraning-handledarutbildning"), null);
        }

        @Test
        void readsTheMeasuresOfTheCountAndTheMilestoneGoalAndNoneForShareAndManual() {
            assertThat(plan.goals()).extracting(GoalDraft::measure).containsExactly(
                    Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED, null, Measure.ACTIVITY_COMPLETED, null);
        }

        @Test
        void readsTheSameFileIndentedWithTabs() {
            String json = textOf(EXEMPELKOMMUN_PLAN);
            String tabbed = Pattern.compile("^((?:  )+)", Pattern.MULTILINE).matcher(json)
                    .replaceAll(indent -> "\t".repeat(indent.group(1).length() / 2));
            assertThat(tabbed).contains("\n\t\"adopted\"", "\n\t\t\"body\"").doesNotContain("\n ");

            assertThat(reader.read(utf8(tabbed))).isEqualTo(plan);
        }

        @Test
        void readsEachGoalDecisionWithWhatIsKnownOfIt() {
            assertThat(plan.goals()).extracting(GoalDraft::decision).containsExactly(
                    new Decision("Kommunstyrelsen", "KS 2018/0042", "§ 37"),
                    new Decision("Kommunstyrelsen", "KS 2019/0117", null),
                    new Decision("Socialnämnden", "SN 2018/0210", "§ 12"),
                    new Decision("Socialnämnden", null, null));
        }
    }

    @Nested
    class OngoingPlan {

        private final AdoptPlanCommand plan = reader.read(resource(ONGOING_PLAN));

        @Test
        void readsAPeriodWithoutAnEndYear() {
            assertThat(plan.period()).isEqualTo(PlanPeriod.ongoingFrom(2023));
            assertThat(plan.period().toYear()).isNull();
            assertThat(plan.period().isOngoing()).isTrue();
        }

        @Test
        void readsAnOngoingTimelineAndOneOngoingFromAYear() {
            assertThat(activitiesOf(plan)).extracting(ActivityDraft::timeline)
                    .containsExactly(Timeline.ongoing(), Timeline.ongoingFrom(2024));
            assertThat(activityById(plan, "samverkan-lokal-upphandlingsskola").responsibility())
                    .isEqualTo(Responsibility.of("Näringslivsenheten", "Upphandlingsenheten"));
            assertThat(plan.goals()).isEmpty();
        }
    }

    @Nested
    class ValidInlineFiles {

        @ParameterizedTest
        @ValueSource(strings = {"\"on\"", "'on'", "on"})
        void readsTheAdoptionDateUnderAQuotedOrBareOnKey(String key) {
            String yaml = minimalPlanFile().with("adopted", "\n  " + key + ": 2021-08-31\n  body: \"Kommunfullmäktige\"")
                    .yaml();

            AdoptPlanCommand plan = reader.read(utf8(yaml));

            assertThat(plan.adoptedOn()).isEqualTo(LocalDate.of(2021, 8, 31));
            assertThat(plan.adoption()).isEqualTo(Decision.by("Kommunfullmäktige"));
        }

        @Test
        void readsTheMinimalPlanWithDefaultsForWhatItLeavesOut() {
            AdoptPlanCommand plan = reader.read(minimalPlanFile()
                    .changing("areas", "        timeline: ongoing\n", "").stream());

            ActivityDraft activity = activitiesOf(plan).get(0);
            assertThat(activity.timeline()).isEqualTo(Timeline.ongoing());
            assertThat(activity.description()).isNull();
            assertThat(activity.responsibility().involved()).isEmpty();
            assertThat(plan.goals()).isEmpty();
        }

        @Test
        void readsAGoalInEveryField() {
            AdoptPlanCommand plan = reader.read(planFileWithOneGoal().stream());

            assertThat(plan.goals()).containsExactly(new GoalDraft(new GoalId("natverksmoten-2022"), 2022,
                    GoalKind.COUNT, "Antal nätverksmöten", Target.atLeast(4, "st"), new ActivityId("natverk-moten"),
                    new Decision("Kommunstyrelsen", "KS 2021/0012", "§ 5"), Measure.EVENT_PARTICIPATIONS));
        }

        /** Plan files written before two measures were renamed (issue 10) name them by their former names. */
        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                reserved-procurements-begun                   | RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED
                reserved-procurements-begun-even-if-cancelled | RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED
                contracts-awarded-to-asf                      | CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE
                contracts-awarded-to-asf-any-procedure        | CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE
                reserved-contracts-awarded                    | RESERVED_CONTRACTS_AWARDED""")
        void readsAMeasureByItsNameOrTheNameItHadBeforeARename(String written, Measure measure) {
            AdoptPlanCommand plan = reader.read(planFileWithOneGoal()
                    .changing("goals", "measure: event-participations", "measure: " + written).stream());

            assertThat(plan.goals()).extracting(GoalDraft::measure).containsExactly(measure);
        }

        @Test
        void readsAGoalWithoutMeasureAsReportedByHand() {
            AdoptPlanCommand plan = reader.read(planFileWithOneGoal()
                    .changing("goals", "    measure: event-participations\n", "").stream());

            assertThat(plan.goals()).extracting(GoalDraft::measure).containsExactly((Measure) null);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                title                               | 300
                municipality                        | 200
                areas[0].name                       | 200
                areas[0].description                | 4000
                areas[0].activities[0].title        | 300
                areas[0].activities[0].description  | 4000
                goals[0].indicator                  | 300
                """)
        void readsTextOfTheMaximumLength(String path, int max) {
            AdoptPlanCommand plan = reader.read(withTextAt(path, "x".repeat(max)).stream());

            String text = switch (path) {
                case "title" -> plan.title();
                case "municipality" -> plan.municipality();
                case "areas[0].name" -> plan.areas().get(0).name();
                case "areas[0].description" -> plan.areas().get(0).description();
                case "areas[0].activities[0].title" -> activitiesOf(plan).get(0).title();
                case "areas[0].activities[0].description" -> activitiesOf(plan).get(0).description();
                default -> plan.goals().get(0).indicator();
            };
            assertThat(text).hasSize(max);
        }

        @Test
        void readsAFileOfExactlyTheMaximumSize() {
            StringBuilder yaml = new StringBuilder(minimalPlanFile().yaml());
            String commentLine = "#" + "x".repeat(98) + "\n";
            while (yaml.length() + commentLine.length() <= PlanFileReader.MAX_BYTES - 10) {
                yaml.append(commentLine);
            }
            int bytesLeft = PlanFileReader.MAX_BYTES - yaml.toString().getBytes(StandardCharsets.UTF_8).length;
            byte[] file = yaml.append("#").append("x".repeat(bytesLeft - 2)).append('\n').toString()
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(file).hasSize(PlanFileReader.MAX_BYTES);

            assertThat(reader.read(new ByteArrayInputStream(file)).planId()).isEqualTo(new PlanId("testby-2021"));
        }
    }

    @Nested
    class RefusesAFile {

        @Test
        void withAnUnknownTopLevelField() {
            assertThat(problemsOf(minimalPlanFile().with("colour", "red").stream()))
                    .containsExactly(new Problem("colour", UNKNOWN_FIELD));
        }

        @Test
        void withAnUnknownFieldInAnActivity() {
            String area = ONE_AREA + """
                          - id: natverk-frukost
                            kind: activity
                            title: "Frukostmöten"
                            lead: "Näringslivsenheten"
                            colour: green
                    """;

            assertThat(problemsOf(minimalPlanFile().with("areas", area).stream()))
                    .containsExactly(new Problem("areas[0].activities[1].colour", UNKNOWN_FIELD));
        }

        @Test
        void ofAnotherFormat() {
            assertThat(problemsOf(minimalPlanFile().with("format", "action-plan/v2").stream()))
                    .containsExactly(new Problem("format", "must be 'action-plan/v1', but was 'action-plan/v2'"));
        }

        @Test
        void withoutAFormat() {
            assertThat(problemsOf(minimalPlanFile().without("format").stream()))
                    .containsExactly(new Problem("format", "must be 'action-plan/v1', but was nothing"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                id           | id           | plan id must be 2-63 characters a-z, 0-9 or '-', starting with a letter or digit, but was null
                title        | title        | must be given
                municipality | municipality | must be given
                adopted      | adopted      | must be given: the adoption decision (on, body, reference, paragraph)
                period       | period       | must be given: {from: YEAR, to: YEAR} or {from: YEAR} for an ongoing plan
                areas        | areas        | must list at least one area
                """)
        void withoutARequiredField(String field, String path, String message) {
            assertThat(problemsOf(minimalPlanFile().without(field).stream()))
                    .containsExactly(new Problem(path, message));
        }

        @Test
        void withAnAdoptionWithoutDateOrBody() {
            assertThat(problemsOf(minimalPlanFile().with("adopted", "{reference: \"KF 2021/1\"}").stream()))
                    .containsExactly(
                            new Problem("adopted.on", "must be given: the date of the adoption decision"),
                            new Problem("adopted.body", "decision body must not be blank"));
        }

        @Test
        void withAnAreaIdThatIsNoSlug() {
            assertThat(problemsOf(minimalPlanFile().changing("areas", "id: natverk\n", "id: Nätverk\n").stream()))
                    .containsExactly(new Problem("areas[0].id", "area id must be 2-63 characters a-z, 0-9 or '-',"
                            + " starting with a letter or digit, but was 'Nätverk'"));
        }

        @Test
        void withAnActivityIdOfOneCharacter() {
            assertThat(problemsOf(minimalPlanFile().changing("areas", "id: natverk-moten", "id: m").stream()))
                    .containsExactly(new Problem("areas[0].activities[0].id", "activity id must be 2-63 characters"
                            + " a-z, 0-9 or '-', starting with a letter or digit, but was 'm'"));
        }

        @Test
        void withAnActivityWithoutTitleOrLead() {
            String yaml = minimalPlanFile().changing("areas", "        title: \"Nätverksmöten med sociala företag\"\n", "")
                    .changing("areas", "        lead: \"Näringslivsenheten\"\n", "").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(
                    new Problem("areas[0].activities[0].title", "must be given"),
                    new Problem("areas[0].activities[0].lead", "lead party must not be blank"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"task", "ACTIVITY", "larger_step"})
        void withAnUnknownActivityKind(String kind) {
            assertThat(problemsOf(minimalPlanFile().changing("areas", "kind: activity", "kind: " + kind).stream()))
                    .containsExactly(new Problem("areas[0].activities[0].kind",
                            "must be one of [activity, larger-step, steering-possibility], but was '" + kind + "'"));
        }

        @Test
        void withAnActivityWithoutKind() {
            assertThat(problemsOf(minimalPlanFile().changing("areas", "        kind: activity\n", "").stream()))
                    .containsExactly(new Problem("areas[0].activities[0].kind",
                            "must be one of [activity, larger-step, steering-possibility], but was nothing"));
        }

        @Test
        void withATimelineField() {
            String yaml = minimalPlanFile()
                    .changing("areas", "timeline: ongoing", "timeline: {from: 2021, until: 2024}").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("areas[0].activities[0].timeline",
                    "unknown field(s) [until]; a timeline has only 'from' and 'to'"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"soon\"", "Ongoing", "2021-2024", "\"2021\"", "2021.5", "[2021, 2024]",
                "{to: 2024}", "{}", "{from: \"2021\"}", "{from: 2021, to: soon}"})
        void withATimelineOfNoKnownForm(String timeline) {
            String yaml = minimalPlanFile().changing("areas", "timeline: ongoing", "timeline: " + timeline).yaml();

            assertThat(problemsOf(utf8(yaml)))
                    .containsExactly(new Problem("areas[0].activities[0].timeline", TIMELINE_FORMS));
        }

        @Test
        void withASingleYearTimelineOutsideTheYearsAnyPlanHas() {
            String yaml = minimalPlanFile().changing("areas", "timeline: ongoing", "timeline: 1989").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("areas[0].activities[0].timeline",
                    "timeline from-year must be a year between 1990 and 2100, but was 1989"));
        }

        @Test
        void withATimelineEndingBeforeItStarts() {
            String yaml = minimalPlanFile()
                    .changing("areas", "timeline: ongoing", "timeline: {from: 2023, to: 2022}").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("areas[0].activities[0].timeline",
                    "timeline to-year 2022 must not be before from-year 2023"));
        }

        @Test
        void withAPeriodEndingBeforeItStarts() {
            assertThat(problemsOf(minimalPlanFile().with("period", "{from: 2021, to: 2020}").stream()))
                    .containsExactly(new Problem("period", "period to-year 2020 must not be before from-year 2021"));
        }

        @Test
        void withAPeriodBeforeNineteenNinety() {
            assertThat(problemsOf(minimalPlanFile().with("period", "{from: 1989, to: 2024}").stream()))
                    .containsExactly(new Problem("period",
                            "period from-year must be a year between 1990 and 2100, but was 1989"));
        }

        @Test
        void withAGoalWithoutDecision() {
            String yaml = planFileWithOneGoal().changing("goals",
                    "    decision: {body: \"Kommunstyrelsen\", reference: \"KS 2021/0012\", paragraph: \"§ 5\"}\n", "")
                    .yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("goals[0].decision",
                    "must be given: the decision behind the goal (body, reference, paragraph)"));
        }

        @ParameterizedTest
        @ValueSource(strings = {">=", "at_least", "minst"})
        void withAnUnknownGoalComparator(String comparator) {
            String yaml = planFileWithOneGoal()
                    .changing("goals", "comparator: at-least", "comparator: \"" + comparator + "\"").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("goals[0].comparator",
                    "must be one of [at-least, at-most, exactly], but was '" + comparator + "'"));
        }

        @Test
        void withAnUnknownGoalMeasure() {
            String yaml = planFileWithOneGoal()
                    .changing("goals", "measure: event-participations", "measure: EVENT_PARTICIPATIONS").yaml();

            assertThat(problemsOf(utf8(yaml))).singleElement().satisfies(problem -> {
                assertThat(problem.path()).isEqualTo("goals[0].measure");
                assertThat(problem.message()).startsWith("must be one of [integrationspakten-invitations, ")
                        .endsWith(", integrationspakten-asf-at-level-jobbpartner], but was 'EVENT_PARTICIPATIONS'");
            });
        }

        @Test
        void withAnUnknownGoalKind() {
            String yaml = planFileWithOneGoal().changing("goals", "kind: count", "kind: percentage").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("goals[0].kind",
                    "must be one of [count, share, coverage, milestone, change, manual], but was 'percentage'"));
        }

        @Test
        void withAGoalWithoutYearOrTarget() {
            String yaml = planFileWithOneGoal().changing("goals", "    year: 2022\n", "")
                    .changing("goals", "    target: 4\n", "").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("goals[0].year", "must be given"),
                    new Problem("goals[0].target", "must be given: the target value"));
        }

        @Test
        void withANegativeGoalTarget() {
            String yaml = planFileWithOneGoal().changing("goals", "target: 4", "target: -4").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(
                    new Problem("goals[0].target", "target value must not be negative, but was -4"));
        }

        @Test
        void withAGoalFollowingAnActivityThePlanLacks() {
            String yaml = planFileWithOneGoal()
                    .changing("goals", "activity: natverk-moten", "activity: natverk-frukost").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(
                    new Problem("goals[0].activity", "no activity 'natverk-frukost' in this plan"));
        }

        @Test
        void withAnAreaIdUsedTwice() {
            String areas = ONE_AREA + replaced(ONE_AREA, "id: natverk-moten", "id: natverk-frukost");

            assertThat(problemsOf(minimalPlanFile().with("areas", areas).stream()))
                    .containsExactly(new Problem("areas[1].id", "area id 'natverk' is used twice"));
        }

        @Test
        void withAnActivityIdUsedInTwoAreas() {
            String areas = ONE_AREA + replaced(ONE_AREA, "id: natverk\n", "id: upphandling\n");

            assertThat(problemsOf(minimalPlanFile().with("areas", areas).stream())).containsExactly(
                    new Problem("areas[1].activities[0].id", "activity id 'natverk-moten' is used twice in the plan"));
        }

        @Test
        void withAGoalIdUsedTwice() {
            String goals = ONE_GOAL + replaced(ONE_GOAL, "year: 2022", "year: 2023");

            assertThat(problemsOf(minimalPlanFile().with("goals", goals).stream()))
                    .containsExactly(new Problem("goals[1].id", "goal id 'natverksmoten-2022' is used twice"));
        }

        @Test
        void withEveryProblemFoundReportedTogether() {
            String yaml = planFileWithOneGoal()
                    .with("format", "action-plan/v0")
                    .without("title")
                    .changing("areas", "id: natverk\n", "id: Natverk\n")
                    .changing("areas", "kind: activity", "kind: step")
                    .changing("goals", "comparator: at-least", "comparator: most")
                    .changing("goals", "activity: natverk-moten", "activity: natverk-frukost")
                    .yaml();

            PlanFileException refusal = refusalOf(utf8(yaml));

            assertThat(refusal.problems()).hasSize(6).containsExactly(
                    new Problem("format", "must be 'action-plan/v1', but was 'action-plan/v0'"),
                    new Problem("title", "must be given"),
                    new Problem("areas[0].id", "area id must be 2-63 characters a-z, 0-9 or '-', starting with a"
                            + " letter or digit, but was 'Natverk'"),
                    new Problem("areas[0].activities[0].kind",
                            "must be one of [activity, larger-step, steering-possibility], but was 'step'"),
                    new Problem("goals[0].comparator", "must be one of [at-least, at-most, exactly], but was 'most'"),
                    new Problem("goals[0].activity", "no activity 'natverk-frukost' in this plan"));
            assertThat(refusal).hasMessage("The plan file has 6 problem(s): format: must be 'action-plan/v1', but"
                    + " was 'action-plan/v0' (and more)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"31/08/2021", "2021-8-31", "\"31 augusti 2021\"", "2021-02-30"})
        void withADateNotWrittenYearMonthDay(String date) {
            String yaml = minimalPlanFile().with("adopted", "{\"on\": " + date + ", body: \"Kommunfullmäktige\"}")
                    .yaml();

            assertThat(problemsOf(utf8(yaml)))
                    .containsExactly(new Problem("adopted.on", "must be a date written YYYY-MM-DD"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                period | {from: tjugotjugoett, to: 2024} | period.from
                period | {from: 2021, to: "2024 eller 2025"} | period.to
                """)
        void withTextWhereAPeriodYearIsRequired(String field, String value, String path) {
            assertThat(problemsOf(minimalPlanFile().with(field, value).stream()))
                    .containsExactly(new Problem(path, "must be a number"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                target: 4  | target: "25,5"       | goals[0].target
                target: 4  | target: fyra         | goals[0].target
                year: 2022 | year: tjugotjugotva  | goals[0].year
                """)
        void withTextWhereAGoalNumberIsRequired(String field, String text, String path) {
            String yaml = planFileWithOneGoal().changing("goals", field, text).yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem(path, "must be a number"));
        }

        @Test
        void thatIsNoValidYamlNamingTheLineOfTheError() {
            // the quoted title runs on into line 4, where the parser finds a value where none can be
            String yaml = minimalPlanFile().with("title", "\"Handlingsplan för sociala företag").yaml();

            List<Problem> problems = problemsOf(utf8(yaml));

            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).path()).isEmpty();
            assertThat(problems.get(0).message()).startsWith("not valid YAML or JSON: ")
                    .contains("expected <block end>, but found '<scalar>'").endsWith("(line 4)");
        }

        @Test
        void thatIsNoValidJsonNamingTheLineOfTheError() {
            String json = "{\n  \"format\": \"action-plan/v1\",\n  \"id\": \n}\n";

            assertThat(problemsOf(utf8(json))).containsExactly(new Problem("",
                    "not valid JSON: Unexpected character ('}' (code 125)): expected a value (line 4)"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"format\": \"action-plan/v1\"", "{'format': 'action-plan/v1'}",
                "{\"format\": \"action-plan/v1\",}", "{format: action-plan/v1}"})
        void thatIsNoValidJsonInTheFormatsWords(String json) {
            List<Problem> problems = problemsOf(utf8(json));

            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).path()).isEmpty();
            assertThat(problems.get(0).message()).startsWith("not valid JSON: ").endsWith("(line 1)");
            assertInTheFormatsWords(problems);
        }

        @Test
        void thatIsEmpty() {
            assertThat(problemsOf(new ByteArrayInputStream(new byte[0])))
                    .containsExactly(new Problem("", "the file is empty"));
        }

        @Test
        void thatHoldsOnlyNull() {
            assertThat(problemsOf(utf8("null\n"))).containsExactly(new Problem("", "the file is empty"));
        }

        @Test
        void largerThanTheMaximumSize() {
            byte[] file = new byte[PlanFileReader.MAX_BYTES + 1];
            Arrays.fill(file, (byte) '#');

            assertThat(problemsOf(new ByteArrayInputStream(file)))
                    .containsExactly(new Problem("", "the file is larger than 2048 KiB"));
        }

        @ParameterizedTest
        @ValueSource(ints = {200, 10_000})
        void nestedTooDeeplyInAFlowList(int levels) {
            String yaml = minimalPlanFile()
                    .changing("areas", "timeline: ongoing", "timeline: " + "[".repeat(levels) + "]".repeat(levels))
                    .yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("",
                    "the file is nested more deeply than any plan is (at most 50 levels)"));
        }

        @ParameterizedTest
        @ValueSource(ints = {200, 10_000})
        void nestedTooDeeplyInBlockLists(int levels) {
            String nested = "\n  " + "- ".repeat(levels) + "deep\n";

            List<Problem> problems = problemsOf(minimalPlanFile().with("notes", nested).stream());

            assertThat(problems).containsExactly(new Problem("",
                    "the file is nested more deeply than any plan is (at most 50 levels)"));
        }
    }

    @Nested
    class RefusesAnEmptyEntry {

        @ParameterizedTest
        @ValueSource(strings = {"~", "null", ""})
        void inAnAreasActivities(String empty) {
            String yaml = minimalPlanFile()
                    .changing("areas", "      - id: natverk-moten", "      - " + empty + "\n      - id: natverk-moten")
                    .yaml();

            assertThat(problemsOf(utf8(yaml)))
                    .containsExactly(new Problem("areas[0].activities[0]", "must not be empty"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"~", "null", ""})
        void inTheAreas(String empty) {
            String yaml = minimalPlanFile().with("areas", "\n  - " + empty + ONE_AREA).yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("areas[0]", "must not be empty"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"~", "null", ""})
        void inTheGoals(String empty) {
            String yaml = minimalPlanFile().with("goals", ONE_GOAL + "  - " + empty + "\n").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("goals[1]", "must not be empty"));
        }

        @Test
        void inEveryListAtOnce() {
            String yaml = minimalPlanFile()
                    .with("areas", ONE_AREA + "  - ~\n")
                    .changing("areas", "      - id: natverk-moten", "      - ~\n      - id: natverk-moten")
                    .with("goals", "\n  - ~\n")
                    .yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(
                    new Problem("areas[0].activities[0]", "must not be empty"),
                    new Problem("areas[1]", "must not be empty"),
                    new Problem("goals[0]", "must not be empty"));
        }
    }

    @Nested
    class RefusesWhatItWouldHaveToGuess {

        @ParameterizedTest
        @ValueSource(strings = {"2021", "20210831", "2021-08-31T10:00", "2021-08-31T10:00:00Z"})
        void aNumberOrATimeAsTheAdoptionDate(String date) {
            String yaml = minimalPlanFile().with("adopted", "{\"on\": " + date + ", body: X}").yaml();

            assertThat(problemsOf(utf8(yaml)))
                    .containsExactly(new Problem("adopted.on", "must be a date written YYYY-MM-DD"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2018", "\"2018-03-14T10:00\""})
        void aNumberOrATimeAsTheAdoptionDateInJson(String date) {
            String json = replaced(textOf(EXEMPELKOMMUN_PLAN), "\"on\": \"2018-03-14\"", "\"on\": " + date);

            assertThat(problemsOf(utf8(json)))
                    .containsExactly(new Problem("adopted.on", "must be a date written YYYY-MM-DD"));
        }

        @Test
        void aYamlAlias() {
            String yaml = minimalPlanFile().with("format", "&f action-plan/v1").with("id", "*f").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(
                    new Problem("id", "YAML aliases (*f) are not supported; write the value out"));
        }

        @Test
        void aRepeatedKey() {
            String yaml = minimalPlanFile().yaml() + "title: \"Handlingsplan för Testby\"\n";

            assertThat(problemsOf(utf8(yaml))).containsExactly(
                    new Problem("", "not valid YAML or JSON: Duplicate field 'title' (line 18)"));
        }

        @Test
        void aRepeatedKeyInJson() {
            String json = replaced(textOf(EXEMPELKOMMUN_PLAN), "\"format\": \"action-plan/v1\",",
                    "\"format\": \"action-plan/v1\", \"format\": \"action-plan/v1\",");

            assertThat(problemsOf(utf8(json)))
                    .containsExactly(new Problem("", "not valid JSON: Duplicate field 'format' (line 2)"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"---\nformat: action-plan/v1\n", "---\n", "---\nhej\n"})
        void aSecondYamlDocument(String second) {
            String yaml = minimalPlanFile().yaml() + second;

            assertThat(problemsOf(utf8(yaml))).containsExactly(
                    new Problem("", "the file holds more than one document; a plan file holds exactly one plan"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                {from: 2021.7}             | period.from
                {from: 2021.0, to: 2024}   | period.from
                {from: 2021, to: 2024.5}   | period.to
                {from: "2021"}             | period.from
                {from: 2021, to: '2024'}   | period.to
                """)
        void aFractionOrTextAsAPeriodYear(String period, String path) {
            assertThat(problemsOf(minimalPlanFile().with("period", period).stream()))
                    .containsExactly(new Problem(path, "must be a number"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2022.9", "2022.0", "2.022e3", "\"2022\"", "'2022'"})
        void aFractionOrTextAsAGoalYear(String year) {
            String yaml = planFileWithOneGoal().changing("goals", "year: 2022", "year: " + year).yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("goals[0].year", "must be a number"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{from: 2021.7}", "{from: 2021.0}", "{from: 2021, to: 2023.5}"})
        void aFractionAsATimelineYear(String timeline) {
            String yaml = minimalPlanFile().changing("areas", "timeline: ongoing", "timeline: " + timeline).yaml();

            assertThat(problemsOf(utf8(yaml)))
                    .containsExactly(new Problem("areas[0].activities[0].timeline", TIMELINE_FORMS));
        }

        @Test
        void aFractionOrTextAsAGoalYearInJson() {
            String json = textOf(EXEMPELKOMMUN_PLAN);

            assertThat(problemsOf(utf8(replaced(json, "\"year\": 2019,", "\"year\": 2019.5,"))))
                    .containsExactly(new Problem("goals[0].year", "must be a number"));
            assertThat(problemsOf(utf8(replaced(json, "\"year\": 2019,", "\"year\": \"2019\","))))
                    .containsExactly(new Problem("goals[0].year", "must be a number"));
        }
    }

    @Nested
    class ReportsAProblemAgainstItsField {

        @ParameterizedTest
        @ValueSource(strings = {"[\"\"]", "[\"  \"]", "[~]", "[\"Famna\", \"\"]"})
        void aBlankInvolvedParty(String involved) {
            String yaml = minimalPlanFile()
                    .changing("areas", "timeline: ongoing", "timeline: ongoing\n        involved: " + involved).yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("areas[0].activities[0].involved",
                    "involved party must not be blank"));
        }

        @Test
        void tooManyInvolvedParties() {
            String involved = IntStream.rangeClosed(1, 31).mapToObj(i -> "\"Part " + i + "\"")
                    .collect(Collectors.joining(", ", "[", "]"));
            String yaml = minimalPlanFile()
                    .changing("areas", "timeline: ongoing", "timeline: ongoing\n        involved: " + involved).yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("areas[0].activities[0].involved",
                    "at most 30 involved parties, but got 31"));
        }

        @Test
        void aLeadTooLong() {
            String yaml = minimalPlanFile()
                    .changing("areas", "lead: \"Näringslivsenheten\"", "lead: " + "l".repeat(201)).yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("areas[0].activities[0].lead",
                    "lead party must be at most 200 characters, but has 201"));
        }

        @Test
        void aGoalDecisionReferenceTooLong() {
            String yaml = planFileWithOneGoal()
                    .changing("goals", "reference: \"KS 2021/0012\"", "reference: " + "r".repeat(101)).yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("goals[0].decision.reference",
                    "decision reference must be at most 100 characters, but has 101"));
        }

        @Test
        void aGoalDecisionParagraphTooLong() {
            String yaml = planFileWithOneGoal()
                    .changing("goals", "paragraph: \"§ 5\"", "paragraph: " + "p".repeat(51)).yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("goals[0].decision.paragraph",
                    "decision paragraph must be at most 50 characters, but has 51"));
        }

        @Test
        void anAdoptionParagraphTooLong() {
            String yaml = minimalPlanFile()
                    .with("adopted", "{\"on\": 2021-08-31, body: X, paragraph: " + "p".repeat(51) + "}").yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem("adopted.paragraph",
                    "decision paragraph must be at most 50 characters, but has 51"));
        }

        @Test
        void aGoalWithoutUnit() {
            String yaml = planFileWithOneGoal().changing("goals", "    unit: \"st\"\n", "").yaml();

            assertThat(problemsOf(utf8(yaml)))
                    .containsExactly(new Problem("goals[0].unit", "target unit must not be blank"));
        }

        @Test
        void aMissingPeriod() {
            assertThat(problemsOf(minimalPlanFile().without("period").stream())).containsExactly(new Problem("period",
                    "must be given: {from: YEAR, to: YEAR} or {from: YEAR} for an ongoing plan"));
        }
    }

    @Nested
    class ChecksTextLimitsWhenReading {

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                title                               | 300
                municipality                        | 200
                areas[0].name                       | 200
                areas[0].description                | 4000
                areas[0].activities[0].title        | 300
                areas[0].activities[0].description  | 4000
                goals[0].indicator                  | 300
                """)
        void refusingTextOneCharacterTooLong(String path, int max) {
            String yaml = withTextAt(path, "x".repeat(max + 1)).yaml();

            assertThat(problemsOf(utf8(yaml))).containsExactly(new Problem(path,
                    "the text must be at most " + max + " characters, but has " + (max + 1)));
        }

        @Test
        void countingAfterLeadingAndTrailingSpacesAreRemoved() {
            AdoptPlanCommand plan = reader.read(withTextAt("title", "\"  " + "x".repeat(300) + "  \"").stream());

            assertThat(plan.title()).hasSize(300);
        }
    }

    @Nested
    class NamesAWrongFormInTheFormatsWords {

        @Test
        void areasThatAreNoList() {
            assertRefusedInTheFormatsWords(minimalPlanFile().with("areas", "{x: 1}").yaml(),
                    new Problem("areas", "must be a list"));
        }

        @Test
        void goalsThatAreNoList() {
            assertRefusedInTheFormatsWords(minimalPlanFile().with("goals", "{x: 1}").yaml(),
                    new Problem("goals", "must be a list"));
        }

        @Test
        void involvedPartiesThatAreNoList() {
            String yaml = minimalPlanFile()
                    .changing("areas", "timeline: ongoing", "timeline: ongoing\n        involved: \"Famna\"").yaml();

            assertRefusedInTheFormatsWords(yaml, new Problem("areas[0].activities[0].involved", "must be a list"));
        }

        @Test
        void anAdoptionThatIsADateAlone() {
            assertRefusedInTheFormatsWords(minimalPlanFile().with("adopted", "2021-08-31").yaml(),
                    new Problem("adopted", "must be a mapping of fields (see the format description)"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[a, b]", "{a: b}"})
        void aTitleThatIsNoText(String title) {
            assertRefusedInTheFormatsWords(minimalPlanFile().with("title", title).yaml(),
                    new Problem("title", "must be text"));
        }

        @Test
        void aGoalYearOutOfRange() {
            String yaml = planFileWithOneGoal().changing("goals", "year: 2022", "year: 99999999999").yaml();

            assertRefusedInTheFormatsWords(yaml, new Problem("goals[0].year", "is a number out of range"));
        }

        @Test
        void aPeriodYearOutOfRange() {
            assertRefusedInTheFormatsWords(minimalPlanFile().with("period", "{from: 99999999999}").yaml(),
                    new Problem("period.from", "is a number out of range"));
        }

        @Test
        void aFileOfCommentsOnly() {
            assertRefusedInTheFormatsWords("# Handlingsplan för Testby\n\n# kommer senare\n",
                    new Problem("", "the file is empty"));
        }

        @Test
        void aFileThatIsAList() {
            assertRefusedInTheFormatsWords("- format: action-plan/v1\n",
                    new Problem("", "must be a mapping of fields (see the format description)"));
        }

        private void assertRefusedInTheFormatsWords(String file, Problem expected) {
            List<Problem> problems = problemsOf(utf8(file));

            assertThat(problems).containsExactly(expected);
            assertInTheFormatsWords(problems);
        }
    }

    /** The message speaks of the file and its format: no Java class, package or parser API names. */
    private static void assertInTheFormatsWords(List<Problem> problems) {
        assertThat(problems).allSatisfy(problem -> assertThat(problem.message()).as("message at %s", problem.path())
                .doesNotContain("java.", "se.asfplan", "`", "Cannot"));
    }

    /** The minimal plan with one goal, with {@code text} written (unquoted unless it is) at the field {@code path}. */
    private static PlanFileText withTextAt(String path, String text) {
        PlanFileText file = planFileWithOneGoal();
        return switch (path) {
            case "title", "municipality" -> file.with(path, text);
            case "areas[0].name" -> file.changing("areas", "name: \"Nätverk\"", "name: " + text);
            case "areas[0].description" -> file.changing("areas", "    name: \"Nätverk\"\n",
                    "    name: \"Nätverk\"\n    description: " + text + "\n");
            case "areas[0].activities[0].title" ->
                    file.changing("areas", "title: \"Nätverksmöten med sociala företag\"", "title: " + text);
            case "areas[0].activities[0].description" ->
                    file.changing("areas", "timeline: ongoing", "timeline: ongoing\n        description: " + text);
            case "goals[0].indicator" ->
                    file.changing("goals", "indicator: \"Antal nätverksmöten\"", "indicator: " + text);
            default -> throw new IllegalArgumentException("no text field " + path + " in the test plan");
        };
    }

    private static String textOf(String resourcePath) {
        try (InputStream input = resource(resourcePath)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + resourcePath, e);
        }
    }

    private List<Problem> problemsOf(InputStream file) {
        return refusalOf(file).problems();
    }

    private PlanFileException refusalOf(InputStream file) {
        PlanFileException refusal = catchThrowableOfType(PlanFileException.class, () -> reader.read(file));
        assertThat(refusal).as("the reader's refusal").isNotNull();
        return refusal;
    }

    private static List<ActivityDraft> activitiesOf(AdoptPlanCommand plan) {
        return plan.areas().stream().flatMap(area -> area.activities().stream()).toList();
    }

    private static ActivityDraft activityById(AdoptPlanCommand plan, String activityId) {
        Map<ActivityId, ActivityDraft> byId = activitiesOf(plan).stream()
                .collect(Collectors.toMap(ActivityDraft::activityId, Function.identity()));
        assertThat(byId).as("activities of plan %s", plan.planId()).containsKey(new ActivityId(activityId));
        return byId.get(new ActivityId(activityId));
    }
}
