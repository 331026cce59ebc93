package se.asfplan.projections.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import se.asfplan.projections.statistics.StatisticsQueries.RegisterStatisticsRow;

class RegisterStatisticsTest {

    private final StatisticsFixtures given = new StatisticsFixtures();
    private final List<EnterpriseFact> facts = new ArrayList<>();

    @Test
    void countsKnownAsfPerDistrictWithATotalRow() {
        facts.add(given.registeredAsf("a", "Rinkeby-Kista", "2021-03-01"));
        facts.add(given.registeredAsf("b", "Rinkeby-Kista", "2021-04-01"));
        facts.add(given.registeredNotAsf("c", "Spånga-Tensta", "2021-04-01"));
        facts.add(given.registeredAsf("d", null, "2021-05-01"));

        List<RegisterStatisticsRow> rows = fold(null, null, "2021-12-31");

        assertEquals(3, rows.size(), "Rinkeby-Kista, no district, total: " + rows);
        assertEquals("Rinkeby-Kista", rows.get(0).district());
        assertEquals(2, rows.get(0).knownAsf());
        assertEquals(List.of(1L, 2L), rows.get(0).knownAsfEvents());
        assertNull(rows.get(1).district());
        assertEquals(1, rows.get(1).knownAsf());
        assertTrue(rows.get(2).total());
        assertEquals(3, rows.get(2).knownAsf());
        assertEquals(List.of(1L, 2L, 4L), rows.get(2).knownAsfEvents());
    }

    @Test
    void followsTheDefinitionCriteriaBackAndForth() {
        facts.add(given.registeredAsf("a", "Skärholmen", "2021-01-01"));
        facts.add(given.detailsChanged("a", false, "Skärholmen", "2022-01-01"));
        facts.add(given.detailsChanged("a", true, "Skärholmen", "2023-01-01"));

        assertEquals(1, total(fold(null, null, "2021-12-31")).knownAsf());
        assertEquals(0, total(fold(null, null, "2022-01-01")).knownAsf());
        assertEquals(0, total(fold(null, null, "2022-12-31")).knownAsf());
        RegisterStatisticsRow again = total(fold(null, null, "2023-01-01"));
        assertEquals(1, again.knownAsf());
        assertEquals(List.of(3L), again.knownAsfEvents(), "the details fact that decided it");
    }

    @Test
    void takesDetailsInBusinessOrderSoABackDatedChangeRecordedLateDoesNotOverrideALaterOne() {
        facts.add(given.registeredAsf("a", "Skärholmen", "2021-01-01"));
        facts.add(given.detailsChanged("a", false, "Skärholmen", "2022-01-01"));
        facts.add(given.detailsChanged("a", true, "Kungsholmen", "2021-06-01"));

        assertEquals(0, total(fold(null, null, "2022-06-01")).knownAsf());
        RegisterStatisticsRow between = fold(null, null, "2021-12-31").get(0);
        assertEquals("Kungsholmen", between.district());
        assertEquals(List.of(3L), between.knownAsfEvents());
    }

    @Test
    void movesAnEnterpriseToTheDistrictOfItsLatestDetails() {
        facts.add(given.registeredAsf("a", "Rinkeby-Kista", "2021-01-01"));
        facts.add(given.detailsChanged("a", true, "Spånga-Tensta", "2022-03-01"));

        assertEquals("Rinkeby-Kista", fold(null, null, "2022-02-28").get(0).district());
        List<RegisterStatisticsRow> after = fold(null, null, "2022-03-01");
        assertEquals(2, after.size(), "one district and the total: " + after);
        assertEquals("Spånga-Tensta", after.get(0).district());
        assertEquals(1, after.get(0).knownAsf());
    }

    @Test
    void stopsCountingAnEnterpriseOnItsClosingDate() {
        facts.add(given.registeredAsf("a", "Farsta", "2021-01-01"));
        facts.add(given.closed("a", "2023-06-30"));

        assertEquals(1, total(fold(null, null, "2023-06-29")).knownAsf());
        assertEquals(0, total(fold(null, null, "2023-06-30")).knownAsf());
    }

    @Test
    void countsMembersPerLevelAfterLevelChangesAndLeaving() {
        facts.add(given.registeredAsf("a", "Farsta", "2021-01-01"));
        facts.add(given.registeredAsf("b", "Farsta", "2021-01-01"));
        facts.add(given.registeredAsf("c", "Farsta", "2021-01-01"));
        facts.add(given.joined("a", "member", "2021-02-01"));
        facts.add(given.levelChanged("a", "plusmedlem", "2022-02-01"));
        facts.add(given.joined("b", "plusmedlem", "2021-02-01"));
        facts.add(given.left("b", "2022-05-01"));
        facts.add(given.joined("c", "member", "2021-03-01"));

        List<RegisterStatisticsRow> rows = fold(null, null, "2022-12-31");
        assertEquals(2, row(rows, "Farsta", null).members());
        assertEquals(List.of(5L, 8L), row(rows, "Farsta", null).membershipEvents());
        assertEquals(1, row(rows, "Farsta", "member").members());
        assertEquals(List.of(8L), row(rows, "Farsta", "member").membershipEvents());
        assertNull(row(rows, "Farsta", "member").knownAsf());
        assertEquals(1, row(rows, "Farsta", "plusmedlem").members());
        assertEquals(List.of(5L), row(rows, "Farsta", "plusmedlem").membershipEvents());

        List<RegisterStatisticsRow> before = fold(null, null, "2022-01-31");
        assertEquals(2, row(before, "Farsta", "member").members());
        assertEquals(1, row(before, "Farsta", "plusmedlem").members());
        assertEquals(3, total(before).members());
        RegisterStatisticsRow totalAtMember = rows.stream().filter(row -> row.total() && "member".equals(row.level()))
                .findFirst().orElseThrow();
        assertEquals(1, totalAtMember.members());
    }

    @Test
    void countsOnlyKnownAsfAsMembers() {
        facts.add(given.registeredAsf("a", "Farsta", "2021-01-01"));
        facts.add(given.joined("a", "member", "2021-02-01"));
        facts.add(given.detailsChanged("a", false, "Farsta", "2021-03-01"));
        facts.add(given.registeredNotAsf("b", "Farsta", "2021-01-01"));
        facts.add(given.joined("b", "member", "2021-02-01"));

        assertEquals(1, total(fold(null, null, "2021-02-28")).members());
        List<RegisterStatisticsRow> none = fold(null, null, "2021-03-01");
        assertEquals(1, none.size(), "only the total row: " + none);
        assertEquals(0, total(none).knownAsf());
        assertEquals(0, total(none).members());
    }

    @Test
    void countsInvitationsUpToTheRangeEndOrWithinTheRangeWhenItHasAStart() {
        facts.add(given.registeredAsf("a", "Farsta", "2021-01-01"));
        facts.add(given.registeredAsf("b", "Farsta", "2021-01-01"));
        facts.add(given.registeredAsf("c", "Farsta", "2021-01-01"));
        facts.add(given.registeredNotAsf("d", "Farsta", "2021-01-01"));
        facts.add(given.invited("a", "2021-12-31"));
        facts.add(given.invited("b", "2022-01-01"));
        facts.add(given.invited("c", "2022-12-31"));
        facts.add(given.invited("c", "2023-01-01"));
        facts.add(given.invited("d", "2022-06-01"));

        RegisterStatisticsRow upTo = total(fold(null, null, "2022-12-31"));
        assertEquals(3, upTo.invitedToIntegrationspakten());
        assertEquals(List.of(5L, 6L, 7L), upTo.invitationEvents());

        RegisterStatisticsRow within = total(fold(null, "2022-01-01", "2022-12-31"));
        assertEquals(2, within.invitedToIntegrationspakten(), "first and last day of the range count");
        assertEquals(List.of(6L, 7L), within.invitationEvents());
        assertEquals(3, within.knownAsf(), "from does not narrow the known ASF");

        RegisterStatisticsRow twice = total(fold(null, "2022-01-01", "2023-01-01"));
        assertEquals(2, twice.invitedToIntegrationspakten(), "an enterprise invited twice counts once");
        assertEquals(List.of(6L, 8L), twice.invitationEvents(), "by its latest invitation");
    }

    @Test
    void ignoresFactsRecordedAfterTheAsOfMoment() {
        facts.add(given.registeredAsf("a", "Farsta", "2021-01-01"));
        facts.add(given.registeredAsf("b", "Farsta", "2021-01-01"));
        facts.add(given.detailsChanged("a", false, "Farsta", "2021-02-01"));
        facts.add(given.invited("b", "2021-01-15"));
        Instant secondRecorded = given.recordedAtOf(2);

        RegisterStatisticsRow asOf = total(fold(secondRecorded, null, "2021-12-31"));
        assertEquals(2, asOf.knownAsf(), "the change recorded later is not seen, the fact recorded at asOf is");
        assertEquals(0, asOf.invitedToIntegrationspakten());
        assertEquals(1, total(fold(secondRecorded.minusNanos(1000), null, "2021-12-31")).knownAsf());

        RegisterStatisticsRow now = total(fold(null, null, "2021-12-31"));
        assertEquals(1, now.knownAsf());
        assertEquals(1, now.invitedToIntegrationspakten());
    }

    private List<RegisterStatisticsRow> fold(Instant asOf, String from, String to) {
        return RegisterStatistics.fold(facts, asOf, from == null ? null : LocalDate.parse(from), LocalDate.parse(to));
    }

    private static RegisterStatisticsRow total(List<RegisterStatisticsRow> rows) {
        return rows.stream().filter(row -> row.total() && row.level() == null).findFirst().orElseThrow();
    }

    private static RegisterStatisticsRow row(List<RegisterStatisticsRow> rows, String district, String level) {
        RegisterStatisticsRow found = rowOrNull(rows, district, level);
        if (found == null) {
            throw new AssertionError("no row for " + district + "/" + level + " in " + rows);
        }
        return found;
    }

    private static RegisterStatisticsRow rowOrNull(List<RegisterStatisticsRow> rows, String district, String level) {
        return rows.stream().filter(row -> !row.total() && Objects.equals(row.district(), district)
                && Objects.equals(row.level(), level)).findFirst().orElse(null);
    }
}
