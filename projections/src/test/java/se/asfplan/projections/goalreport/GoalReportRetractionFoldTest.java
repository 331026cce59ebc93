package se.asfplan.projections.goalreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.Target;
import se.asfplan.projections.goalreport.GoalReportFact.FactType;
import se.asfplan.projections.goalreport.GoalReportFact.Recording;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalReportRow;
import se.asfplan.projections.support.Retraction;

/** The yearly goal report leaves out a fact from the moment its retraction was recorded, and only from then. */
class GoalReportRetractionFoldTest {

    private static final String PLAN = "stockholm-asf-2021";
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

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

    private Retraction retract(GoalReportFact fact) {
        Recording r = next();
        Retraction retraction = new Retraction(r.eventId(), r.globalIndex(), r.recordedAt(), r.recordedBy(),
                TODAY, "Registrerad av misstag", fact.eventId());
        retractions.add(retraction);
        return retraction;
    }

    private GoalReportRow report(int year, Instant asOf) {
        List<GoalReportRow> rows = GoalReportFold.fold(facts, retractions, PLAN, year, asOf, TODAY);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void aRetractedCountedFactDropsFromTheOutcomeOnlyFromTheRetractionsRecording() {
        add(GoalReportFact.goalSet(next(), PLAN, "inbjudna-2023", 2023, GoalKind.COUNT,
                Measure.INTEGRATIONSPAKTEN_INVITATIONS, "Inbjudna", null, Target.atLeast(2, "st"),
                LocalDate.of(2023, 1, 10)));
        for (String enterprise : List.of("kafe", "vaveriet")) {
            add(GoalReportFact.enterpriseFact(next(), FactType.ENTERPRISE_DETAILS, enterprise, true, null,
                    LocalDate.of(2022, 5, 1)));
        }
        GoalReportFact first = add(GoalReportFact.enterpriseFact(next(), FactType.IP_INVITED, "kafe", null, null,
                LocalDate.of(2023, 3, 1)));
        GoalReportFact wrong = add(GoalReportFact.enterpriseFact(next(), FactType.IP_INVITED, "vaveriet", null, null,
                LocalDate.of(2023, 4, 1)));
        Retraction retraction = retract(wrong);

        GoalReportRow now = report(2023, null);
        assertThat(now.outcome()).isEqualByComparingTo("1");
        // the figure moved from 2 to 1 by the retraction: it is listed beside the invitation still counted
        assertThat(now.eventIds()).containsExactly(first.eventId(), retraction.eventId());
        assertThat(now.events()).containsExactly(first.globalIndex(), retraction.globalIndex());

        GoalReportRow before = report(2023, retraction.recordedAt().minusSeconds(1));
        assertThat(before.outcome()).isEqualByComparingTo("2");
        assertThat(before.eventIds()).containsExactly(first.eventId(), wrong.eventId());
        assertThat(report(2023, retraction.recordedAt()).outcome()).isEqualByComparingTo("1");
    }

    @Test
    void aCorrectionRetractsAndRecordsAnewSoTheFactCountsInTheRightYear() {
        add(GoalReportFact.goalSet(next(), PLAN, "delade-2022", 2022, GoalKind.COUNT,
                Measure.PROCUREMENTS_DIVIDED_INTO_LOTS, "Delade", null, Target.atLeast(1, "st"),
                LocalDate.of(2022, 1, 10)));
        add(GoalReportFact.goalSet(next(), PLAN, "delade-2023", 2023, GoalKind.COUNT,
                Measure.PROCUREMENTS_DIVIDED_INTO_LOTS, "Delade", null, Target.atLeast(1, "st"),
                LocalDate.of(2023, 1, 10)));
        GoalReportFact wrongYear = add(GoalReportFact.procurementFact(next(), FactType.PROCUREMENT_DIVIDED_INTO_LOTS,
                "delad-upphandling", LocalDate.of(2023, 2, 1)));
        Retraction retraction = retract(wrongYear);
        GoalReportFact corrected = add(GoalReportFact.procurementFact(next(),
                FactType.PROCUREMENT_DIVIDED_INTO_LOTS, "delad-upphandling", LocalDate.of(2022, 12, 20)));

        List<GoalReportRow> y2022 = GoalReportFold.fold(facts, retractions, PLAN, 2022, null, TODAY);
        List<GoalReportRow> y2023 = GoalReportFold.fold(facts, retractions, PLAN, 2023, null, TODAY);
        assertThat(y2022.get(0).outcome()).isEqualByComparingTo("1");
        assertThat(y2022.get(0).eventIds()).containsExactly(corrected.eventId());
        assertThat(y2023.get(0).outcome()).isEqualByComparingTo("0");
        // 2023 lost the fact through the retraction, 2022 gained it through the new recording alone
        assertThat(y2023.get(0).eventIds()).containsExactly(retraction.eventId());
    }

    @Test
    void aRetractedOutcomeReportLeavesTheEarlierReportInForce() {
        add(GoalReportFact.goalSet(next(), PLAN, "andel-2023", 2023, GoalKind.SHARE, null, "Andel", null,
                Target.atLeast(10, "%"), LocalDate.of(2023, 1, 10)));
        GoalReportFact earlier = add(GoalReportFact.outcomeReported(next(), PLAN, "andel-2023", 2023,
                new BigDecimal("12"), "SCB", LocalDate.of(2024, 1, 15)));
        GoalReportFact later = add(GoalReportFact.outcomeReported(next(), PLAN, "andel-2023", 2023,
                new BigDecimal("40"), "Fel tabell", LocalDate.of(2024, 2, 1)));
        Retraction retraction = retract(later);

        GoalReportRow row = report(2023, null);
        assertThat(row.outcome()).isEqualByComparingTo("12");
        assertThat(row.source()).isEqualTo("SCB");
        assertThat(row.eventIds()).containsExactly(earlier.eventId(), retraction.eventId());
        // asked before the retraction was recorded, the figure is the later report's and names no retraction
        assertThat(report(2023, retraction.recordedAt().minusSeconds(1)).eventIds()).containsExactly(later.eventId());
    }

    @Test
    void aRetractionThatChangesNoFigureIsNotListedUnderIt() {
        add(GoalReportFact.goalSet(next(), PLAN, "inbjudna-2023", 2023, GoalKind.COUNT,
                Measure.INTEGRATIONSPAKTEN_INVITATIONS, "Inbjudna", null, Target.atLeast(1, "st"),
                LocalDate.of(2023, 1, 10)));
        add(GoalReportFact.enterpriseFact(next(), FactType.ENTERPRISE_DETAILS, "kafe", true, null,
                LocalDate.of(2022, 5, 1)));
        GoalReportFact counted = add(GoalReportFact.enterpriseFact(next(), FactType.IP_INVITED, "kafe", null, null,
                LocalDate.of(2023, 3, 1)));
        // an invitation of 2024 counts nowhere in 2023: its retraction changes nothing there
        GoalReportFact otherYear = add(GoalReportFact.enterpriseFact(next(), FactType.IP_INVITED, "kafe", null,
                null, LocalDate.of(2024, 3, 1)));
        retract(otherYear);

        assertThat(report(2023, null).eventIds()).containsExactly(counted.eventId());
    }

    @Test
    void aRetractedLevelChangeLeavesTheMembershipBeforeIt() {
        add(GoalReportFact.goalSet(next(), PLAN, "plus-2023", 2023, GoalKind.COUNT, Measure.PLUS_AND_JOBBPARTNER_ASF,
                "Plus", null, Target.atLeast(1, "st"), LocalDate.of(2023, 1, 10)));
        add(GoalReportFact.enterpriseFact(next(), FactType.ENTERPRISE_DETAILS, "kafe", true, null,
                LocalDate.of(2022, 1, 1)));
        add(GoalReportFact.enterpriseFact(next(), FactType.IP_MEMBERSHIP, "kafe", null, "member",
                LocalDate.of(2022, 2, 1)));
        GoalReportFact plus = add(GoalReportFact.enterpriseFact(next(), FactType.IP_MEMBERSHIP, "kafe", null,
                "plusmedlem", LocalDate.of(2023, 2, 1)));
        assertThat(report(2023, null).outcome()).isEqualByComparingTo("1");

        retract(plus);
        assertThat(report(2023, null).outcome()).isEqualByComparingTo("0");
    }
}
