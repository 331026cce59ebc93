package se.asfplan.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import se.asfplan.domain.enterprise.DefinitionCriteria;
import se.asfplan.domain.enterprise.EnterpriseDetails;
import se.asfplan.domain.enterprise.EnterpriseEvents.BusinessAdviceReceivedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseDetailsChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseRegisteredEvent;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.domain.shared.PersonalIdentityNumbers;
import se.asfplan.domain.shared.PersonalNames;
import se.asfplan.infra.json.JsonConfiguration;

/**
 * The application's ObjectMapper with the personal data module, as Axon stores and reads events with it: a sole
 * trader's name is written encrypted and read back in clear until its key is destroyed, then as erased; names of
 * legal persons, other events and every number stay exactly as before; texts read back have personnummer masked.
 */
class PersonalDataModuleTest {

    private static final EnterpriseId ID = new EnterpriseId("anna-frisor");
    private static final LocalDate ON = LocalDate.of(2022, 3, 1);
    private static final String NAME = "Anna Svenssons Hårsalong";

    private final InMemoryKeyStore keys = new InMemoryKeyStore();
    private final PersonalDataProtection protection = new PersonalDataProtection(keys);
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonConfiguration.class)
            .withBean("personalDataModule", Module.class, () -> new PersonalDataModule(() -> protection));

    private static EnterpriseDetails details(String name, LegalForm form) {
        return new EnterpriseDetails(name, form, List.of("frisör"), "Stockholm", null,
                DefinitionCriteria.allMet(), List.of());
    }

    @Test
    void storesASoleTradersNameEncryptedAndReadsItBackUntilTheKeyIsDestroyed() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            SocialEnterpriseRegisteredEvent registered = new SocialEnterpriseRegisteredEvent(ID, null,
                    details(NAME, LegalForm.ENSKILD_FIRMA), ON, null);
            SocialEnterpriseDetailsChangedEvent changed = new SocialEnterpriseDetailsChangedEvent(ID,
                    details("Anna S Hår", LegalForm.ENSKILD_FIRMA), ON, null);
            String stored = json.writeValueAsString(registered);
            String storedChange = json.writeValueAsString(changed);

            assertThat(stored).doesNotContain("Anna").contains("\"name\":{\"keyId\":\"enterprise:anna-frisor\","
                    + "\"ciphertext\":\"", "\"legalForm\":\"ENSKILD_FIRMA\"");
            assertThat(storedChange).doesNotContain("Anna");
            assertThat(json.readValue(stored, SocialEnterpriseRegisteredEvent.class)).isEqualTo(registered);
            assertThat(json.readValue(storedChange, SocialEnterpriseDetailsChangedEvent.class)).isEqualTo(changed);

            keys.destroy("enterprise:anna-frisor");
            assertThat(json.readValue(stored, SocialEnterpriseRegisteredEvent.class).details().name())
                    .isEqualTo(PersonalNames.ERASED);
            assertThat(json.readValue(storedChange, SocialEnterpriseDetailsChangedEvent.class).details().name())
                    .isEqualTo(PersonalNames.ERASED);
            // read back erased and written again (a dead letter's copy), it stays erased and stores nothing
            assertThat(json.writeValueAsString(json.readValue(stored, SocialEnterpriseRegisteredEvent.class)))
                    .contains("\"name\":\"" + PersonalNames.ERASED + "\"");
        });
    }

    @Test
    void readsANameStoredInClearBeforeAsItIsAndAsErasedOnceTheKeyIsDestroyed() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            String legacy = "{\"enterpriseId\":\"anna-frisor\",\"organisationNumber\":null,\"details\":{"
                    + "\"name\":\"" + NAME + "\",\"legalForm\":\"ENSKILD_FIRMA\",\"linesOfBusiness\":[],"
                    + "\"municipality\":\"Stockholm\",\"district\":null,\"criteria\":{\"integrationPurpose\":true,"
                    + "\"employeeParticipation\":true,\"profitsReinvested\":true,\"independentOfPublicSector\":true},"
                    + "\"certifications\":[]},\"occurredOn\":\"2022-03-01\",\"carriesOut\":null}";
            assertThat(json.readValue(legacy, SocialEnterpriseRegisteredEvent.class).details().name()).isEqualTo(NAME);
            keys.destroy("enterprise:anna-frisor");
            assertThat(json.readValue(legacy, SocialEnterpriseRegisteredEvent.class).details().name())
                    .isEqualTo(PersonalNames.ERASED);
        });
    }

    @Test
    void leavesALegalPersonsNameAndOtherEventsAsTheyWere() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            SocialEnterpriseRegisteredEvent company = new SocialEnterpriseRegisteredEvent(ID,
                    new OrganisationNumber("556016-0680"), details("Kafé Kompassen AB", LegalForm.AKTIEBOLAG), ON, null);
            assertThat(json.writeValueAsString(company)).contains("\"name\":\"Kafé Kompassen AB\"");
            BusinessAdviceReceivedEvent advice = new BusinessAdviceReceivedEvent(ID, "SBR", new BigDecimal("2.50"), ON,
                    null);
            String stored = json.writeValueAsString(advice);
            assertThat(stored).contains("\"hours\":2.50");
            assertThat(json.readValue(stored, BusinessAdviceReceivedEvent.class).hours()).isEqualTo("2.50");
            assertThat(keys.state("enterprise:anna-frisor")).isInstanceOf(PersonalDataKeyStore.Absent.class);
        });
    }

    @Test
    void masksAPersonnummerInATextReadBackButLeavesEventIdsAlone() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            String stored = "{\"enterpriseId\":\"anna-frisor\",\"retractedEventId\":"
                    + "\"19850823-1233-4c1e-9a51-2f0e6d3b7a90\",\"retractedFact\":\"InvitedToIntegrationspaktenEvent\","
                    + "\"reason\":\"Fel person, 811218-9876\",\"occurredOn\":\"2022-03-01\"}";
            EnterpriseFactRetractedEvent read = json.readValue(stored, EnterpriseFactRetractedEvent.class);
            assertThat(read.reason()).isEqualTo("Fel person, " + PersonalIdentityNumbers.MASK);
            assertThat(read.retractedEventId()).isEqualTo("19850823-1233-4c1e-9a51-2f0e6d3b7a90");
        });
    }

    @Test
    void revealsTheStoredTreeForTheHistory() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        JsonNode tree = plain.readTree("{\"enterpriseId\":\"anna-frisor\",\"details\":{\"name\":{\"keyId\":"
                + "\"enterprise:anna-frisor\",\"ciphertext\":\"" + NameCipher.encrypt(keys.keyFor(
                "enterprise:anna-frisor"), "enterprise:anna-frisor", NAME) + "\"},\"legalForm\":\"ENSKILD_FIRMA\"},"
                + "\"note\":\"ring 811218-9876\"}");
        JsonNode copy = tree.deepCopy();
        protection.reveal(tree);
        assertThat(tree.at("/details/name").asText()).isEqualTo(NAME);
        assertThat(tree.at("/note").asText()).isEqualTo("ring " + PersonalIdentityNumbers.MASK);
        keys.destroy("enterprise:anna-frisor");
        protection.reveal(copy);
        assertThat(copy.at("/details/name").asText()).isEqualTo(PersonalNames.ERASED);
    }
}
