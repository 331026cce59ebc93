package se.asfplan.projections.goalreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.plan.PlanScope;
import se.asfplan.projections.goalreport.GoalReportFact.FactType;
import se.asfplan.projections.goalreport.GoalReportFact.Place;
import se.asfplan.projections.goalreport.GoalReportFact.Recording;

/**
 * Which facts a plan's yearly goal report counts: procurements by authorities inside the plan's scope (a municipality
 * of the scope, a party of the register in one of them or named by the scope, under any of its names as recorded by
 * then), enterprises whose municipality at the end of the year lies inside it, and whatever carries out one of the
 * plan's activities; the scope as recorded at a moment.
 */
class GoalReportScopeTest {

    private static final String PLAN = "huddinge-2023";
    private static final LocalDate ON = LocalDate.of(2023, 3, 1);
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");

    private final List<GoalReportFact> facts = new ArrayList<>();

    private Recording next() {
        long index = facts.size() + 1;
        return new Recording("event-" + index, index, START.plusSeconds(3600 * index), "coordinator");
    }

    private GoalReportFact add(GoalReportFact fact) {
        facts.add(fact);
        return fact;
    }

    private Instant lastRecorded() {
        return facts.get(facts.size() - 1).recordedAt();
    }

    private void adopted(String plan, String municipality) {
        add(GoalReportFact.planFact(next(), FactType.PLAN_ADOPTED, plan, municipality, null, ON));
    }

    private void scopeSet(String plan, PlanScope scope) {
        add(GoalReportFact.planFact(next(), FactType.PLAN_SCOPE_SET, plan, null, GoalReportScope.toJson(scope), ON));
    }

    private void party(String partyId, String name, String abbreviation, String municipality) {
        add(GoalReportFact.partyFact(next(), FactType.PARTY_DETAILS, partyId, name, abbreviation, municipality, ON));
    }

    private void partyName(String partyId, String name) {
        add(GoalReportFact.partyFact(next(), FactType.PARTY_NAME, partyId, name, null, null, ON));
    }

    private GoalReportFact begun(String procurementId, String authority, String carriesOutPlan) {
        return add(GoalReportFact.procurementFact(next(), FactType.PROCUREMENT_BEGUN, procurementId, ON)
                .at(new Place(null, authority, carriesOutPlan, null, null, null)));
    }

    private GoalReportFact lots(String procurementId, String carriesOutPlan) {
        return add(GoalReportFact.procurementFact(next(), FactType.PROCUREMENT_DIVIDED_INTO_LOTS, procurementId, ON)
                .at(new Place(null, null, carriesOutPlan, null, null, null)));
    }

    private GoalReportFact details(String enterpriseId, String municipality, LocalDate on) {
        return add(GoalReportFact.enterpriseFact(next(), FactType.ENTERPRISE_DETAILS, enterpriseId, true, null, on)
                .at(new Place(municipality, null, null, null, null, null)));
    }

    private GoalReportFact invited(String enterpriseId, String carriesOutPlan) {
        return add(GoalReportFact.enterpriseFact(next(), FactType.IP_INVITED, enterpriseId, null, null, ON)
                .at(new Place(null, null, carriesOutPlan, null, null, null)));
    }

    private List<GoalReportFact> counted(Instant asOf) {
        return GoalReportScope.of(facts, PLAN, asOf).counted(facts, 2023, asOf);
    }

    @Test
    void countsTheProcurementsOfTheMunicipalitysPartiesUnderAnyOfTheirNames() {
        adopted(PLAN, "Huddinge kommun");
        party("huddinge-sn", "Socialnämnden i Huddinge", "SN", "huddinge kommun");
        party("botkyrka-sn", "Socialnämnden i Botkyrka", null, "Botkyrka kommun");
        GoalReportFact byName = lots(begun("p1", "SOCIALNÄMNDEN I HUDDINGE", null).procurementId(), null);
        GoalReportFact byAbbreviation = lots(begun("p2", "SN", null).procurementId(), null);
        GoalReportFact byTheMunicipality = lots(begun("p3", "Huddinge kommun", null).procurementId(), null);
        GoalReportFact otherMunicipality = lots(begun("p4", "Socialnämnden i Botkyrka", null).procurementId(), null);
        GoalReportFact unknownAuthority = lots(begun("p5", "Okänd nämnd", null).procurementId(), null);
        Instant beforeTheName = lastRecorded();
        partyName("huddinge-sn", "Okänd nämnd");

        assertThat(counted(null)).contains(byName, byAbbreviation, byTheMunicipality, unknownAuthority)
                .doesNotContain(otherMunicipality);
        assertThat(counted(beforeTheName)).doesNotContain(unknownAuthority).contains(byName);
    }

    @Test
    void countsWhatCarriesOutThePlansActivitiesWhereverItLies() {
        adopted(PLAN, "Huddinge kommun");
        GoalReportFact linkedProcurement = lots(begun("p1", "Nämnd i Stockholm", PLAN).procurementId(), null);
        GoalReportFact linkedLots = lots(begun("p2", "Nämnd i Stockholm", null).procurementId(), PLAN);
        GoalReportFact otherPlans = lots(begun("p3", "Nämnd i Stockholm", "stockholm-2021").procurementId(), null);
        details("e1", "Stockholms stad", ON);
        GoalReportFact linkedInvitation = invited("e1", PLAN);

        assertThat(counted(null)).contains(linkedProcurement, linkedLots, linkedInvitation).doesNotContain(otherPlans);
    }

    @Test
    void countsEnterprisesByTheirMunicipalityAtTheEndOfTheYear() {
        adopted(PLAN, "Huddinge kommun");
        details("moved-in", "Stockholms stad", LocalDate.of(2022, 5, 1));
        GoalReportFact movedIn = invited("moved-in", null);
        details("moved-in", "HUDDINGE  kommun", LocalDate.of(2023, 11, 1));
        details("moved-later", "Huddinge kommun", LocalDate.of(2022, 5, 1));
        GoalReportFact movedLater = invited("moved-later", null);
        details("moved-later", "Stockholms stad", LocalDate.of(2024, 2, 1));
        details("elsewhere", "Botkyrka kommun", LocalDate.of(2022, 5, 1));
        GoalReportFact elsewhere = invited("elsewhere", null);

        assertThat(counted(null)).contains(movedIn, movedLater).doesNotContain(elsewhere);
    }

    @Test
    void countsWhatTheScopeInForceCoversAsRecordedAtTheMoment() {
        adopted(PLAN, "Huddinge kommun");
        adopted("botkyrka-2023", "Botkyrka kommun");
        party("forbundet", "Samordningsförbundet HBS", "HBS", null);
        details("botkyrka-asf", "Botkyrka kommun", ON);
        GoalReportFact botkyrka = invited("botkyrka-asf", null);
        GoalReportFact forbundets = lots(begun("p1", "HBS", null).procurementId(), null);
        Instant beforeTheScope = lastRecorded();
        PlanScope both = new PlanScope(List.of("Huddinge kommun", "Botkyrka kommun"),
                List.of(new PartyId("forbundet")));
        scopeSet(PLAN, both);

        assertThat(counted(beforeTheScope)).doesNotContain(botkyrka, forbundets);
        assertThat(counted(null)).contains(botkyrka, forbundets);
        assertThat(GoalReportScope.of(facts, PLAN, null).scope()).isEqualTo(both);
        assertThat(GoalReportScope.of(facts, PLAN, beforeTheScope).scope())
                .isEqualTo(PlanScope.ofMunicipality("Huddinge kommun"));
        assertThat(GoalReportScope.of(facts, "botkyrka-2023", null).counted(facts, 2023, null)).contains(botkyrka)
                .doesNotContain(forbundets);
    }

    @Test
    void countsOnlyWhatCarriesOutThePlanWhenItsAdoptionIsUnknown() {
        GoalReportFact linked = lots(begun("p1", "Huddinge kommun", PLAN).procurementId(), null);
        GoalReportFact other = lots(begun("p2", "Huddinge kommun", null).procurementId(), null);

        assertThat(GoalReportScope.of(facts, PLAN, null).scope()).isNull();
        assertThat(counted(null)).contains(linked).doesNotContain(other);
    }

    @Test
    void keepsTheScopeWhenWrittenAndReadBack() {
        PlanScope scope = new PlanScope(List.of("Huddinge kommun", "Salems kommun"), List.of(new PartyId("hbs")));
        assertThat(GoalReportScope.fromJson(GoalReportScope.toJson(scope))).isEqualTo(scope);
    }
}
