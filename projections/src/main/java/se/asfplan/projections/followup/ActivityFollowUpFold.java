package se.asfplan.projections.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.projections.followup.FollowUpFact.FactType;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpReport;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpView;
import se.asfplan.projections.followup.FollowUpQueries.AreaHeading;
import se.asfplan.projections.followup.FollowUpQueries.FindActivityFollowUpQuery;
import se.asfplan.projections.followup.FollowUpQueries.PlanHeading;
import se.asfplan.projections.support.Retraction;

/**
 * Folds one plan's facts into its follow-up, as a question's moment and range see them:
 * <ul>
 *   <li>a fact recorded after {@code asOf} is ignored completely, so the answer is what was shown then;</li>
 *   <li>a fact dated after {@code to} had not happened at the range's end (the plan's adoption excepted, which
 *       only titles the report);</li>
 *   <li>facts apply in recording order (event position): a later reschedule or change of responsibility
 *       supersedes the earlier values;</li>
 *   <li>the latest progress note is the one with the latest business date, then the latest recording, among
 *       those dated within the range, so a note recorded late with an older date does not hide a newer one.</li>
 * </ul>
 */
final class ActivityFollowUpFold {

    private static final Comparator<FollowUpFact> NOTE_ORDER = Comparator.comparing(FollowUpFact::occurredOn)
            .thenComparing(FollowUpFact::recordedAt).thenComparingLong(FollowUpFact::globalIndex);

    private ActivityFollowUpFold() {
    }

    /**
     * The follow-up without the facts retracted by the moment asked for: a start, completion or cancellation whose
     * retraction was recorded at or before {@code asOf} never happened for the fold (the activity's status is the one
     * before it), a retracted progress note is not the latest note; a retraction recorded later does not count yet.
     */
    static Optional<ActivityFollowUpReport> fold(List<FollowUpFact> facts, List<Retraction> retractions,
                                                 FindActivityFollowUpQuery query) {
        Set<String> retracted = Retraction.retractedAsOf(retractions, query.asOf());
        return fold(facts.stream().filter(fact -> fact.type() != FactType.RETRACTED
                && !retracted.contains(fact.eventId())).toList(), query);
    }

    static Optional<ActivityFollowUpReport> fold(List<FollowUpFact> facts, FindActivityFollowUpQuery query) {
        PlanHeading plan = null;
        Map<AreaId, AreaHeading> areas = new LinkedHashMap<>();
        Map<ActivityId, ActivityState> activities = new LinkedHashMap<>();
        List<FollowUpFact> ordered = facts.stream().filter(fact -> recordedBy(fact, query.asOf()))
                .sorted(Comparator.comparingLong(FollowUpFact::globalIndex)).toList();
        for (FollowUpFact fact : ordered) {
            if (fact.type() == FactType.PLAN_ADOPTED) {
                plan = new PlanHeading(fact.planId(), fact.title(), fact.municipality(), fact.period());
                continue;
            }
            if (!happenedBy(fact, query.to())) {
                continue;
            }
            switch (fact.type()) {
                case PLAN_REVISED -> plan = plan == null ? null
                        : new PlanHeading(plan.planId(), fact.title(), plan.municipality(), fact.period());
                case AREA_ADDED -> areas.put(fact.areaId(), new AreaHeading(fact.areaId(), fact.areaName()));
                case ADDED -> activities.put(fact.activityId(), new ActivityState(fact));
                default -> {
                    ActivityState activity = activities.get(fact.activityId());
                    if (activity != null) {
                        activity.apply(fact, query.from());
                    }
                }
            }
        }
        if (plan == null) {
            return Optional.empty();
        }
        LocalDate lateAsOf = referenceDate(query);
        List<ActivityFollowUpView> views = activities.values().stream()
                .map(activity -> activity.view(areas.get(activity.areaId), lateAsOf)).toList();
        return Optional.of(new ActivityFollowUpReport(plan, lateAsOf, List.copyOf(areas.values()), views));
    }

    /** The range's end; else the date in Sweden of the moment asked about; else today. */
    static LocalDate referenceDate(FindActivityFollowUpQuery query) {
        if (query.to() != null) {
            return query.to();
        }
        if (query.asOf() != null) {
            return LocalDate.ofInstant(query.asOf(), BusinessCalendar.ZONE);
        }
        return query.today();
    }

    private static boolean recordedBy(FollowUpFact fact, Instant asOf) {
        return asOf == null || !fact.recordedAt().isAfter(asOf);
    }

    private static boolean happenedBy(FollowUpFact fact, LocalDate to) {
        return to == null || !fact.occurredOn().isAfter(to);
    }

    /** An activity as the facts so far make it. */
    private static final class ActivityState {

        private final ActivityId activityId;
        private final AreaId areaId;
        private final ActivityKind kind;
        private final String title;
        private Responsibility responsibility;
        private Timeline timeline;
        private ActivityStatus status = ActivityStatus.NOT_STARTED;
        private LocalDate startedOn;
        private LocalDate closedOn;
        private String closingNote;
        private FollowUpFact latestNote;
        private FollowUpFact lastFact;

        ActivityState(FollowUpFact added) {
            this.activityId = added.activityId();
            this.areaId = added.areaId();
            this.kind = added.kind();
            this.title = added.title();
            this.responsibility = added.responsibility();
            this.timeline = added.timeline();
            this.lastFact = added;
        }

        void apply(FollowUpFact fact, LocalDate from) {
            lastFact = fact;
            switch (fact.type()) {
                case STARTED -> {
                    status = ActivityStatus.STARTED;
                    startedOn = fact.occurredOn();
                }
                case PROGRESS_REPORTED -> {
                    boolean inRange = from == null || !fact.occurredOn().isBefore(from);
                    if (inRange && (latestNote == null || NOTE_ORDER.compare(fact, latestNote) > 0)) {
                        latestNote = fact;
                    }
                }
                case RESCHEDULED -> timeline = fact.timeline();
                case RESPONSIBILITY_CHANGED -> responsibility = fact.responsibility();
                case COMPLETED, CANCELLED -> {
                    status = fact.type() == FactType.COMPLETED ? ActivityStatus.COMPLETED : ActivityStatus.CANCELLED;
                    closedOn = fact.occurredOn();
                    closingNote = fact.text();
                }
                default -> throw new IllegalArgumentException("not a fact about an activity: " + fact.type());
            }
        }

        ActivityFollowUpView view(AreaHeading area, LocalDate lateAsOf) {
            boolean late = !status.isClosed() && timeline.toYear() != null && timeline.toYear() < lateAsOf.getYear();
            return new ActivityFollowUpView(activityId, areaId, area == null ? null : area.name(), kind, title,
                    responsibility, timeline, status, late, latestNote == null ? null : latestNote.text(),
                    latestNote == null ? null : latestNote.occurredOn(), startedOn, closedOn, closingNote,
                    lastFact.recordedAt(), lastFact.recordedBy());
        }
    }
}
