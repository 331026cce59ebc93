package se.asfplan.infra.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.asfplan.infra.planfile.PlanFileFixtures.STOCKHOLM_PLAN;
import static se.asfplan.infra.planfile.PlanFileFixtures.minimalPlanFile;
import static se.asfplan.infra.planfile.PlanFileFixtures.resource;
import static se.asfplan.infra.planfile.PlanFileFixtures.utf8;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.party.PartyCommands.EnsurePartyRegisteredCommand;
import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyKind;
import se.asfplan.infra.planfile.PlanFileException.Problem;
import se.asfplan.infra.planfile.PlanFileReader.PlanImport;

/** The parties a plan file lists under {@code parties}, which its import registers together with the plan. */
class PartiesFileTest {

    private static final LocalDate ADOPTED_ON = LocalDate.of(2021, 8, 31);
    private static final String TWO_PARTIES = """

              - id: testby-amn
                name: "Arbetsmarknadsnämnden"
                abbreviation: "AMN"
                kind: committee
                municipality: "Testby kommun"
              - id: testby-bostader
                name: "Testby Bostäder AB"
                kind: company
            """;

    private final PlanFileReader reader = new PlanFileReader();

    @Test
    void readsThePartiesInTheirOrderToBeRegisteredOnTheAdoptionDay() {
        PlanImport planImport = reader.readImport(utf8(minimalPlanFile().with("parties", TWO_PARTIES).yaml()));

        assertThat(planImport.parties()).containsExactly(
                new EnsurePartyRegisteredCommand(new PartyId("testby-amn"), "Arbetsmarknadsnämnden", "AMN",
                        PartyKind.COMMITTEE, "Testby kommun", ADOPTED_ON),
                new EnsurePartyRegisteredCommand(new PartyId("testby-bostader"), "Testby Bostäder AB", null,
                        PartyKind.COMPANY, null, ADOPTED_ON));
        assertThat(planImport.plan().planId().value()).isEqualTo("testby-2021");
    }

    @Test
    void readsAFileWithoutPartiesWithNone() {
        assertThat(reader.readImport(minimalPlanFile().stream()).parties()).isEmpty();
        assertThat(reader.readImport(resource(STOCKHOLM_PLAN)).parties()).isEmpty();
    }

    @Test
    void readsEveryKindOfParty() {
        String parties = """

                  - {id: kf, name: "Kommunfullmäktige", kind: council}
                  - {id: ks, name: "Kommunstyrelsen", kind: executive-board}
                  - {id: slk, name: "Stadsledningskontoret", kind: administration}
                  - {id: famna, name: "Famna", kind: external}
                """;
        assertThat(reader.readImport(utf8(minimalPlanFile().with("parties", parties).yaml())).parties())
                .extracting(EnsurePartyRegisteredCommand::kind).containsExactly(PartyKind.COUNCIL,
                        PartyKind.EXECUTIVE_BOARD, PartyKind.ADMINISTRATION, PartyKind.EXTERNAL);
    }

    @Test
    void refusesAPartyWithoutNameOrWithAnUnknownKind() {
        String parties = """

                  - {id: testby-amn, kind: nämnd}
                """;
        assertThat(problemsOf(minimalPlanFile().with("parties", parties).yaml())).containsExactly(
                new Problem("parties[0].name", "must be given"),
                new Problem("parties[0].kind", "must be one of [council, executive-board, committee, administration, "
                        + "company, external], but was 'nämnd'"));
    }

    @Test
    void refusesAPartyListedTwice() {
        String parties = """

                  - {id: testby-amn, name: "Arbetsmarknadsnämnden", kind: committee}
                  - {id: testby-amn, name: "AMN", kind: committee}
                """;
        assertThat(problemsOf(minimalPlanFile().with("parties", parties).yaml())).containsExactly(
                new Problem("parties[1].id", "party 'testby-amn' is listed twice"));
    }

    @Test
    void refusesAnAbbreviationTooLongAndAnEmptyEntry() {
        String parties = """

                  - {id: testby-amn, name: "Arbetsmarknadsnämnden", abbreviation: "%s", kind: committee}
                  -
                """.formatted("A".repeat(31));
        assertThat(problemsOf(minimalPlanFile().with("parties", parties).yaml())).containsExactly(
                new Problem("parties[0].abbreviation", "the text must be at most 30 characters, but has 31"),
                new Problem("parties[1]", "must not be empty"));
    }

    private List<Problem> problemsOf(String yaml) {
        PlanFileException refusal = catchThrowableOfType(PlanFileException.class, () -> reader.read(utf8(yaml)));
        assertThat(refusal).as("the reader's refusal").isNotNull();
        return refusal.problems();
    }
}
