package se.asfplan.projections.goalreport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.asfplan.projections.goalreport.GoalReportQueries.GoalReportRow;

/**
 * Yearly goal reports already folded from the active generation, each with the position its facts reflected.
 * <p>
 * Why it is safe: the facts of the active generation are only ever inserted (a retraction is a fact of its own; a
 * generation's rows are deleted only once it is no longer active), and every fact inserted after a report was folded
 * comes from an event after the position the group's processor had reached before the facts were read (a fact and its
 * processor's token commit in one transaction, and appends are serialised, so no event below that position can still
 * arrive). So while the generation holds no fact beyond that position, folding again would read exactly the same facts
 * and give exactly the same rows, and the kept rows are returned instead. The check is one index look-up; a committee
 * opening the same report, or a report page refreshed while commands that are no goal facts (progress notes, meetings)
 * are recorded, no longer re-reads and re-folds every fact in scope.
 * <p>
 * Bounded: the least recently read report is dropped beyond {@value #CAPACITY} entries.
 */
final class FoldedReports {

    static final int CAPACITY = 256;

    /** What a report is folded from besides the facts: the same question on the same generation gives the same rows. */
    record Question(int generation, String planId, int year, Instant asOf, LocalDate today) {
    }

    /** A folded report and the position of the generation's processor read before its facts were. */
    record Folded(long position, List<GoalReportRow> rows) {
    }

    private final Map<Question, Folded> folded = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, Folded> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Optional<Folded> get(Question question) {
        return Optional.ofNullable(folded.get(question));
    }

    synchronized void put(Question question, long position, List<GoalReportRow> rows) {
        folded.put(question, new Folded(position, List.copyOf(rows)));
    }

    synchronized int size() {
        return folded.size();
    }
}
