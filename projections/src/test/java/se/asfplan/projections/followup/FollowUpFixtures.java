package se.asfplan.projections.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.projections.followup.FollowUpFact.FactType;
import se.asfplan.projections.followup.FollowUpFact.Recording;

/**
 * A plan's history as follow-up facts, recorded one after the other: each fact gets the next event position and
 * is recorded one minute after the previous one, unless {@link #recordedAt(Instant)} sets the recording clock.
 */
final class FollowUpFixtures {

    static final PlanId PLAN = new PlanId("plan-2021");
    static final AreaId NETWORKING = new AreaId("natverkande");
    static final AreaId PROCUREMENT = new AreaId("upphandling");
    static final String AMN = "Arbetsmarknadsnämnden (AMN)";
    static final String SBR = "Stockholm Business Region (SBR)";

    private final List<FollowUpFact> facts = new ArrayList<>();
    private Instant clock = Instant.parse("2021-03-01T08:00:00Z");

    /** A plan for 2021-2024 adopted on 2021-03-01 with the areas networking and procurement. */
    static FollowUpFixtures planAdopted() {
        FollowUpFixtures plan = new FollowUpFixtures();
        plan.add(FollowUpFact.planFact(plan.next(), PLAN, FactType.PLAN_ADOPTED, LocalDate.of(2021, 3, 1),
                "Handlingsplan för ASF", "Testkommun", new PlanPeriod(2021, 2024), null));
        plan.add(FollowUpFact.areaAdded(plan.next(), PLAN, NETWORKING, "Nätverkande", LocalDate.of(2021, 3, 1)));
        plan.add(FollowUpFact.areaAdded(plan.next(), PLAN, PROCUREMENT, "Inköp och upphandling",
                LocalDate.of(2021, 3, 1)));
        return plan;
    }

    FollowUpFixtures recordedAt(Instant moment) {
        clock = moment;
        return this;
    }

    Instant lastRecordedAt() {
        return facts.get(facts.size() - 1).recordedAt();
    }

    FollowUpFixtures activityAdded(String activityId, AreaId area, String lead, Timeline timeline, String on) {
        return add(FollowUpFact.activityAdded(next(), PLAN, new ActivityId(activityId), area, ActivityKind.ACTIVITY,
                "Aktivitet " + activityId, Responsibility.of(lead), timeline, LocalDate.parse(on)));
    }

    FollowUpFixtures started(String activityId, String on) {
        return add(FollowUpFact.activityFact(next(), PLAN, new ActivityId(activityId), FactType.STARTED,
                LocalDate.parse(on), null));
    }

    FollowUpFixtures progressReported(String activityId, String note, String on) {
        return add(FollowUpFact.activityFact(next(), PLAN, new ActivityId(activityId), FactType.PROGRESS_REPORTED,
                LocalDate.parse(on), note));
    }

    FollowUpFixtures completed(String activityId, String note, String on) {
        return add(FollowUpFact.activityFact(next(), PLAN, new ActivityId(activityId), FactType.COMPLETED,
                LocalDate.parse(on), note));
    }

    FollowUpFixtures cancelled(String activityId, String reason, String on) {
        return add(FollowUpFact.activityFact(next(), PLAN, new ActivityId(activityId), FactType.CANCELLED,
                LocalDate.parse(on), reason));
    }

    FollowUpFixtures rescheduled(String activityId, Timeline timeline, String on) {
        return add(FollowUpFact.rescheduled(next(), PLAN, new ActivityId(activityId), timeline, "ny tidsplan",
                LocalDate.parse(on)));
    }

    FollowUpFixtures responsibilityChanged(String activityId, String lead, String on) {
        return responsibilityChanged(activityId, Responsibility.of(lead), on);
    }

    FollowUpFixtures responsibilityChanged(String activityId, Responsibility responsibility, String on) {
        return add(FollowUpFact.responsibilityChanged(next(), PLAN, new ActivityId(activityId),
                responsibility, "nytt ansvar", LocalDate.parse(on)));
    }

    List<FollowUpFact> facts() {
        return List.copyOf(facts);
    }

    private FollowUpFixtures add(FollowUpFact fact) {
        facts.add(fact);
        return this;
    }

    private Recording next() {
        Recording recording = new Recording("event-" + facts.size(), facts.size() + 1L, clock, "coordinator");
        clock = clock.plusSeconds(60);
        return recording;
    }
}
