package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import se.asfplan.web.page.form.RuleTexts;

/**
 * The procurement pages and forms in a browser: the coordinator takes a procurement reserved under LOU 4 kap. 18 §
 * from planned through announcement, the decision on lots and a tender to the award, through the forms alone, and
 * sees every step on its page; refused steps (an award before the announcement, a share below 30 %, a second award,
 * a date in the future) stand at their field in Swedish and record nothing; a tender is retracted from the page. The
 * auditor reads the same pages without forms; a committee gets 403.
 */
class ProcurementPagesBrowserIT extends BrowserTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String authority = "Arbetsmarknadsnämnden " + suffix;
    private final String plan = "webb-upph-" + suffix;
    private final String asf = "Städkooperativet " + suffix;
    private final String asfNumber = PagesTestData.organisationNumber();
    private final String subject = "Städning av lokaler " + suffix;

    @Autowired
    private RuleTexts rules;

    @BeforeAll
    void data() {
        assertThat(post(COORDINATOR, "/api/parties", PagesTestData.party("amn-" + suffix, authority))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Upphandlingsplanen %s", "municipality": "Stockholm",
                 "adoption": {"body": "Kommunfullmäktige"}, "adoptedOn": "2023-01-10",
                 "period": {"fromYear": 2023, "toYear": 2026}}""".formatted(plan, suffix)).getStatusCode().value())
                .isEqualTo(201);
        post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "inkop", "name": "Inköp och upphandling", "occurredOn": "2023-01-10"}""");
        post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "reserverad-upphandling", "areaId": "inkop", "kind": "ACTIVITY",
                 "title": "Minst en reserverad upphandling per år", "responsibility": {"lead": "Arbetsmarknadsnämnden"},
                 "occurredOn": "2023-01-11"}""");
        assertThat(post(COORDINATOR, "/api/enterprises", PagesTestData.enterprise("stadkoop-" + suffix, asfNumber,
                asf)).getStatusCode().value()).isEqualTo(201);
        awaitResource(COORDINATOR, "/api/plans/" + plan, body -> body.toString().contains("reserverad-upphandling"));
        awaitResource(COORDINATOR, "/api/enterprises/stadkoop-" + suffix, body -> asfNumber.equals(
                body.get("organisationNumber")));
    }

    @Test
    void aReservedProcurementFromStartToAwardThroughTheForms() throws Exception {
        signIn(COORDINATOR);

        // begun as planned, reserved under 4:18, carrying out the plan's activity
        open("/formular/procurement-begin");
        assertAccessible();
        new Select(browser.findElement(By.id("f-stage"))).selectByValue("PLANNED");
        new Select(browser.findElement(By.id("f-authority"))).selectByValue(authority);
        fill(By.id("f-subject"), subject);
        fill(By.id("f-cpvCodes"), "90910000-9");
        new Select(browser.findElement(By.id("f-procedure"))).selectByValue("RESERVED_FOR_EMPLOYMENT");
        fill(By.id("f-occurredOn"), "2024-02-01");
        new Select(browser.findElement(By.id("f-carriesOut-planId"))).selectByValue(plan);
        new Select(browser.findElement(By.id("f-carriesOut-activityId"))).selectByValue("reserverad-upphandling");
        screenshot("procurement-form-begin");
        submit();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");

        // found in the list, filtered by procedure, authority and year; not under another status
        String filter = "/upphandlingar?procedure=RESERVED_FOR_EMPLOYMENT&authority="
                + java.net.URLEncoder.encode(authority, java.nio.charset.StandardCharsets.UTF_8) + "&year=2024";
        openUntil(filter, page -> page.contains(subject));
        assertThat(text(By.id("upphandlingar"))).contains(subject).contains("Planerad");
        assertAccessible();
        screenshot("procurements-coordinator");
        open(filter.replace("year=2024", "year=2024&status=CANCELLED"));
        assertThat(text(By.tagName("main"))).doesNotContain(subject).contains("Ingen upphandling stämmer");
        openUntil(filter, page -> page.contains(subject));
        browser.findElement(By.linkText(subject)).click();
        waitFor(By.id("forlopp"));
        String page = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        String procurementId = page.substring("/upphandlingar/".length());
        assertThat(text(By.id("uppgifter"))).contains(authority).contains("LOU 4 kap. 18 §").contains("90910000-9");
        assertThat(text(By.id("aktiviteter"))).contains("Minst en reserverad upphandling per år");

        // an award before the announcement is refused at its date, in the rule's words, and records nothing
        form("Registrera tilldelning till ett registrerat företag");
        awardFields("40", "2024-04-15");
        submit();
        assertRefusedAt("f-occurredOn", "procurement-must-be-announced-first");
        assertAccessible();
        screenshot("procurement-form-refused");

        // announced, from the procurement's own link (prefilled with it and its activity)
        open(page);
        form("Registrera att den har annonserats");
        assertThat(new Select(browser.findElement(By.id("f-carriesOut-activityId"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("reserverad-upphandling");
        fill(By.id("f-occurredOn"), "2099-01-01");
        submit();
        assertThat(waitFor(By.id("f-occurredOn-fel")).getText()).contains("Datumet ligger i framtiden");
        fill(By.id("f-occurredOn"), "2024-03-01");
        submit();
        confirmed();

        // not divided, with the reason LOU 4 kap. 15 § asks for
        openUntil(page, text -> !text.contains("Inte annonserad"));
        form("Registrera beslutet att inte dela upp kontraktet");
        fill(By.id("f-reason"), "Lokalerna ligger i samma byggnad och städas bäst av en leverantör.");
        fill(By.id("f-occurredOn"), "2024-03-05");
        submit();
        confirmed();

        // a tender from the register's ASF, chosen by name
        open(page);
        form("Registrera ett anbud från ett registrerat företag");
        Select supplier = new Select(browser.findElement(By.id("f-supplier-organisationNumber")));
        supplier.getOptions().stream().filter(option -> option.getText().startsWith(asf)).findFirst()
                .orElseThrow().click();
        fill(By.id("f-occurredOn"), "2024-03-20");
        submit();
        confirmed();

        // the award: a share below 30 % is refused at the share, citing LOU 4 kap. 18 §
        open(page);
        form("Registrera tilldelning till ett registrerat företag");
        awardFields("25", "2024-04-15");
        submit();
        assertRefusedAt("f-employment-sharePercent", "employment-reservation-requires-thirty-percent");
        assertThat(text(By.id("f-employment-sharePercent-fel"))).contains("LOU 4 kap. 18 §");
        assertThat(storedEvents(procurementId).stream().map(StoredEvent::simpleType))
                .doesNotContain("ContractAwardedEvent");
        fill(By.id("f-employment-sharePercent"), "42,5");
        submit();
        confirmed();
        assertThat(text(By.tagName("main"))).contains("1 250 000").contains("ContractAwardedEvent");

        // a second award is refused at its date
        open(page);
        form("Registrera tilldelning till ett registrerat företag");
        awardFields("50", "2024-04-20");
        submit();
        assertRefusedAt("f-occurredOn", "contract-can-be-awarded-once");
        assertThat(storedEvents(procurementId).stream().filter(event -> event.simpleType()
                .equals("ContractAwardedEvent"))).hasSize(1);

        // every step on its page
        openUntil(page, text -> text.contains("Kontrakt tilldelat"));
        assertThat(text(By.cssSelector("main .status"))).isEqualTo("Tilldelad");
        assertThat(text(By.id("delkontrakt"))).contains("Nej, kontraktet delas inte upp")
                .contains("Lokalerna ligger i samma byggnad").contains("2024-03-05");
        assertThat(text(By.id("anbud"))).contains(asf).contains(asfNumber).contains("Ja").contains("2024-03-20");
        assertThat(text(By.id("tilldelning"))).contains(asf).contains("1 250 000,00 kr").contains("42,5 %")
                .contains("2024-05-01 – 2026-04-30").contains("Dnr 2024/17").contains("2024-04-15");
        assertThat(text(By.id("forlopp"))).contains("Planerad").contains("Annonserad")
                .contains("Beslut att inte dela upp i delkontrakt").contains("Anbud mottaget")
                .contains("Kontrakt tilldelat").contains("Minst en reserverad upphandling per år");
        assertThat(browser.findElement(By.linkText("Historik: alla registrerade händelser för upphandlingen"))
                .getAttribute("href")).endsWith("/granskning/historik/procurement/" + procurementId);
        assertThat(browser.findElement(By.linkText("Minst en reserverad upphandling per år (Upphandlingsplanen "
                + suffix + ")")).getAttribute("href")).endsWith("/planer/" + plan + "/aktiviteter/reserverad-upphandling");
        assertAccessible();
        screenshot("procurement-coordinator");

        // the tender, recorded in error, is retracted from its row
        browser.findElement(By.cssSelector("#forlopp tbody tr:nth-child(4) a[href*='procurement-retraction']"))
                .click();
        waitFor(By.id("f-reason"));
        assertThat(text(By.tagName("main"))).contains("Händelse som återkallas");
        fill(By.id("f-reason"), "Anbudet kom till en annan upphandling.");
        assertAccessible();
        submit();
        confirmed();
        openUntil(page, text -> text.contains("Uppgift återkallad"));
        assertThat(text(By.id("anbud"))).contains("Inga anbud är registrerade");

        // the auditor reads it all, without forms; the list too
        signIn(AUDITOR);
        open(page);
        assertThat(text(By.id("tilldelning"))).contains("1 250 000,00 kr");
        assertThat(browser.findElements(By.id("formular"))).isEmpty();
        assertThat(text(By.id("forlopp"))).doesNotContain("Återkalla");
        assertAccessible();
        screenshot("procurement-auditor");
        open("/upphandlingar?status=AWARDED");
        WebElement row = browser.findElement(By.xpath("//table[@id='upphandlingar']//tr[.//a[normalize-space()='"
                + subject + "']]"));
        assertThat(row.getText()).contains(authority).contains("Tilldelad").contains(asf + " (" + asfNumber + ")")
                .contains("ASF").contains("1 250 000,00 kr");
        assertThat(browser.findElements(By.linkText("Registrera en ny upphandling"))).isEmpty();
        assertAccessible();
        screenshot("procurements-auditor");

        // a committee reads no procurement
        signIn(COMMITTEE);
        for (String path : new String[] {"/upphandlingar", page}) {
            open(path);
            assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
            assertThat(text(By.tagName("main"))).doesNotContain(subject);
        }
    }

    @Test
    void anOrdinaryProcurementWithSuppliersOutsideTheRegisterIsCompletedEvaluatedOrCancelled() throws Exception {
        String ordinary = "Fönsterputs " + suffix;
        String outside = PagesTestData.organisationNumber();
        signIn(COORDINATOR);
        open("/formular/procurement-begin");
        new Select(browser.findElement(By.id("f-stage"))).selectByValue("ANNOUNCED");
        new Select(browser.findElement(By.id("f-authority"))).selectByValue(authority);
        fill(By.id("f-subject"), ordinary);
        fill(By.id("f-cpvCodes"), "90911300-9\n90910000-9");
        new Select(browser.findElement(By.id("f-procedure"))).selectByValue("ORDINARY");
        fill(By.id("f-occurredOn"), "2023-09-01");
        submit();
        confirmed();
        openUntil("/upphandlingar?year=2023", text -> text.contains(ordinary));
        browser.findElement(By.linkText(ordinary)).click();
        waitFor(By.id("forlopp"));
        String page = browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");

        form("Registrera uppdelning i delkontrakt");
        fill(By.id("f-numberOfLots"), "3");
        new Select(browser.findElement(By.id("f-bidsMayCover"))).selectByValue("SEVERAL");
        fill(By.id("f-occurredOn"), "2023-09-05");
        submit();
        confirmed();
        open(page);
        form("Registrera ett anbud från en leverantör utanför registret");
        browser.findElement(By.id("f-supplier-soleTrader")).click();
        fill(By.id("f-occurredOn"), "2023-10-01");
        submit();
        confirmed();
        open(page);
        form("Registrera tilldelning till en leverantör utanför registret");
        fill(By.id("f-supplier-organisationNumber"), outside);
        fill(By.id("f-value"), "98000,5");
        fill(By.id("f-contractPeriod-from"), "2024-01-01");
        fill(By.id("f-contractPeriod-to"), "2024-12-31");
        fill(By.id("f-occurredOn"), "2023-11-01");
        submit();
        confirmed();
        open(page);
        form("Registrera att den är avslutad");
        fill(By.id("f-occurredOn"), "2024-12-31");
        submit();
        confirmed();
        open(page);
        form("Registrera en utvärdering");
        fill(By.id("f-text"), "Fönstren blev rena; leverantören höll tiderna.");
        fill(By.id("f-occurredOn"), "2025-01-15");
        submit();
        confirmed();

        openUntil(page, text -> text.contains("Fönstren blev rena"));
        assertThat(text(By.cssSelector("main .status"))).isEqualTo("Avslutad");
        assertThat(text(By.id("uppgifter"))).contains("Ingen reservation").contains("90911300-9, 90910000-9")
                .contains("2023-09-01").contains("2024-12-31");
        assertThat(text(By.id("delkontrakt"))).contains("3 delkontrakt")
                .contains("Anbud får lämnas på flera delkontrakt");
        assertThat(text(By.id("anbud"))).contains("Enskild firma").contains("Nej");
        assertThat(text(By.id("tilldelning"))).contains("Ej i ASF-registret").contains(outside)
                .contains("98 000,50 kr").contains("Nej");
        assertThat(text(By.id("forlopp"))).contains("Uppdelad i delkontrakt").contains("Avslutad")
                .contains("Utvärderad");
        assertAccessible();
        screenshot("procurement-completed");

        // another, cancelled with its reason
        String cancelled = "Catering " + suffix;
        assertThat(post(COORDINATOR, "/api/procurements", """
                {"procurementId": "catering-%s", "stage": "ANNOUNCED", "authority": "%s", "subject": "%s",
                 "cpvCodes": ["55520000-1"], "procedure": "ORDINARY", "occurredOn": "2024-06-01"}"""
                .formatted(suffix, authority, cancelled)).getStatusCode().value()).isEqualTo(201);
        open("/formular/procurement-cancellation?procurementId=catering-" + suffix);
        fill(By.id("f-reason"), "Inga anbud kom in.");
        fill(By.id("f-occurredOn"), "2024-07-01");
        submit();
        confirmed();
        openUntil("/upphandlingar/catering-" + suffix, text -> text.contains("Inga anbud kom in."));
        assertThat(text(By.cssSelector("main .status"))).isEqualTo("Avbruten");
        assertThat(text(By.id("uppgifter"))).contains("2024-07-01: Inga anbud kom in.");
        assertAccessible();
    }

    @Test
    void anUnknownProcurementIsNotFoundInSwedish() {
        signIn(AUDITOR);
        open("/upphandlingar/finns-inte-" + suffix);
        assertThat(text(By.tagName("main"))).contains("Ingen upphandling med det id:t är registrerad.");
    }

    private void awardFields(String share, String awardedOn) {
        Select supplier = new Select(browser.findElement(By.id("f-supplier-organisationNumber")));
        supplier.getOptions().stream().filter(option -> option.getText().startsWith(asf)).findFirst()
                .orElseThrow().click();
        fill(By.id("f-value"), "1 250 000");
        fill(By.id("f-contractPeriod-from"), "2024-05-01");
        fill(By.id("f-contractPeriod-to"), "2026-04-30");
        fill(By.id("f-employment-sharePercent"), share);
        fill(By.id("f-employment-tenderDate"), "2024-03-20");
        fill(By.id("f-employment-evidenceReference"), "Dnr 2024/17");
        fill(By.id("f-occurredOn"), awardedOn);
    }

    /** The rule's refusal stands at the field (in its Swedish words where the rule has them) and in the summary. */
    private void assertRefusedAt(String inputId, String rule) {
        assertThat(waitFor(By.id("felsammanfattning")).getText()).contains("Inget registrerades");
        String error = text(By.id(inputId + "-fel"));
        assertThat(error).isNotBlank();
        if (rules.has(rule)) {
            assertThat(error).contains(rules.text(rule, ""));
        }
        assertThat(browser.findElement(By.cssSelector("#felsammanfattning a[href='#" + inputId + "']"))
                .getText()).contains(error.replaceFirst("^Fel:\\s*", ""));
    }

    private void form(String linkText) {
        browser.findElement(By.linkText(linkText)).click();
        waitFor(By.cssSelector("main form[method=post]"));
    }

    private void submit() {
        WebElement button = browser.findElement(By.cssSelector("main form[method=post] button[type=submit]"));
        button.click();
        // the answer is a new page: wait until the one sent is gone, then for its confirmation or refusal
        awaitGone(button);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !driver.findElements(
                By.cssSelector(".confirmation, #felsammanfattning")).isEmpty());
    }

    private void confirmed() {
        WebElement confirmation = browser.findElements(By.cssSelector(".confirmation")).stream().findFirst()
                .orElseThrow(() -> new AssertionError("refused: " + text(By.tagName("main"))));
        assertThat(confirmation.getText()).contains("Registrerat");
    }

    /** Opens the page until its main content satisfies the condition (the read models follow the events). */
    private void openUntil(String path, Predicate<String> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            open(path);
            try {
                return condition.test(text(By.tagName("main")));
            } catch (NoSuchElementException e) {
                return false;
            }
        });
    }
}
