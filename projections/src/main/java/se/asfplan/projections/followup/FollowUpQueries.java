package se.asfplan.projections.followup;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Timeline;

/** The question the activity follow-up answers, and the report it answers it with. */
public final class FollowUpQueries {

    private FollowUpQueries() {
    }

    /**
     * How a plan's activities stand; empty when the plan was not recorded (by {@code asOf}, when given).
     *
     * @param asOf  only facts recorded at or before this moment count: the answer is what would have been shown
     *              then ({@code null}: everything recorded so far)
     * @param from  progress notes dated before this business date do not count as the period's latest note
     *              ({@code null}: no lower bound)
     * @param to    facts dated after this business date did not happen yet at the end of the range, and this date
     *              decides which activities run late ({@code null}: no upper bound)
     * @param today today's date in Sweden, which decides lateness when neither {@code to} nor {@code asOf} is given
     * @param generation the generation of the read model to read: the active one or the one a rebuild fills (see
     *              {@code ProjectionGenerations}; {@code null}: the active one)
     */
    public record FindActivityFollowUpQuery(PlanId planId, Instant asOf, LocalDate from, LocalDate to,
                                            LocalDate today, Integer generation) {

        public FindActivityFollowUpQuery {
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("the range start " + from + " lies after its end " + to);
            }
        }

        /** The question asked of the active generation. */
        public FindActivityFollowUpQuery(PlanId planId, Instant asOf, LocalDate from, LocalDate to, LocalDate today) {
            this(planId, asOf, from, to, today, null);
        }
    }

    /**
     * The follow-up of one plan.
     *
     * @param lateAsOf the reference date: an activity whose timeline ends in a year before this date's year and
     *                 that is neither completed nor cancelled then, runs late
     * @param areas    the plan's areas in plan order
     * @param activities the plan's activities in plan order
     */
    public record ActivityFollowUpReport(PlanHeading plan, LocalDate lateAsOf, List<AreaHeading> areas,
                                         List<ActivityFollowUpView> activities) {

        /** The activities per area, in plan order; areas without activities are listed too. */
        public List<FollowUpGroup> byArea() {
            Map<AreaId, List<ActivityFollowUpView>> perArea = new LinkedHashMap<>();
            areas.forEach(area -> perArea.put(area.areaId(), new ArrayList<>()));
            activities.forEach(activity -> perArea.computeIfAbsent(activity.areaId(), id -> new ArrayList<>())
                    .add(activity));
            return areas.stream().map(area -> FollowUpGroup.of(area.areaId().value(), area.name(),
                    perArea.get(area.areaId()))).toList();
        }

        /**
         * The activities per lead responsible party (as the report's moment saw it), in Swedish alphabetical order. An
         * activity led jointly is under each of its leads, and one led by all committees under "samtliga nämnder", so
         * the groups may together hold an activity more than once.
         */
        public List<FollowUpGroup> byLead() {
            Map<String, List<ActivityFollowUpView>> perLead =
                    new TreeMap<>(Collator.getInstance(Locale.forLanguageTag("sv-SE")));
            activities.forEach(activity -> {
                List<String> leads = new ArrayList<>(activity.responsibility().leads());
                if (activity.responsibility().allCommittees()) {
                    leads.add(Responsibility.ALL_COMMITTEES);
                }
                leads.forEach(lead -> perLead.computeIfAbsent(lead, name -> new ArrayList<>()).add(activity));
            });
            return perLead.entrySet().stream()
                    .map(entry -> FollowUpGroup.of(entry.getKey(), entry.getKey(), entry.getValue())).toList();
        }
    }

    public record PlanHeading(PlanId planId, String title, String municipality, PlanPeriod period) {
    }

    public record AreaHeading(AreaId areaId, String name) {
    }

    /**
     * One activity as it stood.
     *
     * @param latestNote    the latest progress note by business date (then by recording time) within the range
     * @param late          its timeline has ended before the reference year and it is neither completed nor
     *                      cancelled
     * @param lastRecordedAt when the last fact about the activity that counts was recorded
     */
    public record ActivityFollowUpView(ActivityId activityId, AreaId areaId, String areaName, ActivityKind kind,
                                       String title, Responsibility responsibility, Timeline timeline,
                                       ActivityStatus status, boolean late, String latestNote,
                                       LocalDate latestNoteOn, LocalDate startedOn, LocalDate closedOn,
                                       String closingNote, Instant lastRecordedAt, String lastRecordedBy) {
    }

    /** Activities under one heading (an area or a lead party) with how many stand where. */
    public record FollowUpGroup(String key, String name, StatusCounts counts, List<ActivityFollowUpView> activities) {

        static FollowUpGroup of(String key, String name, List<ActivityFollowUpView> activities) {
            return new FollowUpGroup(key, name, StatusCounts.of(activities), List.copyOf(activities));
        }
    }

    /** How many activities stand where; {@code late} counts open activities that also run late. */
    public record StatusCounts(int notStarted, int started, int completed, int cancelled, int late) {

        static StatusCounts of(List<ActivityFollowUpView> activities) {
            return new StatusCounts(count(activities, ActivityStatus.NOT_STARTED),
                    count(activities, ActivityStatus.STARTED), count(activities, ActivityStatus.COMPLETED),
                    count(activities, ActivityStatus.CANCELLED),
                    (int) activities.stream().filter(ActivityFollowUpView::late).count());
        }

        private static int count(List<ActivityFollowUpView> activities, ActivityStatus status) {
            return (int) activities.stream().filter(activity -> activity.status() == status).count();
        }
    }
}
