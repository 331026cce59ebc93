package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ASF register in a browser: the coordinator registers an enterprise, invites it to Integrationspakten and
 * records its membership through the forms (the level chosen from the list), sees them on the enterprise page and
 * finds it in the register by organisation number (with and without hyphen) and by name; refused forms show their
 * message at the field; a fact is retracted from the enterprise page; the committee reads the register but not an
 * enterprise's facts.
 */
class EnterprisePagesBrowserIT extends BrowserTest {

    @Test
    void theCoordinatorRegistersInvitesAndRecordsAMembershipThroughTheForms() throws Exception {
        String number = OrganisationNumbers.valid();
        String name = "Kafé Kompassen " + UUID.randomUUID().toString().substring(0, 8);
        signIn(COORDINATOR);

        // a wrong check digit is refused at the organisation number; nothing is registered
        open("/formular/enterprise-register");
        assertAccessible();
        screenshot("enterprise-register-form");
        fillRegistration(OrganisationNumbers.withWrongCheckDigit(number), name);
        submit();
        waitFor(By.id("felsammanfattning"));
        assertThat(text(By.id("felsammanfattning"))).contains("Inget registrerades");
        assertThat(browser.findElements(By.id("f-organisationNumber-fel"))).isNotEmpty();
        assertThat(text(By.id("f-organisationNumber-fel"))).isNotBlank();
        assertThat(browser.findElement(By.id("f-organisationNumber")).getAttribute("aria-invalid")).isEqualTo("true");
        assertAccessible();
        screenshot("enterprise-register-refused");

        fillRegistration(number, name);
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        assertThat(text(By.tagName("main"))).contains(name).contains("Ekonomisk förening");

        // found in the register by its number without the hyphen, then opened
        String enterpriseId = awaitInRegister(number.replace("-", ""), name);
        open("/foretag/" + enterpriseId);
        assertThat(text(By.tagName("h1"))).isEqualTo(name);
        assertThat(text(By.id("uppgifter"))).contains(number).contains("Ekonomisk förening").contains("Rinkeby-Kista")
                .contains("Ja, alla fyra kriterierna är uppfyllda");
        assertThat(text(By.id("integrationspakten"))).contains("Inte inbjuden");
        assertThat(browser.findElement(By.linkText("Historik: alla händelser för företaget")).getAttribute("href"))
                .endsWith("/granskning/historik/enterprise/" + enterpriseId);

        // the invitation, through the form linked from the enterprise page
        browser.findElement(By.linkText("Registrera en inbjudan till Integrationspakten")).click();
        assertThat(text(By.cssSelector("main .record-facts"))).contains(name).contains(number);
        fill(By.id("f-occurredOn"), "2024-02-01");
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");

        // the membership: a date in the future is refused in Swedish at the date; then recorded at a listed level
        open("/foretag/" + enterpriseId);
        browser.findElement(By.linkText("Registrera medlemskap i Integrationspakten")).click();
        Select level = new Select(waitFor(By.id("f-level")));
        assertThat(level.getOptions().stream().map(WebElement::getText).toList())
                .contains("Medlem", "Plusmedlem", "Jobbpartner");
        level.selectByVisibleText("Plusmedlem");
        fill(By.id("f-occurredOn"), "2099-01-01");
        submit();
        waitFor(By.id("felsammanfattning"));
        assertThat(text(By.id("f-occurredOn-fel"))).contains("Datumet ligger i framtiden");
        assertAccessible();
        screenshot("enterprise-membership-refused");
        new Select(browser.findElement(By.id("f-level"))).selectByVisibleText("Plusmedlem");
        fill(By.id("f-occurredOn"), "2024-03-01");
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        assertThat(text(By.tagName("main"))).contains("Plusmedlem");

        // the enterprise page shows both, in Swedish
        awaitPage("/foretag/" + enterpriseId, By.id("integrationspakten"), "Plusmedlem");
        assertThat(text(By.id("integrationspakten"))).contains("Medlem").contains("2024-03-01")
                .contains("2024-02-01");
        assertThat(text(By.id("uppgifter-historik"))).contains("Bjöds in till Integrationspakten")
                .contains("Gick med i Integrationspakten som Plusmedlem").contains("Registrerat som ekonomisk förening");
        assertAccessible();
        screenshot("enterprise-coordinator");

        // the register: by number with hyphen, by a part of the name, by its status and level
        open("/foretag?q=" + number);
        assertThat(registerRows()).singleElement().asString().contains(name).contains("Medlem").contains("Plusmedlem");
        open("/foretag?q=" + ("kompassen " + name.substring(name.length() - 8)).toUpperCase());
        assertThat(registerRows()).as(() -> text(By.tagName("main"))).singleElement().asString().contains(number);
        open("/foretag?q=" + number + "&status=medlem&niva=plusmedlem&asf=ja");
        assertThat(registerRows()).hasSize(1);
        open("/foretag?q=" + number + "&niva=jobbpartner");
        assertThat(browser.findElements(By.cssSelector("#register tbody tr"))).isEmpty();
        assertThat(text(By.tagName("main"))).contains("Inget företag i registret stämmer med sökningen");
        open("/foretag?q=" + number + "&asf=nej");
        assertThat(browser.findElements(By.cssSelector("#register tbody tr"))).isEmpty();
        open("/foretag");
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("Medlem");
        fill(By.id("q"), number);
        WebElement search = browser.findElement(By.cssSelector("form.filters button[type=submit]"));
        search.click();
        // the answer is a new page: read its rows, not the list the search was sent from
        awaitGone(search);
        assertThat(registerRows()).singleElement().asString().contains(name);
        assertAccessible();
        screenshot("enterprise-register-coordinator");

        // "correct this": the membership retracted from the enterprise page, with a reason
        open("/foretag/" + enterpriseId);
        browser.findElements(By.cssSelector("#uppgifter-historik tbody tr")).stream()
                .filter(row -> row.getText().contains("Gick med i Integrationspakten")).findFirst().orElseThrow()
                .findElement(By.partialLinkText("Dra tillbaka")).click();
        assertThat(browser.getCurrentUrl()).contains("/formular/enterprise-retraction").contains("eventId=");
        fill(By.id("f-reason"), "Registrerades på fel företag");
        assertAccessible();
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        awaitPage("/foretag/" + enterpriseId, By.id("integrationspakten"), "Inbjuden, inte medlem");
        assertThat(text(By.id("uppgifter-historik"))).contains("Registrerades på fel företag");
        assertThat(storedEvents(enterpriseId).stream().map(StoredEvent::simpleType).toList())
                .containsExactly("SocialEnterpriseRegisteredEvent", "InvitedToIntegrationspaktenEvent",
                        "JoinedIntegrationspaktenEvent", "EnterpriseFactRetractedEvent");
    }

    @Test
    void everyRoleReadsTheRegisterButOnlyCoordinatorAndAuditorAnEnterprise() throws Exception {
        String enterpriseId = "webb-asf-" + UUID.randomUUID().toString().substring(0, 8);
        String number = OrganisationNumbers.valid();
        String name = "Tvätteriet Tillsammans " + enterpriseId.substring(9);
        assertThat(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "%s", "legalForm": "AKTIEBOLAG_SVB",
                 "linesOfBusiness": ["tvätteri"], "municipality": "Stockholm", "district": "Skärholmen",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": false,
                              "independentOfPublicSector": true}, "occurredOn": "2023-05-02"}"""
                .formatted(enterpriseId, number, name)).getStatusCode().value()).isEqualTo(201);
        post(COORDINATOR, "/api/enterprises/" + enterpriseId + "/business-advice",
                "{\"provider\": \"Coompanion\", \"hours\": 2.5, \"occurredOn\": \"2023-06-01\"}");
        awaitResource(COORDINATOR, "/api/enterprises/" + enterpriseId,
                body -> body.get("facts").toString().contains("Coompanion"));

        signIn(COMMITTEE);
        open("/foretag?q=" + number);
        assertThat(registerRows()).singleElement().asString().contains(name).contains("Nej")
                .contains("Inte inbjuden");
        assertThat(browser.findElements(By.linkText(name))).as("the committee gets no link to the facts").isEmpty();
        assertThat(browser.findElements(By.linkText("Registrera ett nytt företag"))).isEmpty();
        assertAccessible();
        screenshot("enterprise-register-committee");
        open("/foretag/" + enterpriseId);
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
        assertThat(text(By.tagName("main"))).doesNotContain("Coompanion");

        signIn(AUDITOR);
        open("/foretag?q=" + number);
        assertAccessible();
        browser.findElement(By.linkText(name)).click();
        assertThat(text(By.tagName("h1"))).isEqualTo(name);
        assertThat(text(By.id("uppgifter"))).contains("Aktiebolag med särskild vinstutdelningsbegränsning")
                .contains("Nej, inte alla fyra kriterierna är uppfyllda");
        assertThat(text(By.id("uppgifter-historik"))).contains("Företagsrådgivning från Coompanion, 2,5 timmar");
        assertThat(browser.findElements(By.id("formular"))).as("the auditor gets no forms").isEmpty();
        assertThat(browser.findElements(By.partialLinkText("Dra tillbaka"))).isEmpty();
        assertAccessible();
        screenshot("enterprise-auditor");

        // the coordinator's details form opens filled in with the enterprise's details now
        signIn(COORDINATOR);
        open("/foretag/" + enterpriseId);
        browser.findElement(By.linkText("Ändra företagets uppgifter")).click();
        assertThat(browser.findElement(By.id("f-name")).getAttribute("value")).isEqualTo(name);
        assertThat(new Select(browser.findElement(By.id("f-legalForm"))).getFirstSelectedOption().getText())
                .isEqualTo("Aktiebolag med särskild vinstutdelningsbegränsning");
        assertThat(browser.findElement(By.id("f-district")).getAttribute("value")).isEqualTo("Skärholmen");
        assertThat(browser.findElement(By.id("f-criteria-integrationPurpose")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("f-criteria-profitsReinvested")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("f-linesOfBusiness")).getAttribute("value")).isEqualTo("tvätteri");
        browser.findElement(By.id("f-criteria-profitsReinvested")).click();
        fill(By.id("f-occurredOn"), "2023-09-01");
        assertAccessible();
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        awaitPage("/foretag/" + enterpriseId, By.id("uppgifter"), "Ja, alla fyra kriterierna är uppfyllda");

        // every enterprise form opens for it, as the coordinator
        List<String> links = browser.findElements(By.cssSelector("#formular a")).stream()
                .map(link -> link.getAttribute("href")).toList();
        assertThat(links).hasSize(11);
        for (String link : links) {
            browser.get(link);
            assertThat(text(By.cssSelector("main .record-facts"))).contains(name);
            assertThat(browser.findElements(By.cssSelector("main form[method=post]"))).hasSize(1);
            assertAccessible();
        }
        // a form opened without an enterprise lists them by name with organisation number
        open("/formular/enterprise-business-advice");
        assertThat(new Select(browser.findElement(By.id("v-enterpriseId"))).getOptions().stream()
                .map(WebElement::getText)).contains(name + " (" + number + ")");
    }

    private void fillRegistration(String number, String name) {
        fill(By.id("f-organisationNumber"), number);
        fill(By.id("f-name"), name);
        new Select(browser.findElement(By.id("f-legalForm"))).selectByVisibleText("Ekonomisk förening");
        fill(By.id("f-linesOfBusiness"), "café\ncatering");
        fill(By.id("f-municipality"), "Stockholm");
        fill(By.id("f-district"), "Rinkeby-Kista");
        for (String criterion : List.of("integrationPurpose", "employeeParticipation", "profitsReinvested",
                "independentOfPublicSector")) {
            WebElement box = browser.findElement(By.id("f-criteria-" + criterion));
            if (!box.isSelected()) {
                box.click();
            }
        }
        fill(By.id("f-occurredOn"), "2024-01-15");
    }

    private void submit() {
        browser.findElement(By.cssSelector("main form[method=post] button[type=submit]")).click();
    }

    private List<String> registerRows() {
        return browser.findElements(By.cssSelector("#register tbody tr")).stream().map(WebElement::getText).toList();
    }

    /** Searches the register until the enterprise is listed; returns its id from the link to it. */
    private String awaitInRegister(String search, String name) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            open("/foretag?q=" + search);
            return !browser.findElements(By.linkText(name)).isEmpty();
        });
        String href = browser.findElement(By.linkText(name)).getAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private void awaitPage(String path, By locator, String expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            open(path);
            return !browser.findElements(locator).isEmpty() && text(locator).contains(expected);
        });
    }
}
