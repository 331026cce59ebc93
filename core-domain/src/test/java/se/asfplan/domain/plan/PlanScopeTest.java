package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.asfplan.domain.plan.PlanFixtures.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.SetPlanScopeCommand;
import se.asfplan.domain.plan.PlanEvents.PlanScopeSetEvent;

/**
 * A plan's scope: the municipalities and registered parties it covers, recorded with the adoption or later with a
 * reason; a plan without one covers the municipality it was adopted for.
 */
class PlanScopeTest {

    private static final PlanScope FOUR_MUNICIPALITIES = new PlanScope(
            List.of("Huddinge kommun", "Botkyrka kommun", "Salems kommun", "Södertälje kommun"),
            List.of(REGISTERED_PARTY));

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = planFixture();
    }

    private static SetPlanScopeCommand setScope(PlanScope scope) {
        return new SetPlanScopeCommand(PLAN_ID, scope, "Samordningsförbundet tar över planen", TODAY);
    }

    @Test
    void setsTheScopeOfASamordningsforbund() {
        fixture.given(planAdopted(2021, 2024))
                .when(setScope(FOUR_MUNICIPALITIES))
                .expectEvents(new PlanScopeSetEvent(PLAN_ID, FOUR_MUNICIPALITIES,
                        "Samordningsförbundet tar över planen", TODAY));
    }

    @Test
    void isRecordedWithTheAdoptionWhenTheFileSaysIt() {
        AdoptPlanCommand adopt = new AdoptPlanCommand(PLAN_ID, TITLE, MUNICIPALITY, ADOPTION, ADOPTED_ON,
                PlanPeriod.of(2021, 2024), List.of(), List.of(), List.of(), List.of(), List.of(), FOUR_MUNICIPALITIES);
        fixture.givenNoPriorActivity().when(adopt)
                .expectEvents(planAdopted(2021, 2024), new PlanScopeSetEvent(PLAN_ID, FOUR_MUNICIPALITIES, null,
                        ADOPTED_ON));
    }

    @Test
    void refusesAPartyTheRegisterDoesNotHave() {
        PlanScope unknown = new PlanScope(List.of(MUNICIPALITY), List.of(new PartyId("okand-part")));
        expectRefusal(fixture.given(planAdopted(2021, 2024)).when(setScope(unknown)),
                PlanRule.SCOPE_PARTY_MUST_BE_REGISTERED, "No party okand-part is registered");
        AdoptPlanCommand adopt = new AdoptPlanCommand(PLAN_ID, TITLE, MUNICIPALITY, ADOPTION, ADOPTED_ON,
                PlanPeriod.of(2021, 2024), List.of(), List.of(), List.of(), List.of(), List.of(), unknown);
        expectRefusal(fixture.givenNoPriorActivity().when(adopt), PlanRule.SCOPE_PARTY_MUST_BE_REGISTERED,
                "No party okand-part is registered");
    }

    @Test
    void refusesAScopeThatChangesNothing() {
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(setScope(PlanScope.ofMunicipality(MUNICIPALITY.toUpperCase()))),
                PlanRule.SCOPE_CHANGE_MUST_CHANGE_SOMETHING, "already covers");
        expectRefusal(fixture.given(planAdopted(2021, 2024),
                        new PlanScopeSetEvent(PLAN_ID, FOUR_MUNICIPALITIES, "Förbundet", ADOPTED_ON))
                        .when(setScope(FOUR_MUNICIPALITIES)),
                PlanRule.SCOPE_CHANGE_MUST_CHANGE_SOMETHING, "already covers [Huddinge kommun");
    }

    @Test
    void refusesAScopeChangeWithoutReasonOrBeforeTheAdoption() {
        expectInvalid(fixture.given(planAdopted(2021, 2024))
                .when(new SetPlanScopeCommand(PLAN_ID, FOUR_MUNICIPALITIES, " ", TODAY)), "reason");
        expectRefusal(fixture.given(planAdopted(2021, 2024))
                        .when(new SetPlanScopeCommand(PLAN_ID, FOUR_MUNICIPALITIES, "Tidigt", DAY_BEFORE_ADOPTION)),
                PlanRule.DATE_MUST_NOT_PRECEDE_PLAN_ADOPTION, "lies before plan");
    }

    @Test
    void comparesMunicipalitiesIgnoringCaseAndSpacingAndKeepsEachOnce() {
        PlanScope scope = new PlanScope(List.of("Huddinge kommun", " HUDDINGE  kommun", "Botkyrka kommun"), null);
        assertThat(scope.municipalities()).containsExactly("Huddinge kommun", "Botkyrka kommun");
        assertThat(scope.parties()).isEmpty();
        assertThat(scope.coversMunicipality("huddinge KOMMUN ")).isTrue();
        assertThat(scope.coversMunicipality("Stockholms stad")).isFalse();
        assertThat(scope.coversMunicipality(null)).isFalse();
    }

    @Test
    void refusesAScopeWithoutMunicipalityOrWithTooMany() {
        assertThatThrownBy(() -> new PlanScope(List.of(), List.of()))
                .hasMessage("scope municipalities must name at least one municipality or region");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= PlanScope.MUNICIPALITIES_MAX; i++) {
            many.add("Kommun " + i);
        }
        assertThatThrownBy(() -> new PlanScope(many, List.of()))
                .hasMessage("scope municipalities may name at most 50, but name 51");
        assertThatThrownBy(() -> new PlanScope(List.of("Kommun"), Collections.singletonList(null)))
                .hasMessage("scope parties must not contain an empty entry");
    }
}
