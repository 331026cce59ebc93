package se.asfplan.projections.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import se.asfplan.projections.statistics.StatisticsQueries.ProcurementStatisticsRow;
import se.asfplan.projections.support.Retraction;

/**
 * Folds procurement facts into statistics per year and contracting authority, as recorded at a moment.
 *
 * <p>Only facts recorded at or before {@code asOf} are seen. A procurement counts as begun in the year of its first
 * event (planned, or announced without planning) when that date lies in {@code [from, to]}; it then counts as
 * reserved when begun with a reserved procedure, and as divided into lots, not divided, completed or cancelled
 * when that step's business date lies on or before {@code to}, all in the row of the year it was begun. An award
 * counts in the year of its own business date when that lies in {@code [from, to]}, under the authority of its
 * procurement, whenever the procurement was begun. Missing bounds do not limit; both bounds are inclusive.
 */
final class ProcurementStatistics {

    private ProcurementStatistics() {
    }

    /** The statistics without the facts retracted by {@code asOf}, as {@link RegisterStatistics} has it. */
    static List<ProcurementStatisticsRow> fold(List<ProcurementFact> facts, List<Retraction> retractions,
                                               Instant asOf, LocalDate from, LocalDate to, String authority) {
        Set<String> retracted = Retraction.retractedAsOf(retractions, asOf);
        return fold(facts.stream().filter(fact -> fact.kind() != ProcurementFact.Kind.RETRACTED
                && !retracted.contains(fact.eventId())).toList(), asOf, from, to, authority);
    }

    static List<ProcurementStatisticsRow> fold(List<ProcurementFact> facts, Instant asOf, LocalDate from,
                                               LocalDate to, String authority) {
        Map<String, List<ProcurementFact>> byProcurement = facts.stream()
                .filter(fact -> fact.recordedBy(asOf))
                .sorted(Comparator.comparingLong(ProcurementFact::globalIndex))
                .collect(Collectors.groupingBy(ProcurementFact::procurementId, TreeMap::new, Collectors.toList()));
        Map<Integer, Map<String, Tally>> byYear = new TreeMap<>();
        for (List<ProcurementFact> history : byProcurement.values()) {
            ProcurementFact begun = history.stream().filter(fact -> fact.kind() == ProcurementFact.Kind.BEGUN)
                    .findFirst().orElse(null);
            if (begun == null || (authority != null && !authority.equals(begun.authority()))) {
                continue;
            }
            if (begun.occurredWithin(from, to)) {
                tally(byYear, begun.occurredOn().getYear(), begun.authority()).begun(begun, history, to);
            }
            history.stream()
                    .filter(fact -> fact.kind() == ProcurementFact.Kind.CONTRACT_AWARDED
                            && fact.occurredWithin(from, to))
                    .forEach(award -> tally(byYear, award.occurredOn().getYear(), begun.authority()).awarded(award));
        }
        List<ProcurementStatisticsRow> rows = new ArrayList<>();
        byYear.forEach((year, byAuthority) -> {
            Tally total = new Tally();
            byAuthority.forEach((name, tally) -> {
                rows.add(tally.row(year, name));
                total.add(tally);
            });
            rows.add(total.row(year, null));
        });
        return rows;
    }

    private static Tally tally(Map<Integer, Map<String, Tally>> byYear, int year, String authority) {
        return byYear.computeIfAbsent(year, y -> new TreeMap<>()).computeIfAbsent(authority, a -> new Tally());
    }

    /** The counts of one row, kept as the events that make them up. */
    private static final class Tally {
        private final List<Long> begun = new ArrayList<>();
        private final List<Long> reserved = new ArrayList<>();
        private final Map<String, Integer> reservedByLegalGround = new TreeMap<>();
        private final List<Long> divided = new ArrayList<>();
        private final List<Long> notDivided = new ArrayList<>();
        private final List<Long> completed = new ArrayList<>();
        private final List<Long> cancelled = new ArrayList<>();
        private final List<Long> awards = new ArrayList<>();
        private final List<Long> asfAwards = new ArrayList<>();
        private BigDecimal valueAwarded = BigDecimal.ZERO.setScale(2);
        private BigDecimal valueAwardedToAsf = BigDecimal.ZERO.setScale(2);

        void begun(ProcurementFact begin, List<ProcurementFact> history, LocalDate to) {
            begun.add(begin.globalIndex());
            if (begin.reserved()) {
                reserved.add(begin.globalIndex());
                String ground = begin.legalGroundCitation() != null ? begin.legalGroundCitation()
                        : begin.procedure().name();
                reservedByLegalGround.merge(ground, 1, Integer::sum);
            }
            for (ProcurementFact fact : history) {
                if (to != null && fact.occurredOn().isAfter(to)) {
                    continue;
                }
                switch (fact.kind()) {
                    case DIVIDED_INTO_LOTS -> divided.add(fact.globalIndex());
                    case NOT_DIVIDED -> notDivided.add(fact.globalIndex());
                    case COMPLETED -> completed.add(fact.globalIndex());
                    case CANCELLED -> cancelled.add(fact.globalIndex());
                    case BEGUN, CONTRACT_AWARDED -> { }
                }
            }
        }

        void awarded(ProcurementFact award) {
            awards.add(award.globalIndex());
            valueAwarded = valueAwarded.add(award.value());
            if (Boolean.TRUE.equals(award.supplierIsAsf())) {
                asfAwards.add(award.globalIndex());
                valueAwardedToAsf = valueAwardedToAsf.add(award.value());
            }
        }

        void add(Tally other) {
            begun.addAll(other.begun);
            reserved.addAll(other.reserved);
            other.reservedByLegalGround.forEach((ground, count) -> reservedByLegalGround.merge(ground, count,
                    Integer::sum));
            divided.addAll(other.divided);
            notDivided.addAll(other.notDivided);
            completed.addAll(other.completed);
            cancelled.addAll(other.cancelled);
            awards.addAll(other.awards);
            asfAwards.addAll(other.asfAwards);
            valueAwarded = valueAwarded.add(other.valueAwarded);
            valueAwardedToAsf = valueAwardedToAsf.add(other.valueAwardedToAsf);
        }

        ProcurementStatisticsRow row(int year, String authority) {
            return new ProcurementStatisticsRow(year, authority, begun.size(), reserved.size(),
                    Collections.unmodifiableMap(new TreeMap<>(reservedByLegalGround)), divided.size(), notDivided.size(),
                    completed.size(), cancelled.size(), awards.size(), asfAwards.size(), valueAwarded,
                    valueAwardedToAsf, sorted(begun), sorted(reserved), sorted(divided), sorted(notDivided),
                    sorted(completed), sorted(cancelled), sorted(awards), sorted(asfAwards));
        }

        private static List<Long> sorted(List<Long> events) {
            return events.stream().sorted().toList();
        }
    }
}
