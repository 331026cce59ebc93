package se.asfplan.projections.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.projections.statistics.StatisticsQueries.ProcurementStatisticsRow;
import se.asfplan.projections.statistics.StatisticsQueries.RegisterStatisticsRow;
import se.asfplan.projections.support.Retraction;

/** The statistics leave out a retracted fact from the moment its retraction was recorded, and only from then. */
class StatisticsRetractionTest {

    private final StatisticsFixtures given = new StatisticsFixtures();

    private Retraction retraction(String retractedEventId, Instant recordedAt) {
        return new Retraction("retraction-of-" + retractedEventId, 1000, recordedAt, "coordinator",
                LocalDate.of(2024, 2, 1), null, retractedEventId);
    }

    private static RegisterStatisticsRow total(List<RegisterStatisticsRow> rows) {
        return rows.stream().filter(RegisterStatisticsRow::total).findFirst().orElseThrow();
    }

    @Test
    void aRetractedInvitationAndLeavingNoLongerCountButDidBefore() {
        List<EnterpriseFact> facts = new ArrayList<>();
        facts.add(given.registeredAsf("kafe", "Rinkeby-Kista", "2021-01-10"));
        EnterpriseFact invitation = given.invited("kafe", "2021-02-01");
        facts.add(invitation);
        facts.add(given.joined("kafe", "member", "2021-03-01"));
        EnterpriseFact left = given.left("kafe", "2021-06-01");
        facts.add(left);
        Instant retractedAt = Instant.parse("2024-02-01T12:00:00Z");
        List<Retraction> retractions = List.of(retraction(invitation.eventId(), retractedAt),
                retraction(left.eventId(), retractedAt));
        LocalDate endOf2021 = LocalDate.of(2021, 12, 31);

        RegisterStatisticsRow now = total(RegisterStatistics.fold(facts, retractions, null, null, endOf2021));
        assertEquals(0, now.invitedToIntegrationspakten());
        assertEquals(1, now.members(), "the retracted leaving leaves the membership before it");

        RegisterStatisticsRow before = total(RegisterStatistics.fold(facts, retractions, retractedAt.minusSeconds(1),
                null, endOf2021));
        assertEquals(1, before.invitedToIntegrationspakten());
        assertEquals(0, before.members());
    }

    @Test
    void aRetractedDivisionIntoLotsNoLongerCounts() {
        List<ProcurementFact> facts = new ArrayList<>();
        facts.add(given.begunOrdinary("p1", "AMN", "2022-01-10"));
        ProcurementFact divided = given.dividedIntoLots("p1", "2022-02-01");
        facts.add(divided);
        Instant retractedAt = Instant.parse("2024-02-01T12:00:00Z");
        List<Retraction> retractions = List.of(retraction(divided.eventId(), retractedAt));

        ProcurementStatisticsRow now = ProcurementStatistics.fold(facts, retractions, null, null, null, null).get(0);
        assertEquals(0, now.dividedIntoLots());
        ProcurementStatisticsRow before = ProcurementStatistics.fold(facts, retractions, retractedAt.minusSeconds(1),
                null, null, null).get(0);
        assertEquals(1, before.dividedIntoLots());
        assertEquals(List.of(divided.globalIndex()), before.dividedEvents());
    }
}
