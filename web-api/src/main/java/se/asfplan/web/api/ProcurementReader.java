package se.asfplan.web.api;

import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementPageQuery;
import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementQuery;
import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementStepsCarryingOutQuery;
import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementsQuery;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementPage;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementStepFactView;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementSummary;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementView;
import se.asfplan.web.api.problem.NotFoundException;

/** Asks the procurement projection, and turns "no such procurement" into a 404. */
@Component
public class ProcurementReader {

    private final QueryGateway queryGateway;

    ProcurementReader(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public List<ProcurementSummary> procurements(FindProcurementsQuery query) {
        return queryGateway.query(query, ResponseTypes.multipleInstancesOf(ProcurementSummary.class)).join();
    }

    /** Page {@code page} of {@code size} of the procurements the filters find, cut in the database. */
    public ProcurementPage procurements(FindProcurementsQuery query, int page, int size) {
        return queryGateway.query(new FindProcurementPageQuery(query, (long) page * size, size),
                ResponseTypes.instanceOf(ProcurementPage.class)).join();
    }

    public List<ProcurementStepFactView> stepsCarryingOut(PlanId planId, ActivityId activityId) {
        return queryGateway.query(new FindProcurementStepsCarryingOutQuery(planId, activityId),
                ResponseTypes.multipleInstancesOf(ProcurementStepFactView.class)).join();
    }

    public ProcurementView procurement(ProcurementId procurementId) {
        Optional<ProcurementView> procurement = queryGateway.query(new FindProcurementQuery(procurementId),
                ResponseTypes.optionalInstanceOf(ProcurementView.class)).join();
        return procurement.orElseThrow(() -> new NotFoundException("No procurement " + procurementId + " is recorded"));
    }
}
