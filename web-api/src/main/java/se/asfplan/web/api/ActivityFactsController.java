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
            + "step that names it")
    public ActivityFacts facts(@PathVariable PlanId planId, @PathVariable ActivityId activityId) {
        boolean known = plans.plan(planId).activities().stream()
                .anyMatch(activity -> activity.activityId().equals(activityId));
        if (!known) {
            throw new NotFoundException("Plan " + planId + " has no activity " + activityId);
        }
        return new ActivityFacts(planId, activityId, reader.factsCarryingOut(planId, activityId),
                reader.meetingsCarryingOut(planId, activityId), procurements.stepsCarryingOut(planId, activityId));
    }

    /** The facts that name the activity as the one they carry out, oldest first. */
    public record ActivityFacts(PlanId planId, ActivityId activityId, List<EnterpriseFactView> enterpriseFacts,
                                List<MeetingView> meetings, List<ProcurementStepFactView> procurementSteps) {
    }
}
