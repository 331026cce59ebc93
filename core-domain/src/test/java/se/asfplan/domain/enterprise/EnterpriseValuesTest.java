package se.asfplan.domain.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The register's value types: criteria, details, levels and ids. */
class EnterpriseValuesTest {

    @Test
    void countsAsAsfWhenAllFourCriteriaAreMet() {
        assertThat(new DefinitionCriteria(true, true, true, true).countsAsAsf()).isTrue();
        assertThat(DefinitionCriteria.allMet()).isEqualTo(new DefinitionCriteria(true, true, true, true));
    }

    @ParameterizedTest(name = "integration {0}, participation {1}, reinvested {2}, independent {3}")
    @CsvSource({"false,true,true,true", "true,false,true,true", "true,true,false,true", "true,true,true,false",
            "false,false,false,false"})
    void doesNotCountAsAsfWhenAnyCriterionIsUnmet(boolean integration, boolean participation, boolean reinvested,
                                                  boolean independent) {
        assertThat(new DefinitionCriteria(integration, participation, reinvested, independent).countsAsAsf())
                .isFalse();
    }

    @Test
    void namesEachLegalFormInSwedish() {
        assertThat(Arrays.stream(LegalForm.values()).map(LegalForm::swedishName)).containsExactly("aktiebolag",
                "aktiebolag med särskild vinstutdelningsbegränsning", "ekonomisk förening", "ideell förening",
                "stiftelse", "enskild firma");
        assertThat(Arrays.stream(LegalForm.values()).filter(form -> !form.hasOrganisationNumber()))
                .containsExactly(LegalForm.ENSKILD_FIRMA);
    }

    @Test
    void trimsDetailsAndLeavesOptionalListsEmpty() {
        EnterpriseDetails details = new EnterpriseDetails(" Kafé Kompassen ", LegalForm.IDEELL_FORENING, null,
                " Stockholm ", " ", DefinitionCriteria.allMet(), null);
        assertThat(details.name()).isEqualTo("Kafé Kompassen");
        assertThat(details.municipality()).isEqualTo("Stockholm");
        assertThat(details.district()).isNull();
        assertThat(details.linesOfBusiness()).isEmpty();
        assertThat(details.certifications()).isEmpty();
        assertThat(details.countsAsAsf()).isTrue();
    }

    @Test
    void rejectsDetailsWithoutName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EnterpriseDetails(" ", LegalForm.STIFTELSE,
                        List.of(), "Stockholm", null, DefinitionCriteria.allMet(), List.of()))
                .withMessage("name must not be blank");
    }

    @Test
    void rejectsDetailsWithoutLegalFormOrCriteria() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EnterpriseDetails("Kafé", null, List.of(),
                "Stockholm", null, DefinitionCriteria.allMet(), List.of())).withMessage("legalForm must be given");
        assertThatIllegalArgumentException().isThrownBy(() -> new EnterpriseDetails("Kafé", LegalForm.STIFTELSE,
                        List.of(), "Stockholm", null, null, List.of()))
                .withMessageStartingWith("criteria must be given");
    }

    @Test
    void rejectsARepeatedLineOfBusiness() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EnterpriseDetails("Kafé", LegalForm.STIFTELSE,
                        List.of("café", " café"), "Stockholm", null, DefinitionCriteria.allMet(), List.of()))
                .withMessageContaining("each line of business must be given once");
    }

    @Test
    void acceptsTwentyCertificationsButNotTwentyOne() {
        List<String> twenty = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "cert " + i).toList();
        assertThat(new EnterpriseDetails("Kafé", LegalForm.STIFTELSE, List.of(), "Stockholm", null,
                DefinitionCriteria.allMet(), twenty).certifications()).hasSize(20);
        List<String> twentyOne = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "cert " + i).toList();
        assertThatIllegalArgumentException().isThrownBy(() -> new EnterpriseDetails("Kafé", LegalForm.STIFTELSE,
                        List.of(), "Stockholm", null, DefinitionCriteria.allMet(), twentyOne))
                .withMessage("at most 20 entries of certification, but there are 21");
    }

    @Test
    void listsTheConfiguredLevelsWithTheirNames() {
        IntegrationspaktenLevels levels = EnterpriseFixtures.configuredLevels();
        assertThat(levels.contains(new IntegrationspaktenLevel("plusmedlem"))).isTrue();
        assertThat(levels.contains(new IntegrationspaktenLevel("guldmedlem"))).isFalse();
        assertThat(levels).hasToString("member (Medlem), plusmedlem (Plusmedlem), jobbpartner (Jobbpartner)");
    }

    @Test
    void refusesToConfigureNoLevels() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IntegrationspaktenLevels(Collections.emptyMap()))
                .withMessage("at least one Integrationspakten level must be configured");
        assertThatIllegalArgumentException().isThrownBy(() -> new IntegrationspaktenLevels(
                        Map.of(new IntegrationspaktenLevel("member"), " ")))
                .withMessage("every Integrationspakten level needs a code and a name");
    }

    @Test
    void identifiersPrintAsTheirRawValueAndRefuseNonSlugs() {
        assertThat(new EnterpriseId("kafe-kompassen")).hasToString("kafe-kompassen");
        assertThat(new IntegrationspaktenLevel("plusmedlem")).hasToString("plusmedlem");
        assertThatIllegalArgumentException().isThrownBy(() -> new EnterpriseId("Kafé Kompassen"))
                .withMessageStartingWith("enterprise id must be 2-63 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> new IntegrationspaktenLevel("Plus medlem"))
                .withMessageStartingWith("Integrationspakten level must be 2-63 characters");
    }

    @Test
    void aRegisteredEnterpriseExistedUpToAndIncludingItsClosingDate() {
        java.time.LocalDate closedOn = java.time.LocalDate.of(2023, 6, 30);
        RegisteredEnterprise closed = new RegisteredEnterprise(new EnterpriseId("kafe"), true, closedOn);
        assertThat(closed.existedOn(closedOn)).isTrue();
        assertThat(closed.existedOn(closedOn.plusDays(1))).isFalse();
        assertThat(new RegisteredEnterprise(new EnterpriseId("kafe"), true, null).existedOn(closedOn)).isTrue();
    }

    @Test
    void listsEveryEnterpriseEventExactlyOnce() {
        List<Class<?>> declared = Arrays.stream(EnterpriseEvents.class.getDeclaredClasses())
                .filter(EnterpriseEvent.class::isAssignableFrom).toList();
        assertThat(declared).hasSize(14);
        assertThat(List.<Class<?>>copyOf(EnterpriseEvents.ALL)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(declared);
    }
}
