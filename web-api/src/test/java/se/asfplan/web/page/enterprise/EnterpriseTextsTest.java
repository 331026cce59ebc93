package se.asfplan.web.page.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.enterprise.IntegrationspaktenLevels;
import se.asfplan.web.page.enterprise.RegisterEntry.IntegrationspaktenStatus;

/** The register's facts in Swedish, and the register search by name and organisation number. */
class EnterpriseTextsTest {

    private final EnterpriseTexts texts = new EnterpriseTexts(levels());

    private static IntegrationspaktenLevels levels() {
        Map<IntegrationspaktenLevel, String> names = new LinkedHashMap<>();
        names.put(new IntegrationspaktenLevel("member"), "Medlem");
        names.put(new IntegrationspaktenLevel("plusmedlem"), "Plusmedlem");
        return new IntegrationspaktenLevels(names);
    }

    @Test
    void saysEveryFactOfTheReadModelInSwedish() {
        assertThat(texts.summary("SocialEnterpriseRegistered", "Registered as ekonomisk förening; counts as ASF"))
                .isEqualTo("Registrerat som ekonomisk förening; räknas som ASF");
        assertThat(texts.summary("SocialEnterpriseDetailsChanged",
                "Details changed; does not count as ASF (not all four criteria met)"))
                .isEqualTo("Uppgifterna ändrades; räknas inte som ASF (inte alla fyra kriterierna uppfyllda)");
        assertThat(texts.summary("JoinedIntegrationspakten", "Joined Integrationspakten at level plusmedlem"))
                .isEqualTo("Gick med i Integrationspakten som Plusmedlem");
        assertThat(texts.summary("IntegrationspaktenLevelChanged",
                "Integrationspakten level changed from member to plusmedlem"))
                .isEqualTo("Nivån i Integrationspakten ändrades från Medlem till Plusmedlem");
        assertThat(texts.summary("BusinessAdviceReceived", "Business advice from Coompanion, 2.50 hours"))
                .isEqualTo("Företagsrådgivning från Coompanion, 2,50 timmar");
        assertThat(texts.summary("EventParticipationRecorded", "Took part in a tender school: Anbudsskola 2024"))
                .isEqualTo("Deltog i en anbudsskola: Anbudsskola 2024");
        assertThat(texts.summary("InvitedToBusinessDialogue", "Invited to a business dialogue"))
                .isEqualTo("Bjöds in till en företagsdialog");
        assertThat(texts.summary("SocialEnterpriseClosed", "Closed: Konkurs")).isEqualTo("Lades ned: Konkurs");
        assertThat(texts.summary("EnterpriseFactRetracted",
                "Retracted JoinedIntegrationspakten (abc-123): Fel företag"))
                .isEqualTo("Drog tillbaka medlemskap i Integrationspakten: Fel företag");
        assertThat(texts.factName("InvitedToReferenceGroup")).isEqualTo("Inbjudan till referensgruppen");
        assertThat(texts.levelName("jobbpartner")).as("a level no longer configured reads as its code")
                .isEqualTo("jobbpartner");
    }

    @Test
    void findsAnEnterpriseByItsNumberWithOrWithoutHyphenOrByWordsOfItsName() {
        RegisterEntry entry = new RegisterEntry("kompassen", "Kafé Kompassen", "556677-8899", "Stockholm", null, true,
                false, IntegrationspaktenStatus.NOT_INVITED, null, null, null);
        assertThat(entry.matches("556677-8899")).isTrue();
        assertThat(entry.matches("5566778899")).isTrue();
        assertThat(entry.matches("7788")).isTrue();
        assertThat(entry.matches("1234")).isFalse();
        assertThat(entry.matches("kompassen KAFÉ")).isTrue();
        assertThat(entry.matches("kafé stjärnan")).isFalse();
        assertThat(entry.matches(" ")).isTrue();
        RegisterEntry soleTrader = new RegisterEntry("ensam", "Ensam firma", null, "Stockholm", null, true, false,
                IntegrationspaktenStatus.NOT_INVITED, null, null, null);
        assertThat(soleTrader.matches("5566")).isFalse();
        RegisterEntry digitsInName = new RegisterEntry("kafe-2024", "Kafé 2024", "556677-8899", "Stockholm", null,
                true, false, IntegrationspaktenStatus.NOT_INVITED, null, null, null);
        assertThat(digitsInName.matches("2024")).as("digits in the name").isTrue();
        assertThat(digitsInName.matches("7788")).as("digits in the number").isTrue();
        assertThat(entry.place()).isEqualTo("Stockholm");
    }
}
