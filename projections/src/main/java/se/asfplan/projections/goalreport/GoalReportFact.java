package se.asfplan.projections.goalreport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.Target;

/**
 * One row of {@code goal_report_fact}: what one event says about a goal, an activity's completion or something a
 * goal measure counts, with its business date and when and by whom it was recorded. Fields a fact does not carry
 * are null.
 *
 * @param globalIndex   the event's position in the event store, which orders the facts as they were recorded
 * @param text          the source of an outcome reported by hand, or the reason for a target revision
 * @param procurementId the procurement of a procurement fact, which ties an award to its procurement's procedure
 *                      and cancellation
 */
record GoalReportFact(String eventId, long globalIndex, FactType type, LocalDate occurredOn, Instant recordedAt,
                      String recordedBy, String planId, String goalId, Integer year, GoalKind kind, Measure measure,
                      String indicator, String activityId, Target target, BigDecimal value, String text,
                      String enterpriseId, Boolean countsAsAsf, String level, String procurementId) {

    /** What a fact records. */
    enum FactType {
        GOAL_SET, GOAL_REVISED, GOAL_WITHDRAWN, OUTCOME_REPORTED, ACTIVITY_COMPLETED,
        /** An enterprise registered or its details changed: whether it counts as ASF since then. */
        ENTERPRISE_DETAILS, ENTERPRISE_CLOSED, IP_INVITED,
        /** Joined Integrationspakten or changed level: the level since then. */
        IP_MEMBERSHIP, IP_LEFT, REFERENCE_GROUP_INVITED, BUSINESS_DIALOGUE_INVITED, BUSINESS_ADVICE_RECEIVED,
        EVENT_PARTICIPATION,
        /**
         * A procurement planned as reserved (in rows written before V240 also one begun by its announcement, which
         * is now {@link #RESERVED_PROCUREMENT_ANNOUNCED_FIRST}).
         */
        RESERVED_PROCUREMENT_BEGUN,
        /** A procurement planned as reserved announced. */
        RESERVED_PROCUREMENT_ANNOUNCED,
        /** A reserved procurement announced without planning: begun and announced by the one event. */
        RESERVED_PROCUREMENT_ANNOUNCED_FIRST,
        PROCUREMENT_DIVIDED_INTO_LOTS,
        /** A contract awarded to a supplier that was an ASF on the award date, in any procedure. */
        CONTRACT_AWARDED_TO_ASF,
        /** A contract awarded to a supplier that was no ASF on the award date (or a sole trader), in any procedure. */
        CONTRACT_AWARDED_TO_OTHER_SUPPLIER,
        /** A procurement cancelled: its award, if any, never became a contract. */
        PROCUREMENT_CANCELLED,
        /**
         * A retraction of a fact recorded in error (its {@code retracts_event_id} names the event); read as a
         * {@link se.asfplan.projections.support.Retraction}, never counted itself.
         */
        RETRACTION
    }

    /** When and by whom an event was recorded, and where it lies in the event store. */
    record Recording(String eventId, long globalIndex, Instant recordedAt, String recordedBy) {
    }

    static GoalReportFact goalSet(Recording r, String planId, String goalId, int year, GoalKind kind,
                                  Measure measure, String indicator, String activityId, Target target,
                                  LocalDate occurredOn) {
        return new GoalReportFact(r.eventId(), r.globalIndex(), FactType.GOAL_SET, occurredOn, r.recordedAt(),
                r.recordedBy(), planId, goalId, year, kind, measure, indicator, activityId, target, null, null, null,
                null, null, null);
    }

    static GoalReportFact goalRevised(Recording r, String planId, String goalId, Target target, String reason,
                                      LocalDate occurredOn) {
        return new GoalReportFact(r.eventId(), r.globalIndex(), FactType.GOAL_REVISED, occurredOn, r.recordedAt(),
                r.recordedBy(), planId, goalId, null, null, null, null, null, target, null, reason, null, null, null,
                null);
    }

    static GoalReportFact goalWithdrawn(Recording r, String planId, String goalId, LocalDate occurredOn) {
        return new GoalReportFact(r.eventId(), r.globalIndex(), FactType.GOAL_WITHDRAWN, occurredOn, r.recordedAt(),
                r.recordedBy(), planId, goalId, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static GoalReportFact outcomeReported(Recording r, String planId, String goalId, int year, BigDecimal value,
                                          String source, LocalDate occurredOn) {
        return new GoalReportFact(r.eventId(), r.globalIndex(), FactType.OUTCOME_REPORTED, occurredOn,
                r.recordedAt(), r.recordedBy(), planId, goalId, year, null, null, null, null, null, value, source,
                null, null, null, null);
    }

    static GoalReportFact activityCompleted(Recording r, String planId, String activityId, LocalDate occurredOn) {
        return new GoalReportFact(r.eventId(), r.globalIndex(), FactType.ACTIVITY_COMPLETED, occurredOn,
                r.recordedAt(), r.recordedBy(), planId, null, null, null, null, null, activityId, null, null, null,
                null, null, null, null);
    }

    /** A fact about an enterprise; {@code countsAsAsf} only for details, {@code level} only for memberships. */
    static GoalReportFact enterpriseFact(Recording r, FactType type, String enterpriseId, Boolean countsAsAsf,
                                         String level, LocalDate occurredOn) {
        return new GoalReportFact(r.eventId(), r.globalIndex(), type, occurredOn, r.recordedAt(), r.recordedBy(),
                null, null, null, null, null, null, null, null, null, null, enterpriseId, countsAsAsf, level,
                null);
    }

    /** A fact about the procurement {@code procurementId} (null in rows written before V240). */
    static GoalReportFact procurementFact(Recording r, FactType type, String procurementId, LocalDate occurredOn) {
        return new GoalReportFact(r.eventId(), r.globalIndex(), type, occurredOn, r.recordedAt(), r.recordedBy(),
                null, null, null, null, null, null, null, null, null, null, null, null, null, procurementId);
    }

    boolean recordedBy(Instant asOf) {
        return asOf == null || !recordedAt.isAfter(asOf);
    }
}
