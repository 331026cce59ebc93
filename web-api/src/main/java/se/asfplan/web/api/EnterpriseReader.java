package se.asfplan.web.api;

import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.meeting.MeetingId;
import se.asfplan.domain.meeting.MeetingKind;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseFactView;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterprisePage;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseSummary;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseView;
import se.asfplan.projections.enterprise.EnterpriseQueries.FindEnterpriseFactsCarryingOutQuery;
import se.asfplan.projections.enterprise.EnterpriseQueries.FindEnterpriseQuery;
import se.asfplan.projections.enterprise.EnterpriseQueries.FindEnterprisePageQuery;
import se.asfplan.projections.enterprise.EnterpriseQueries.FindEnterprisesQuery;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingPageQuery;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingQuery;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingsCarryingOutQuery;
import se.asfplan.projections.meeting.MeetingQueries.FindMeetingsQuery;
import se.asfplan.projections.meeting.MeetingQueries.MeetingPage;
import se.asfplan.projections.meeting.MeetingQueries.MeetingView;
import se.asfplan.web.api.problem.NotFoundException;

/** Asks the enterprise register and meetings projections, and turns "no such enterprise or meeting" into a 404. */
@Component
public class EnterpriseReader {

    private final QueryGateway queryGateway;

    EnterpriseReader(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public List<EnterpriseSummary> enterprises(Boolean countsAsAsf, String district) {
        return enterprises(countsAsAsf, district, null);
    }

    /** The enterprises, also only those whose name or organisation number {@code text} finds. */
    public List<EnterpriseSummary> enterprises(Boolean countsAsAsf, String district, String text) {
        return queryGateway.query(new FindEnterprisesQuery(countsAsAsf, district, text),
                ResponseTypes.multipleInstancesOf(EnterpriseSummary.class)).join();
    }

    /**
     * Page {@code page} of {@code size} of the enterprises the filters find, cut in the database; without the sole
     * traders when {@code withOrganisationNumberOnly}.
     */
    public EnterprisePage enterprises(Boolean countsAsAsf, String district, String text,
                                      boolean withOrganisationNumberOnly, int page, int size) {
        return queryGateway.query(new FindEnterprisePageQuery(countsAsAsf, district, text, withOrganisationNumberOnly,
                (long) page * size, size), ResponseTypes.instanceOf(EnterprisePage.class)).join();
    }

    public EnterpriseView enterprise(EnterpriseId enterpriseId) {
        Optional<EnterpriseView> enterprise = queryGateway.query(new FindEnterpriseQuery(enterpriseId),
                ResponseTypes.optionalInstanceOf(EnterpriseView.class)).join();
        return enterprise.orElseThrow(() -> new NotFoundException("No enterprise " + enterpriseId + " is registered"));
    }

    public List<EnterpriseFactView> factsCarryingOut(PlanId planId, ActivityId activityId) {
        return queryGateway.query(new FindEnterpriseFactsCarryingOutQuery(planId, activityId),
                ResponseTypes.multipleInstancesOf(EnterpriseFactView.class)).join();
    }

    public List<MeetingView> meetings(MeetingKind kind, EnterpriseId participant) {
        return queryGateway.query(new FindMeetingsQuery(kind, participant),
                ResponseTypes.multipleInstancesOf(MeetingView.class)).join();
    }

    /** Page {@code page} of {@code size} of the meetings the filters find, cut in the database. */
    public MeetingPage meetings(MeetingKind kind, EnterpriseId participant, int page, int size) {
        return queryGateway.query(new FindMeetingPageQuery(kind, participant, (long) page * size, size),
                ResponseTypes.instanceOf(MeetingPage.class)).join();
    }

    public MeetingView meeting(MeetingId meetingId) {
        Optional<MeetingView> meeting = queryGateway.query(new FindMeetingQuery(meetingId),
                ResponseTypes.optionalInstanceOf(MeetingView.class)).join();
        return meeting.orElseThrow(() -> new NotFoundException("No meeting " + meetingId + " is recorded"));
    }

    public List<MeetingView> meetingsCarryingOut(PlanId planId, ActivityId activityId) {
        return queryGateway.query(new FindMeetingsCarryingOutQuery(planId, activityId),
                ResponseTypes.multipleInstancesOf(MeetingView.class)).join();
    }
}
