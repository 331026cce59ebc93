package se.asfplan.web.api.problem;

import java.util.Optional;

import org.springframework.core.annotation.AnnotatedElementUtils;

import se.asfplan.domain.enterprise.EnterpriseRule;
import se.asfplan.domain.meeting.MeetingRule;
import se.asfplan.domain.party.PartyRule;
import se.asfplan.domain.plan.PlanRule;
import se.asfplan.domain.procurement.ProcurementRule;
import se.asfplan.domain.round.RoundRule;
import se.asfplan.domain.shared.RuleCode;

/**
 * The kinds of record the API records facts about, with the rule each one names when a command finds no history
 * under its id ({@link #mustExist}) and when two requests begin the same record at the same moment
 * ({@link #begunOnce}). The kind of a request is the kind its controller serves, as the controller says with
 * {@link RecordsFactsOf}: the plan's controllers record facts of the plan only, and so on.
 */
public enum RecordKind {

    PLAN(PlanRule.PLAN_MUST_BE_ADOPTED_FIRST, "No plan %s is recorded; adopt or import it first",
            PlanRule.PLAN_CAN_BE_ADOPTED_ONCE, "This plan was adopted at the same moment by another request; it can "
                    + "be adopted once"),
    ENTERPRISE(EnterpriseRule.ENTERPRISE_MUST_BE_REGISTERED_FIRST, "No enterprise %s is registered; register it first",
            EnterpriseRule.ENTERPRISE_ID_MUST_BE_UNIQUE, "This enterprise was registered at the same moment by "
                    + "another request"),
    MEETING(MeetingRule.MEETING_MUST_BE_RECORDED_FIRST, "No meeting %s is recorded; record it first",
            MeetingRule.MEETING_CAN_BE_RECORDED_ONCE, "This meeting was recorded at the same moment by another request"),
    PROCUREMENT(ProcurementRule.PROCUREMENT_MUST_EXIST, "No procurement %s is recorded; plan or announce it first",
            ProcurementRule.PROCUREMENT_CAN_BE_BEGUN_ONCE, "This procurement was recorded at the same moment by "
                    + "another request"),
    PARTY(PartyRule.PARTY_MUST_BE_REGISTERED_FIRST, "No party %s is registered; register it first",
            PartyRule.PARTY_CAN_BE_REGISTERED_ONCE, "This party was registered at the same moment by another request"),
    ROUND(RoundRule.ROUND_MUST_BE_OPENED_FIRST, "No follow-up round %s is recorded; open it first",
            RoundRule.ROUND_CAN_BE_OPENED_ONCE, "This follow-up round was opened at the same moment by another request");

    /** The rule broken by a command for an id under which nothing is recorded. */
    public final RuleCode mustExist;
    private final String notFound;
    /** The rule broken by beginning a record that another request began at the same moment. */
    public final RuleCode begunOnce;
    /** The refusal's message when another request began the record at the same moment. */
    final String begunConcurrently;

    RecordKind(RuleCode mustExist, String notFound, RuleCode begunOnce, String begunConcurrently) {
        this.mustExist = mustExist;
        this.notFound = notFound;
        this.begunOnce = begunOnce;
        this.begunConcurrently = begunConcurrently;
    }

    /** The refusal's message when nothing is recorded under {@code id}. */
    public String notFound(Object id) {
        return notFound.formatted(id);
    }

    /** The kind of record a controller sends commands for; empty for a controller that sends none. */
    public static Optional<RecordKind> servedBy(Class<?> controller) {
        return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(controller, RecordsFactsOf.class))
                .map(RecordsFactsOf::value);
    }
}
