package se.asfplan.infra.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of record whose history can be read: each names the aggregate type its events are stored under, and
 * for the parts of a plan (area, activity, goal) the payload field that names the part within the plan's stream.
 */
public enum RecordKind {

    PLAN("Plan", null),
    AREA("Plan", "areaId"),
    ACTIVITY("Plan", "activityId"),
    GOAL("Plan", "goalId"),
    ENTERPRISE("SocialEnterprise", null),
    MEETING("Meeting", null),
    PROCUREMENT("Procurement", null),
    PARTY("Party", null),
    /** A follow-up round: opened, each assessment submitted, returned, approved or marked unanswered, closed. */
    ROUND("FollowUpRound", null);

    private final String aggregateType;
    private final String partField;

    RecordKind(String aggregateType, String partField) {
        this.aggregateType = aggregateType;
        this.partField = partField;
    }

    /** The aggregate type stored in {@code domain_event_entry.type}. */
    public String aggregateType() {
        return aggregateType;
    }

    /** The payload field naming the part of a plan; null for a record that is an aggregate of its own. */
    public String partField() {
        return partField;
    }

    /** Whether the record lives inside a plan's stream (area, activity, goal). */
    public boolean partOfPlan() {
        return partField != null;
    }

    /** The kind as the API writes it in paths: lower case ("activity"). */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecordKind> fromPath(String name) {
        return Arrays.stream(values()).filter(kind -> kind.pathName().equals(name)).findFirst();
    }

    /** The kind of record that is its own aggregate of the given stored type. */
    public static Optional<RecordKind> ofAggregateType(String aggregateType) {
        return Arrays.stream(values()).filter(kind -> !kind.partOfPlan() && kind.aggregateType.equals(aggregateType))
                .findFirst();
    }
}
