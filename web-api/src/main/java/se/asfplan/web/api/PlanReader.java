package se.asfplan.web.api;

import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.projections.plan.PlanQueries.FindPlanQuery;
import se.asfplan.projections.plan.PlanQueries.FindPlansQuery;
import se.asfplan.projections.plan.PlanQueries.PlanSummary;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.api.problem.NotFoundException;

/** Asks the plan catalogue projection, and turns "no such plan" into a 404. */
@Component
public class PlanReader {

    private final QueryGateway queryGateway;

    PlanReader(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public List<PlanSummary> plans() {
        return queryGateway.query(new FindPlansQuery(), ResponseTypes.multipleInstancesOf(PlanSummary.class)).join();
    }

    public PlanView plan(PlanId planId) {
        Optional<PlanView> plan = queryGateway.query(new FindPlanQuery(planId),
                ResponseTypes.optionalInstanceOf(PlanView.class)).join();
        return plan.orElseThrow(() -> new NotFoundException("No plan " + planId + " is recorded"));
    }
}
