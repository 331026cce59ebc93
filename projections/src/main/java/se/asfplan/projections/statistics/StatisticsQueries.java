package se.asfplan.projections.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The questions the statistics read model answers, and the rows it answers them with. Every query takes
 * {@code asOf}: only facts recorded at or before that moment count ({@code null}: everything recorded so far),
 * which reproduces what a report showed then, and {@code generation}: the generation of the read model to
 * read (see {@code ProjectionGenerations}; {@code null}: the active one). Every list of event positions names the global indexes of the events
 * that make up the count beside it, so each number can be traced to its events.
 */
public final class StatisticsQueries {

    private StatisticsQueries() {
    }

    /**
     * The ASF register as it stood on {@code to} (a business date, required). {@code from} (optional) only narrows
     * which invitations to Integrationspakten count: without it every invitation up to {@code to}.
     */
    public record FindRegisterStatisticsQuery(Instant asOf, LocalDate from, LocalDate to, Integer generation) {

        public FindRegisterStatisticsQuery {
            if (to == null) {
                throw new IllegalArgumentException("to must be given: the business date the register is counted on");
            }
            if (from != null && from.isAfter(to)) {
                throw new IllegalArgumentException("from must not lie after to, but " + from + " is after " + to);
            }
        }

        /** The same question of the given generation: the one the asker resolved (see {@code ProjectionGenerations}). */
        public FindRegisterStatisticsQuery reading(int generation) {
            return new FindRegisterStatisticsQuery(asOf, from, to, generation);
        }
    }

    /**
     * Procurements per year and contracting authority, for business dates in {@code [from, to]} (both optional,
     * both inclusive), optionally for one authority only.
     */
    public record FindProcurementStatisticsQuery(Instant asOf, LocalDate from, LocalDate to, String authority,
                                                 Integer generation) {

        public FindProcurementStatisticsQuery {
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("from must not lie after to, but " + from + " is after " + to);
            }
        }

        /** The same question of the given generation: the one the asker resolved (see {@code ProjectionGenerations}). */
        public FindProcurementStatisticsQuery reading(int generation) {
            return new FindProcurementStatisticsQuery(asOf, from, to, authority, generation);
        }
    }

    /**
     * One row of the register statistics. A row without {@code level} counts, for its district, the known ASF,
     * those of them invited to Integrationspakten and those of them that are members (any level); a row with a
     * {@code level} counts the members at that level, its {@code knownAsf} and {@code invitedToIntegrationspakten}
     * being null. Rows with {@code total} true count every district; {@code district} is null there, and also on
     * district rows of enterprises registered without a district.
     */
    public record RegisterStatisticsRow(boolean total, String district, String level, Integer knownAsf,
                                        Integer invitedToIntegrationspakten, int members, List<Long> knownAsfEvents,
                                        List<Long> invitationEvents, List<Long> membershipEvents) {
    }

    /**
     * One row of the procurement statistics: a year and a contracting authority ({@code authority} null: the
     * year's total over every authority). {@code begun} counts the procurements begun (planned, or announced
     * without planning) in the year; {@code reserved}, {@code dividedIntoLots}, {@code notDivided},
     * {@code completed} and {@code cancelled} count those of them that are reserved (by legal ground in
     * {@code reservedByLegalGround}) or had that step by the range's end. {@code contractsAwarded},
     * {@code awardedToAsf} and the values count the awards made in the year, whenever their procurement began.
     */
    public record ProcurementStatisticsRow(int year, String authority, int begun, int reserved,
                                           Map<String, Integer> reservedByLegalGround, int dividedIntoLots,
                                           int notDivided, int completed, int cancelled, int contractsAwarded,
                                           int awardedToAsf, BigDecimal valueAwarded, BigDecimal valueAwardedToAsf,
                                           List<Long> begunEvents, List<Long> reservedEvents,
                                           List<Long> dividedEvents, List<Long> notDividedEvents,
                                           List<Long> completedEvents, List<Long> cancelledEvents,
                                           List<Long> awardEvents, List<Long> asfAwardEvents) {
    }
}
