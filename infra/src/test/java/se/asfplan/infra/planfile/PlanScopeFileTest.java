package se.asfplan.infra.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.asfplan.infra.planfile.PlanFileFixtures.minimalPlanFile;
import static se.asfplan.infra.planfile.PlanFileFixtures.utf8;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.plan.PlanScope;
import se.asfplan.infra.planfile.PlanFileException.Problem;

/** A plan file's scope: the municipalities and registered parties it covers; left out, none is sent. */
class PlanScopeFileTest {

    private final PlanFileReader reader = new PlanFileReader();

    @Test
    void readsTheScopeOfASamordningsforbundsPlan() {
        String yaml = minimalPlanFile().with("scope", "\n  municipalities: [\"Huddinge kommun\", \"Botkyrka kommun\", "
                + "\" huddinge KOMMUN\"]\n  parties: [samordningsforbundet-hbs]").yaml();

        assertThat(reader.read(utf8(yaml)).scope()).isEqualTo(new PlanScope(
                List.of("Huddinge kommun", "Botkyrka kommun"), List.of(new PartyId("samordningsforbundet-hbs"))));
    }

    @Test
    void sendsNoScopeWhenTheFileHasNone() {
        assertThat(reader.read(utf8(minimalPlanFile().yaml())).scope()).isNull();
    }

    @Test
    void namesTheFieldOfAScopeItCannotRead() {
        assertThat(problemsOf(minimalPlanFile().with("scope", "{parties: [hbs]}").yaml())).containsExactly(
                new Problem("scope.municipalities", "must name at least one municipality or region the plan covers"));
        assertThat(problemsOf(minimalPlanFile().with("scope", "{municipalities: [Testby], parties: [\"Ett Id\"]}")
                .yaml())).singleElement().satisfies(problem -> {
                    assertThat(problem.path()).isEqualTo("scope.parties[0]");
                    assertThat(problem.message()).startsWith("party id must be 2-63 characters");
                });
        assertThat(problemsOf(minimalPlanFile().with("scope", "{municipalities: [Testby], colour: red}").yaml()))
                .extracting(Problem::path).containsExactly("scope.colour");
    }

    private List<Problem> problemsOf(String yaml) {
        PlanFileException refusal = catchThrowableOfType(PlanFileException.class, () -> reader.read(utf8(yaml)));
        assertThat(refusal).as("the reader's refusal").isNotNull();
        return refusal.problems();
    }
}
