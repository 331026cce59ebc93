package se.asfplan.domain.round;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.plan.PlanId;

/**
 * What happened in a follow-up round. These records are the persisted contract of the event store: never rename,
 * move or reshape one without a revision and an upcaster. A round's facts are corrected by the round's own flow
 * (returned and submitted again), never retracted: the closed round's report stays as presented.
 */
public final class RoundEvents {

    private RoundEvents() {
    }

    public record FollowUpRoundOpenedEvent(RoundId roundId, PlanId planId, String name, RoundKind kind,
                                           LocalDate cutOffDate, LocalDate deadline, List<RoundItem> items,
                                           LocalDate occurredOn) implements RoundEvent {
    }

    public record AssessmentSubmittedEvent(RoundId roundId, RoundSubject subject, String reporter,
                                           AssessmentStatus status, String comment, BigDecimal figure,
                                           String figureSource, LocalDate occurredOn) implements RoundEvent {
    }

    public record AssessmentReturnedEvent(RoundId roundId, RoundSubject subject, String comment,
                                          LocalDate occurredOn) implements RoundEvent {
    }

    public record AssessmentApprovedEvent(RoundId roundId, RoundSubject subject, String comment,
                                          LocalDate occurredOn) implements RoundEvent {
    }

    public record AssessmentMarkedUnansweredEvent(RoundId roundId, RoundSubject subject, String reason,
                                                  LocalDate occurredOn) implements RoundEvent {
    }

    /**
     * The round closed: {@code presentedReport} is the report exactly as the committee is presented it (JSON text),
     * {@code presentedReportSha256} its SHA-256 over the UTF-8 bytes, {@code reportPosition} the event-log position
     * it reflects.
     */
    public record FollowUpRoundClosedEvent(RoundId roundId, String presentedReport, String presentedReportSha256,
                                           long reportPosition, LocalDate occurredOn) implements RoundEvent {
    }

    /** Every event type of a round, for the checks that must cover each. */
    public static final List<Class<? extends RoundEvent>> ALL = List.of(FollowUpRoundOpenedEvent.class,
            AssessmentSubmittedEvent.class, AssessmentReturnedEvent.class, AssessmentApprovedEvent.class,
            AssessmentMarkedUnansweredEvent.class, FollowUpRoundClosedEvent.class);
}
