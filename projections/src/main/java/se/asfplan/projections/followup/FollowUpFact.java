package se.asfplan.projections.followup;

import java.time.Instant;
import java.time.LocalDate;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Timeline;

/**
 * One row of {@code activity_followup_fact}: what one plan event says about the plan's heading, an area or an
 * activity, with its business date and when and by whom it was recorded. Fields a fact does not carry are null.
 *
 * @param globalIndex the event's position in the event store, which orders the facts as they were recorded
 * @param text        a progress or completion note, or the reason given for a revision, reschedule, change or
 *                    cancellation
 */
record FollowUpFact(String eventId, long globalIndex, PlanId planId, ActivityId activityId, FactType type,
                    LocalDate occurredOn, Instant recordedAt, String recordedBy, AreaId areaId, String areaName,
                    ActivityKind kind, String title, Responsibility responsibility, Timeline timeline, String text,
                    String municipality, PlanPeriod period) {

    /** What a fact records. */
    enum FactType {
        PLAN_ADOPTED, PLAN_REVISED, AREA_ADDED, ADDED, STARTED, PROGRESS_REPORTED, RESCHEDULED,
        RESPONSIBILITY_CHANGED, COMPLETED, CANCELLED,
        /** A retraction, read as a {@link se.asfplan.projections.support.Retraction}; never folded itself. */
        RETRACTED
    }

    /** When and by whom an event was recorded, and where it lies in the event store. */
    record Recording(String eventId, long globalIndex, Instant recordedAt, String recordedBy) {
    }

    static FollowUpFact planFact(Recording recording, PlanId planId, FactType type, LocalDate occurredOn,
                                 String title, String municipality, PlanPeriod period, String reason) {
        return new FollowUpFact(recording.eventId(), recording.globalIndex(), planId, null, type, occurredOn,
                recording.recordedAt(), recording.recordedBy(), null, null, null, title, null, null, reason,
                municipality, period);
    }

    static FollowUpFact areaAdded(Recording recording, PlanId planId, AreaId areaId, String name,
                                  LocalDate occurredOn) {
        return new FollowUpFact(recording.eventId(), recording.globalIndex(), planId, null, FactType.AREA_ADDED,
                occurredOn, recording.recordedAt(), recording.recordedBy(), areaId, name, null, null, null, null, null,
                null, null);
    }

    static FollowUpFact activityAdded(Recording recording, PlanId planId, ActivityId activityId, AreaId areaId,
                                      ActivityKind kind, String title, Responsibility responsibility,
                                      Timeline timeline, LocalDate occurredOn) {
        return new FollowUpFact(recording.eventId(), recording.globalIndex(), planId, activityId, FactType.ADDED,
                occurredOn, recording.recordedAt(), recording.recordedBy(), areaId, null, kind, title,
                responsibility, timeline, null, null, null);
    }

    /** A fact about an activity that carries at most a note or reason (started, progress, completed, cancelled). */
    static FollowUpFact activityFact(Recording recording, PlanId planId, ActivityId activityId, FactType type,
                                     LocalDate occurredOn, String text) {
        return new FollowUpFact(recording.eventId(), recording.globalIndex(), planId, activityId, type, occurredOn,
                recording.recordedAt(), recording.recordedBy(), null, null, null, null, null, null, text, null, null);
    }

    static FollowUpFact rescheduled(Recording recording, PlanId planId, ActivityId activityId, Timeline timeline,
                                    String reason, LocalDate occurredOn) {
        return new FollowUpFact(recording.eventId(), recording.globalIndex(), planId, activityId,
                FactType.RESCHEDULED, occurredOn, recording.recordedAt(), recording.recordedBy(), null, null, null,
                null, null, timeline, reason, null, null);
    }

    static FollowUpFact responsibilityChanged(Recording recording, PlanId planId, ActivityId activityId,
                                              Responsibility responsibility, String reason, LocalDate occurredOn) {
        return new FollowUpFact(recording.eventId(), recording.globalIndex(), planId, activityId,
                FactType.RESPONSIBILITY_CHANGED, occurredOn, recording.recordedAt(), recording.recordedBy(), null,
                null, null, null, responsibility, null, reason, null, null);
    }
}
