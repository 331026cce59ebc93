package se.asfplan.projections.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The question the participation read model answers, and the rows it answers with. */
public final class ParticipationQueries {

    private ParticipationQueries() {
    }

    /**
     * Meetings and event participations with business dates in {@code [from, to]} (both optional, inclusive), as
     * recorded at {@code asOf} ({@code null}: everything recorded so far), read from {@code generation} ({@code
     * null}: the active one).
     */
    public record FindParticipationQuery(Instant asOf, LocalDate from, LocalDate to, Integer generation) {

        public FindParticipationQuery {
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("from must not lie after to, but " + from + " is after " + to);
            }
        }

        /** The same question of the given generation: the one the asker resolved (see {@code ProjectionGenerations}). */
        public FindParticipationQuery reading(int generation) {
            return new FindParticipationQuery(asOf, from, to, generation);
        }
    }

    /** Where a row's figures come from: meetings held ({@code MeetingKind}) or participations ({@code ParticipationKind}). */
    public enum Source { MEETING, EVENT_PARTICIPATION }

    /**
     * One year and kind. {@code occasions} counts meetings held, or distinct events by name; it counts no one.
     * {@code participations} (an enterprise at an occasion) and {@code participants} (distinct enterprises) are
     * cells counting participants: from 1 to 4 they read {@value SmallCounts#FEWER_THAN_FIVE} and the row lists no
     * events ({@code suppressed}), so that no small group can be singled out; otherwise the exact figure and the
     * events (global indexes) that make it up.
     */
    public record ParticipationRow(int year, Source source, String kind, int occasions, String participations,
                                   String participants, boolean suppressed, List<Long> events) {
    }
}
