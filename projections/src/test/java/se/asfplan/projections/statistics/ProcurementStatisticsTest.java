package se.asfplan.projections.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import se.asfplan.projections.statistics.StatisticsQueries.ProcurementStatisticsRow;

class ProcurementStatisticsTest {

    private static final String AMN = "Arbetsmarknadsnämnden";
    private static final String SN = "Socialnämnden";

    private final StatisticsFixtures given = new StatisticsFixtures();
    private final List<ProcurementFact> facts = new ArrayList<>();

    @Test
    void countsBegunReservedAndDividedProcurementsPerYearAndAuthority() {
        facts.add(given.begunReservedForEmployment("p1", AMN, "2022-03-01"));
        facts.add(given.dividedIntoLots("p1", "2022-04-01"));
        facts.add(given.begunOrdinary("p2", AMN, "2022-05-01"));
        facts.add(given.notDivided("p2", "2022-05-02"));
        facts.add(given.begunReservedWelfare("p3", AMN, "2023-02-01"));
        facts.add(given.begunOrdinary("p4", SN, "2022-06-01"));
        facts.add(given.dividedIntoLots("p4", "2022-06-02"));
        facts.add(given.begunDirectAward("p5", SN, "2022-07-01"));

        List<ProcurementStatisticsRow> rows = fold(null, null, null, null);

        assertEquals(5, rows.size(), "2022 AMN, SN, total; 2023 AMN, total: " + rows);
        ProcurementStatisticsRow amn2022 = row(rows, 2022, AMN);
        assertEquals(2, amn2022.begun());
        assertEquals(1, amn2022.reserved());
        assertEquals(Map.of("LOU 4 kap. 18 §", 1), amn2022.reservedByLegalGround());
        assertEquals(1, amn2022.dividedIntoLots());
        assertEquals(1, amn2022.notDivided());
        assertEquals(List.of(1L, 3L), amn2022.begunEvents());
        assertEquals(List.of(1L), amn2022.reservedEvents());
        assertEquals(List.of(2L), amn2022.dividedEvents());
        assertEquals(List.of(4L), amn2022.notDividedEvents());

        ProcurementStatisticsRow sn2022 = row(rows, 2022, SN);
        assertEquals(2, sn2022.begun());
        assertEquals(0, sn2022.reserved(), "a direct award is not a reserved procurement");
        assertEquals(1, sn2022.dividedIntoLots());

        ProcurementStatisticsRow total2022 = row(rows, 2022, null);
        assertEquals(4, total2022.begun());
        assertEquals(2, total2022.dividedIntoLots());
        assertEquals(List.of(2L, 7L), total2022.dividedEvents());

        ProcurementStatisticsRow amn2023 = row(rows, 2023, AMN);
        assertEquals(1, amn2023.reserved());
        assertEquals(Map.of("LOU 19 kap. 25 §", 1), amn2023.reservedByLegalGround());
    }

    @Test
    void countsAwardsInTheYearOfTheAwardWithTheValueAwardedToAsf() {
        facts.add(given.begunOrdinary("p1", AMN, "2022-11-01"));
        facts.add(given.awardedToAsf("p1", "100000.50", "2023-01-15"));
        facts.add(given.begunReservedForEmployment("p2", AMN, "2023-02-01"));
        facts.add(given.awardedToNonAsf("p2", "200000.00", "2023-03-01"));
        facts.add(given.begunOrdinary("p3", AMN, "2023-02-01"));
        facts.add(given.awardedToAsf("p3", "50000.00", "2023-04-01"));

        List<ProcurementStatisticsRow> rows = fold(null, null, null, null);

        ProcurementStatisticsRow in2022 = row(rows, 2022, AMN);
        assertEquals(1, in2022.begun());
        assertEquals(0, in2022.contractsAwarded());
        ProcurementStatisticsRow in2023 = row(rows, 2023, AMN);
        assertEquals(2, in2023.begun());
        assertEquals(3, in2023.contractsAwarded());
        assertEquals(2, in2023.awardedToAsf());
        assertEquals(new BigDecimal("150000.50"), in2023.valueAwardedToAsf());
        assertEquals(new BigDecimal("350000.50"), in2023.valueAwarded());
        assertEquals(List.of(2L, 4L, 6L), in2023.awardEvents());
        assertEquals(List.of(2L, 6L), in2023.asfAwardEvents());
    }

    @Test
    void countsCompletionAndCancellationInTheYearTheProcurementWasBegun() {
        facts.add(given.begunOrdinary("p1", AMN, "2022-03-01"));
        facts.add(given.awardedToAsf("p1", "1000.00", "2022-06-01"));
        facts.add(given.completed("p1", "2023-02-01"));
        facts.add(given.begunOrdinary("p2", AMN, "2022-03-01"));
        facts.add(given.cancelled("p2", "2022-04-01"));

        List<ProcurementStatisticsRow> rows = fold(null, null, null, null);

        assertEquals(1, rows.stream().filter(row -> row.year() == 2022 && row.authority() != null).count());
        ProcurementStatisticsRow begun2022 = row(rows, 2022, AMN);
        assertEquals(1, begun2022.completed());
        assertEquals(List.of(3L), begun2022.completedEvents());
        assertEquals(1, begun2022.cancelled());
        assertEquals(List.of(5L), begun2022.cancelledEvents());
        assertEquals(2, rows.size(), "no row for 2023, where nothing was begun or awarded: " + rows);
    }

    @Test
    void includesTheFirstAndLastDayOfTheBusinessDateRange() {
        facts.add(given.begunOrdinary("before", AMN, "2021-12-31"));
        facts.add(given.begunOrdinary("first", AMN, "2022-01-01"));
        facts.add(given.begunOrdinary("last", AMN, "2022-12-31"));
        facts.add(given.begunOrdinary("after", AMN, "2023-01-01"));
        facts.add(given.dividedIntoLots("first", "2022-12-31"));
        facts.add(given.dividedIntoLots("last", "2023-01-01"));
        facts.add(given.awardedToAsf("before", "10.00", "2022-01-01"));
        facts.add(given.awardedToAsf("after", "10.00", "2023-01-02"));

        List<ProcurementStatisticsRow> rows = fold(null, "2022-01-01", "2022-12-31", null);

        assertEquals(2, rows.size(), "2022 AMN and its total: " + rows);
        ProcurementStatisticsRow in2022 = row(rows, 2022, AMN);
        assertEquals(List.of(2L, 3L), in2022.begunEvents());
        assertEquals(List.of(5L), in2022.dividedEvents(), "a division after the range end is not yet counted");
        assertEquals(List.of(7L), in2022.awardEvents(), "an award in range counts though its procurement began before");
    }

    @Test
    void ignoresFactsRecordedAfterTheAsOfMoment() {
        facts.add(given.begunReservedForEmployment("p1", AMN, "2022-03-01"));
        facts.add(given.dividedIntoLots("p1", "2022-03-02"));
        facts.add(given.awardedToAsf("p1", "500.00", "2022-06-01"));
        facts.add(given.begunOrdinary("p2", AMN, "2022-01-15"));
        Instant divisionRecorded = given.recordedAtOf(2);

        ProcurementStatisticsRow asOf = row(fold(divisionRecorded, null, null, null), 2022, AMN);
        assertEquals(1, asOf.begun());
        assertEquals(1, asOf.dividedIntoLots(), "the fact recorded exactly at asOf counts");
        assertEquals(0, asOf.contractsAwarded());
        assertEquals(0, row(fold(divisionRecorded.minusNanos(1000), null, null, null), 2022, AMN)
                .dividedIntoLots());

        ProcurementStatisticsRow now = row(fold(null, null, null, null), 2022, AMN);
        assertEquals(2, now.begun());
        assertEquals(1, now.awardedToAsf());
    }

    @Test
    void answersForOneAuthorityOnly() {
        facts.add(given.begunOrdinary("p1", AMN, "2022-03-01"));
        facts.add(given.begunOrdinary("p2", SN, "2022-03-01"));
        facts.add(given.awardedToAsf("p2", "10.00", "2022-05-01"));

        List<ProcurementStatisticsRow> rows = fold(null, null, null, SN);

        assertEquals(2, rows.size(), "Socialnämnden and the total: " + rows);
        assertEquals(1, row(rows, 2022, SN).awardedToAsf());
        assertEquals(List.of(2L), row(rows, 2022, null).begunEvents());
    }

    private List<ProcurementStatisticsRow> fold(Instant asOf, String from, String to, String authority) {
        return ProcurementStatistics.fold(facts, asOf, from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), authority);
    }

    private static ProcurementStatisticsRow row(List<ProcurementStatisticsRow> rows, int year, String authority) {
        return rows.stream().filter(row -> row.year() == year && Objects.equals(row.authority(), authority))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + year + "/" + authority + " in " + rows));
    }
}
