package se.asfplan.projections.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import se.asfplan.projections.participation.ParticipationFact.Fact;
import se.asfplan.projections.participation.ParticipationQueries.ParticipationRow;
import se.asfplan.projections.participation.ParticipationQueries.Source;

/**
 * Folds participation facts into the report: only facts recorded at or before {@code asOf} count. A meeting counts
 * in the year of the day it was held, with the participants of its latest correction recorded by then (a
 * correction's own date is when it was corrected, not when the meeting was held); a participation counts in the
 * year of its business date. A meeting held or a participation whose retraction was recorded by {@code asOf} counts
 * nowhere. Rows are ordered by year, source and kind.
 */
final class ParticipationFold {

    private ParticipationFold() {
    }

    /** What one year and kind gathers before it becomes a row. */
    private static final class Tally {
        final Set<String> occasions = new HashSet<>();
        final Set<String> participants = new HashSet<>();
        final Set<Long> events = new TreeSet<>();
        int participations;
    }

    private record Key(int year, Source source, String kind) {
    }

    static List<ParticipationRow> fold(List<ParticipationFact> allFacts, Instant asOf, LocalDate from, LocalDate to) {
        List<ParticipationFact> facts = allFacts.stream().filter(fact -> fact.recordedBy(asOf))
                .sorted(Comparator.comparingLong(ParticipationFact::globalIndex)).toList();
        Set<String> retracted = new HashSet<>();
        facts.stream().filter(fact -> fact.fact() == Fact.RETRACTION).forEach(fact -> retracted.add(fact.occasion()));
        facts = facts.stream().filter(fact -> !retracted.contains(fact.eventId())).toList();
        Map<String, ParticipationFact> held = new LinkedHashMap<>();
        Map<String, ParticipationFact> latestList = new LinkedHashMap<>();
        for (ParticipationFact fact : facts) {
            if (fact.fact() == Fact.MEETING_HELD) {
                held.put(fact.occasion(), fact);
                latestList.put(fact.occasion(), fact);
            } else if (fact.fact() == Fact.PARTICIPANTS_CORRECTED) {
                latestList.put(fact.occasion(), fact);
            }
        }
        Map<Key, Tally> tallies = new TreeMap<>(Comparator.comparingInt(Key::year)
                .thenComparing(Key::source).thenComparing(Key::kind));
        for (ParticipationFact meeting : held.values()) {
            if (!within(meeting.occurredOn(), from, to)) {
                continue;
            }
            ParticipationFact list = latestList.get(meeting.occasion());
            Tally tally = tallies.computeIfAbsent(new Key(meeting.occurredOn().getYear(), Source.MEETING,
                    meeting.kind()), key -> new Tally());
            tally.occasions.add(meeting.occasion());
            tally.participants.addAll(list.participants());
            tally.participations += list.participants().size();
            tally.events.add(meeting.globalIndex());
            tally.events.add(list.globalIndex());
        }
        for (ParticipationFact participation : facts) {
            if (participation.fact() != Fact.EVENT_PARTICIPATION || !within(participation.occurredOn(), from, to)) {
                continue;
            }
            Tally tally = tallies.computeIfAbsent(new Key(participation.occurredOn().getYear(),
                    Source.EVENT_PARTICIPATION, participation.kind()), key -> new Tally());
            tally.occasions.add(participation.occasion());
            tally.participants.addAll(participation.participants());
            tally.participations += participation.participants().size();
            tally.events.add(participation.globalIndex());
        }
        List<ParticipationRow> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> {
            boolean suppressed = SmallCounts.isSmall(tally.participants.size())
                    || SmallCounts.isSmall(tally.participations);
            rows.add(new ParticipationRow(key.year(), key.source(), key.kind(), tally.occasions.size(),
                    SmallCounts.cell(tally.participations), SmallCounts.cell(tally.participants.size()), suppressed,
                    suppressed ? List.of() : List.copyOf(tally.events)));
        });
        return rows;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
}
