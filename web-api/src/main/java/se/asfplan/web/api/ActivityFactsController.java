package se.asfplan.web.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseFactView;
import se.asfplan.projections.meeting.MeetingQueries.MeetingView;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementStepFactView;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.security.ReadPolicy;

@RestController
@Tag(name = "Activities")
public class ActivityFactsController {

    private final PlanReader plans;
    private final EnterpriseReader reader;
    private final ProcurementReader procurements;

    public ActivityFactsController(PlanReader plans, EnterpriseReader reader, ProcurementReader procurements) {
        this.plans = plans;
        this.reader = reader;
        this.procurements = procurements;
    }

    @GetMapping("/api/plans/{planId}/activities/{activityId}/facts")
    @Operation(summary = "What carried out this activity: every recorded enterprise fact, meeting and procurement "
            + "step that names it, with their counts. Coordinators and auditors read the facts themselves; a "
            + "committee reads the counts alone (no enterprise, participant or procurement), where a count of one "
            + "to four enterprises or facts about them reads \"<5\"")
    public ActivityFacts facts(@PathVariable PlanId planId, @PathVariable ActivityId activityId) {
        boolean known = plans.plan(planId).activities().stream()
                .anyMatch(activity -> activity.activityId().equals(activityId));
        if (!known) {
            throw new NotFoundException("Plan " + planId + " has no activity " + activityId);
        }
        return ActivityFacts.as(ReadPolicy.current(), planId, activityId, reader.factsCarryingOut(planId, activityId),
                reader.meetingsCarryingOut(planId, activityId), procurements.stepsCarryingOut(planId, activityId));
    }

    /**
     * The facts that name the activity as the one they carry out, oldest first, as the caller's {@link ReadPolicy}
     * lets them read them: {@code complete} says whether the lists hold the facts ({@code false}: the lists are empty
     * and only {@code counts} tell).
     */
    public record ActivityFacts(PlanId planId, ActivityId activityId, boolean complete, Counts counts,
                                List<EnterpriseFactView> enterpriseFacts, List<MeetingView> meetings,
                                List<ProcurementStepFactView> procurementSteps) {

        static ActivityFacts as(ReadPolicy policy, PlanId planId, ActivityId activityId,
                                List<EnterpriseFactView> facts, List<MeetingView> meetings,
                                List<ProcurementStepFactView> steps) {
            long enterprises = facts.stream().map(EnterpriseFactView::enterpriseId).distinct().count();
            Counts counts = new Counts(policy.count(facts.size()), policy.count(enterprises), meetings.size(),
                    steps.size());
            return new ActivityFacts(planId, activityId, policy.readsRecords(), counts, policy.records(facts),
                    policy.records(meetings), policy.records(steps));
        }
    }

    /**
     * How many facts carried out the activity: enterprise facts and the distinct enterprises they are about ("<5"
     * for one to four when the caller reads aggregates), meetings held and procurement steps (they count occasions,
     * no one in particular).
     */
    public record Counts(String enterpriseFacts, String enterprises, int meetings, int procurementSteps) {
    }
}
