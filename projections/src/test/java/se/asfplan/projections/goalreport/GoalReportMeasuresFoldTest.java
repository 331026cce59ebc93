package se.asfplan.projections.goalreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.Target;
import se.asfplan.projections.goalreport.GoalReportFact.FactType;
import se.asfplan.projections.goalreport.GoalReportFact.Recording;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalReportRow;
import se.asfplan.projections.support.Retraction;

/**
 * The measures of issue 10 folded from facts: reserved contracts awarded, reserved procurements announced, and the
 * ASF members of Integrationspakten at year end (all levels and per level), each with what counts and what does
 * not, as recorded at a moment.
 */
class GoalReportMeasuresFoldTest {

    private static final String PLAN = "stockholm-asf-2021";
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** Facts in the order recorded: each gets the next position, recorded one hour after the one before. */
    private final List<GoalReportFact> facts = new ArrayList<>();
    private final List<Retraction> retractions = new ArrayList<>();

    private Recording next() {
        long index = facts.size() + retractions.size() + 1;
        return new Recording("event-" + index, index, START.plusSeconds(3600 * index), "coordinator");
    }

    private GoalReportFact add(GoalReportFact fact) {
        facts.add(fact);
        return fact;
    }

    private void goal(String goalId, int year, GoalKind kind, Measure measure) {
        add(GoalReportFact.goalSet(next(), PLAN, goalId, year, kind, measure, "Indikator", null,
                Target.atLeast(1, "st"), LocalDate.of(year, 1, 10)));
    }

    private GoalReportFact procurement(FactType type, String procurementId, LocalDate on) {
        return add(GoalReportFact.procurementFact(next(), type, procurementId, on));
    }

    private GoalReportFact enterprise(FactType type, String enterpriseId, Boolean countsAsAsf, String level,
                                      LocalDate on) {
        return add(GoalReportFact.enterpriseFact(next(), type, enterpriseId, countsAsAsf, level, on));
    }

    private Retraction retract(GoalReportFact fact) {
        Recording r = next();
        Retraction retraction = new Retraction(r.eventId(), r.globalIndex(), r.recordedAt(), r.recordedBy(),
                TODAY, "Registrerad av misstag", fact.eventId());
        retractions.add(retraction);
        return retraction;
    }

    private GoalReportRow row(String goalId, int year, Instant asOf) {
        return GoalReportFold.fold(facts, retractions, PLAN, year, asOf, TODAY).stream()
                .filter(row -> row.goalId().equals(goalId)).findFirst().orElseThrow();
    }

    private GoalReportRow row(String goalId, int year) {
        return row(goalId, year, null);
    }

    private static List<String> ids(GoalReportFact... made) {
        return List.of(made).stream().map(GoalReportFact::eventId).toList();
    }

    /** The moment just before a fact was recorded: what a reader saw then. */
    private static Instant before(Instant recordedAt) {
        return recordedAt.minusSeconds(1);
    }

    @Nested
    class ReservedContractsAwarded {

        private static final LocalDate IN_2024 = LocalDate.of(2024, 5, 1);

        @Test
        void countsAwardsInProcurementsBegunAsReservedToAnySupplierAndListsThem() {
            goal("kontrakt-2024", 2024, GoalKind.COUNT, Measure.RESERVED_CONTRACTS_AWARDED);
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "planerad", LocalDate.of(2024, 1, 5));
            procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED, "planerad", LocalDate.of(2024, 2, 5));
            procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST, "annonserad", LocalDate.of(2023, 11, 5));
            GoalReportFact toAsf = procurement(FactType.CONTRACT_AWARDED_TO_ASF, "planerad", IN_2024);
            GoalReportFact toOther = procurement(FactType.CONTRACT_AWARDED_TO_OTHER_SUPPLIER, "annonserad",
                    IN_2024.plusDays(1));

            GoalReportRow row = row("kontrakt-2024", 2024);

            assertThat(row.outcome()).isEqualByComparingTo("2");
            assertThat(row.eventIds()).isEqualTo(ids(toAsf, toOther));
        }

        @Test
        void leavesOutAwardsInProcurementsNotBegunAsReserved() {
            goal("kontrakt-2024", 2024, GoalKind.COUNT, Measure.RESERVED_CONTRACTS_AWARDED);
            goal("asf-avtal-2024", 2024, GoalKind.COUNT, Measure.CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE);
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "reserverad", LocalDate.of(2024, 1, 5));
            GoalReportFact ordinary = procurement(FactType.CONTRACT_AWARDED_TO_ASF, "vanlig", IN_2024);
            procurement(FactType.CONTRACT_AWARDED_TO_OTHER_SUPPLIER, "direkt", IN_2024);

            assertThat(row("kontrakt-2024", 2024).outcome()).isEqualByComparingTo("0");
            assertThat(row("kontrakt-2024", 2024).eventIds()).isEmpty();
            // the award to an ASF in an ordinary procurement is one for the measure that says "any procedure"
            assertThat(row("asf-avtal-2024", 2024).eventIds()).isEqualTo(ids(ordinary));
        }

        @Test
        void countsAnAwardInTheYearOfItsOwnDateOnly() {
            goal("kontrakt-2023", 2023, GoalKind.COUNT, Measure.RESERVED_CONTRACTS_AWARDED);
            goal("kontrakt-2024", 2024, GoalKind.COUNT, Measure.RESERVED_CONTRACTS_AWARDED);
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "arsskifte", LocalDate.of(2023, 6, 1));
            GoalReportFact award = procurement(FactType.CONTRACT_AWARDED_TO_ASF, "arsskifte",
                    LocalDate.of(2024, 1, 1));

            assertThat(row("kontrakt-2023", 2023).outcome()).isEqualByComparingTo("0");
            assertThat(row("kontrakt-2024", 2024).eventIds()).isEqualTo(ids(award));
        }

        @Test
        void leavesOutTheAwardOfACancelledProcurementFromTheCancellationsRecordingWhateverItsDate() {
            goal("kontrakt-2024", 2024, GoalKind.COUNT, Measure.RESERVED_CONTRACTS_AWARDED);
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "avbruten", LocalDate.of(2024, 1, 5));
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "fullfoljd", LocalDate.of(2024, 1, 6));
            GoalReportFact cancelledAward = procurement(FactType.CONTRACT_AWARDED_TO_ASF, "avbruten", IN_2024);
            GoalReportFact standing = procurement(FactType.CONTRACT_AWARDED_TO_ASF, "fullfoljd", IN_2024);
            // cancelled the next year: the contract never came about, so the award of 2024 is no contract either
            GoalReportFact cancellation = procurement(FactType.PROCUREMENT_CANCELLED, "avbruten",
                    LocalDate.of(2025, 2, 1));

            assertThat(row("kontrakt-2024", 2024).outcome()).isEqualByComparingTo("1");
            assertThat(row("kontrakt-2024", 2024).eventIds()).isEqualTo(ids(standing));
            // asked before the cancellation was recorded, the report shows the award as it did then
            GoalReportRow then = row("kontrakt-2024", 2024, before(cancellation.recordedAt()));
            assertThat(then.outcome()).isEqualByComparingTo("2");
            assertThat(then.eventIds()).isEqualTo(ids(cancelledAward, standing));
        }

        @Test
        void leavesOutARetractedAwardFromTheRetractionsRecording() {
            goal("kontrakt-2024", 2024, GoalKind.COUNT, Measure.RESERVED_CONTRACTS_AWARDED);
            procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST, "felregistrerad", LocalDate.of(2024, 1, 5));
            GoalReportFact award = procurement(FactType.CONTRACT_AWARDED_TO_OTHER_SUPPLIER, "felregistrerad",
                    IN_2024);
            Retraction retraction = retract(award);

            assertThat(row("kontrakt-2024", 2024).outcome()).isEqualByComparingTo("0");
            // the retraction that took the award out is the one event behind the figure now
            assertThat(row("kontrakt-2024", 2024).eventIds()).containsExactly(retraction.eventId());
            // retracted after the moment asked for: it still counts, as it did for whoever read the report then
            GoalReportRow then = row("kontrakt-2024", 2024, before(retraction.recordedAt()));
            assertThat(then.outcome()).isEqualByComparingTo("1");
            assertThat(then.eventIds()).isEqualTo(ids(award));
        }

        @Test
        void countsTheAwardAgainOnceTheCancellationIsRetracted() {
            goal("kontrakt-2024", 2024, GoalKind.COUNT, Measure.RESERVED_CONTRACTS_AWARDED);
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "atertagen", LocalDate.of(2024, 1, 5));
            GoalReportFact award = procurement(FactType.CONTRACT_AWARDED_TO_ASF, "atertagen", IN_2024);
            GoalReportFact cancellation = procurement(FactType.PROCUREMENT_CANCELLED, "atertagen",
                    IN_2024.plusDays(3));
            Retraction retraction = retract(cancellation);

            // the award counts again because the cancellation was retracted: the retraction is listed with it
            assertThat(row("kontrakt-2024", 2024).eventIds()).containsExactly(award.eventId(), retraction.eventId());
            assertThat(row("kontrakt-2024", 2024, before(retraction.recordedAt())).outcome())
                    .isEqualByComparingTo("0");
        }

        @Test
        void countsNothingForAReservedProcurementOnlyAnnouncedOrCancelledBeforeAnyAward() {
            goal("kontrakt-2024", 2024, GoalKind.COUNT, Measure.RESERVED_CONTRACTS_AWARDED);
            procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST, "bara-annonserad", LocalDate.of(2024, 1, 5));
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "avbruten-tidigt", LocalDate.of(2024, 1, 6));
            procurement(FactType.PROCUREMENT_CANCELLED, "avbruten-tidigt", LocalDate.of(2024, 3, 6));

            assertThat(row("kontrakt-2024", 2024).outcome()).isEqualByComparingTo("0");
        }

        @Test
        void aChangeGoalComparesTheYearsReservedContracts() {
            goal("fler-kontrakt-2024", 2024, GoalKind.CHANGE, Measure.RESERVED_CONTRACTS_AWARDED);
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "a", LocalDate.of(2023, 1, 5));
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "b", LocalDate.of(2023, 1, 5));
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "c", LocalDate.of(2023, 1, 5));
            GoalReportFact a = procurement(FactType.CONTRACT_AWARDED_TO_ASF, "a", LocalDate.of(2023, 9, 1));
            GoalReportFact b = procurement(FactType.CONTRACT_AWARDED_TO_ASF, "b", LocalDate.of(2024, 2, 1));
            GoalReportFact c = procurement(FactType.CONTRACT_AWARDED_TO_OTHER_SUPPLIER, "c", LocalDate.of(2024, 3, 1));

            GoalReportRow row = row("fler-kontrakt-2024", 2024);

            assertThat(row.previousOutcome()).isEqualByComparingTo("1");
            assertThat(row.outcome()).isEqualByComparingTo("1");
            assertThat(row.eventIds()).isEqualTo(ids(a, b, c));
        }
    }

    @Nested
    class ReservedProcurementsAnnounced {

        @Test
        void countsAnnouncementsByTheirDateWhetherPlannedFirstOrNotAndLaterCancelledOrNot() {
            goal("annonserade-2024", 2024, GoalKind.COUNT, Measure.RESERVED_PROCUREMENTS_ANNOUNCED);
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "planerad-2023", LocalDate.of(2023, 11, 1));
            GoalReportFact afterPlanning = procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED, "planerad-2023",
                    LocalDate.of(2024, 1, 15));
            GoalReportFact first = procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST, "direkt-annonserad",
                    LocalDate.of(2024, 4, 1));
            procurement(FactType.PROCUREMENT_CANCELLED, "direkt-annonserad", LocalDate.of(2024, 5, 1));

            GoalReportRow row = row("annonserade-2024", 2024);

            assertThat(row.outcome()).isEqualByComparingTo("2");
            assertThat(row.eventIds()).isEqualTo(ids(afterPlanning, first));
        }

        @Test
        void leavesOutProcurementsOnlyPlannedAndAnnouncementsOfOtherYears() {
            goal("annonserade-2024", 2024, GoalKind.COUNT, Measure.RESERVED_PROCUREMENTS_ANNOUNCED);
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "bara-planerad", LocalDate.of(2024, 2, 1));
            procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST, "i-fjol", LocalDate.of(2023, 12, 31));
            procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "planerad", LocalDate.of(2024, 11, 1));
            procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED, "planerad", LocalDate.of(2025, 1, 1));

            assertThat(row("annonserade-2024", 2024).outcome()).isEqualByComparingTo("0");
        }

        @Test
        void leavesOutARetractedAnnouncementFromTheRetractionsRecording() {
            goal("annonserade-2024", 2024, GoalKind.COUNT, Measure.RESERVED_PROCUREMENTS_ANNOUNCED);
            GoalReportFact announced = procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST, "fel",
                    LocalDate.of(2024, 2, 1));
            Retraction retraction = retract(announced);

            assertThat(row("annonserade-2024", 2024).outcome()).isEqualByComparingTo("0");
            assertThat(row("annonserade-2024", 2024, before(retraction.recordedAt())).eventIds())
                    .isEqualTo(ids(announced));
        }

        @Test
        void theProcurementsBegunCountAnAnnouncementOnlyWhenItBeganTheProcurement() {
            goal("borjade-2024", 2024, GoalKind.COUNT, Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED);
            GoalReportFact planned = procurement(FactType.RESERVED_PROCUREMENT_BEGUN, "planerad",
                    LocalDate.of(2024, 1, 10));
            procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED, "planerad", LocalDate.of(2024, 2, 10));
            GoalReportFact first = procurement(FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST, "annonserad",
                    LocalDate.of(2024, 3, 10));
            procurement(FactType.PROCUREMENT_CANCELLED, "annonserad", LocalDate.of(2024, 4, 10));

            assertThat(row("borjade-2024", 2024).eventIds()).isEqualTo(ids(planned, first));
        }
    }

    @Nested
    class IntegrationspaktenMembersAtYearEnd {

        private static final LocalDate EARLY_2024 = LocalDate.of(2024, 2, 1);

        private GoalReportFact knownAsf(String enterpriseId) {
            return enterprise(FactType.ENTERPRISE_DETAILS, enterpriseId, true, null, LocalDate.of(2023, 1, 1));
        }

        private GoalReportFact joined(String enterpriseId, String level, LocalDate on) {
            return enterprise(FactType.IP_MEMBERSHIP, enterpriseId, null, level, on);
        }

        private void goals() {
            goal("medlemmar-2024", 2024, GoalKind.COUNT, Measure.INTEGRATIONSPAKTEN_ASF_MEMBERS);
            goal("nivan-medlem-2024", 2024, GoalKind.COUNT, Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_MEMBER);
            goal("plusmedlemmar-2024", 2024, GoalKind.COUNT, Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_PLUSMEDLEM);
            goal("jobbpartner-2024", 2024, GoalKind.COUNT, Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_JOBBPARTNER);
            goal("plus-och-jobbpartner-2024", 2024, GoalKind.COUNT, Measure.PLUS_AND_JOBBPARTNER_ASF);
        }

        @Test
        void countsTheKnownAsfThatAreMembersOn31DecemberAtAnyLevelAndPerLevel() {
            goals();
            knownAsf("kafe");
            knownAsf("vaveri");
            knownAsf("tryckeri");
            knownAsf("snickeri");
            GoalReportFact kafe = joined("kafe", "member", LocalDate.of(2022, 5, 1));
            joined("vaveri", "member", EARLY_2024);
            GoalReportFact vaveri = enterprise(FactType.IP_MEMBERSHIP, "vaveri", null, "plusmedlem",
                    LocalDate.of(2024, 12, 31));
            GoalReportFact tryckeri = joined("tryckeri", "jobbpartner", EARLY_2024);
            GoalReportFact snickeri = joined("snickeri", "plusmedlem", EARLY_2024);

            assertThat(row("medlemmar-2024", 2024).outcome()).isEqualByComparingTo("4");
            assertThat(row("medlemmar-2024", 2024).eventIds()).containsExactlyInAnyOrderElementsOf(
                    ids(kafe, vaveri, tryckeri, snickeri));
            assertThat(row("nivan-medlem-2024", 2024).eventIds()).isEqualTo(ids(kafe));
            assertThat(row("plusmedlemmar-2024", 2024).eventIds()).containsExactlyInAnyOrderElementsOf(
                    ids(vaveri, snickeri));
            assertThat(row("jobbpartner-2024", 2024).eventIds()).isEqualTo(ids(tryckeri));
            assertThat(row("plus-och-jobbpartner-2024", 2024).outcome()).isEqualByComparingTo("3");
        }

        @Test
        void leavesOutThoseWhoLeftJoinedLaterAreNoKnownAsfOrWereClosed() {
            goals();
            knownAsf("lamnade");
            joined("lamnade", "member", EARLY_2024);
            enterprise(FactType.IP_LEFT, "lamnade", null, null, LocalDate.of(2024, 12, 31));
            knownAsf("senare");
            joined("senare", "member", LocalDate.of(2025, 1, 1));
            enterprise(FactType.ENTERPRISE_DETAILS, "inget-asf", false, null, LocalDate.of(2023, 1, 1));
            joined("inget-asf", "member", EARLY_2024);
            knownAsf("stangt");
            joined("stangt", "plusmedlem", EARLY_2024);
            enterprise(FactType.ENTERPRISE_CLOSED, "stangt", null, null, LocalDate.of(2024, 12, 31));

            assertThat(row("medlemmar-2024", 2024).outcome()).isEqualByComparingTo("0");
            assertThat(row("nivan-medlem-2024", 2024).outcome()).isEqualByComparingTo("0");
            assertThat(row("plusmedlemmar-2024", 2024).outcome()).isEqualByComparingTo("0");
            // the other year: the one who joined on 1 January 2025 counts then, but not the one who left
            goal("medlemmar-2025", 2025, GoalKind.COUNT, Measure.INTEGRATIONSPAKTEN_ASF_MEMBERS);
            assertThat(row("medlemmar-2025", 2025).outcome()).isEqualByComparingTo("1");
        }

        @Test
        void aRetractedMembershipStepLeavesTheOneBeforeFromTheRetractionsRecording() {
            goals();
            knownAsf("kafe");
            GoalReportFact member = joined("kafe", "member", LocalDate.of(2023, 3, 1));
            GoalReportFact plus = enterprise(FactType.IP_MEMBERSHIP, "kafe", null, "plusmedlem", EARLY_2024);
            knownAsf("vaveri");
            GoalReportFact wrongJoin = joined("vaveri", "jobbpartner", EARLY_2024);
            Retraction firstRetraction = retract(plus);
            Retraction lastRetraction = retract(wrongJoin);

            // each figure lists the membership that makes it up and the retractions that changed it
            assertThat(row("medlemmar-2024", 2024).eventIds()).containsExactly(member.eventId(),
                    firstRetraction.eventId(), lastRetraction.eventId());
            assertThat(row("nivan-medlem-2024", 2024).eventIds()).containsExactly(member.eventId(),
                    firstRetraction.eventId());
            assertThat(row("plusmedlemmar-2024", 2024).outcome()).isEqualByComparingTo("0");
            assertThat(row("jobbpartner-2024", 2024).outcome()).isEqualByComparingTo("0");
            // before the second retraction was recorded, the join it retracts still counted
            Instant then = before(lastRetraction.recordedAt());
            assertThat(row("medlemmar-2024", 2024, then).eventIds()).containsExactly(member.eventId(),
                    wrongJoin.eventId(), firstRetraction.eventId());
            assertThat(row("jobbpartner-2024", 2024, then).eventIds()).isEqualTo(ids(wrongJoin));
        }
    }
}
