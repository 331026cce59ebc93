package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandForms;
import se.asfplan.web.page.form.RuleTexts;

/**
 * The plan pages in a browser: the plan by area with its filters and late flags, an activity with what carried it
 * out (enterprise facts for staff only), recording an activity's start and progress through the forms, a goal refused
 * at its field, and every plan command of the API having a form.
 */
class PlanPagesBrowserIT extends BrowserTest {

    private final String plan = "plansidor-" + UUID.randomUUID().toString().substring(0, 8);
    private final String enterprise = "asf-plansidor-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private CommandForms forms;

    @Autowired
    private RuleTexts rules;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @BeforeAll
    void recordThePlan() {
        assertThat(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan för sidtest", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen", "reference": "KS 2024/1", "paragraph": "§ 4"},
                 "adoptedOn": "2024-01-10", "period": {"fromYear": 2024, "toYear": 2026},
                 "sections": [{"heading": "Syfte", "text": "Att främja sociala företag."}]}""".formatted(plan))
                .getStatusCode().value()).isEqualTo(201);
        post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverk", "name": "Nätverk", "number": 1, "occurredOn": "2024-01-10"}""");
        post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "upphandling", "name": "Upphandling", "number": 2, "occurredOn": "2024-01-10"}""");
        post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "traffar", "areaId": "natverk", "kind": "ACTIVITY", "title": "Nätverksträffar",
                 "responsibility": {"lead": "Arbetsmarknadsnämnden"}, "timeline": {"fromYear": 2024, "toYear": 2025},
                 "occurredOn": "2024-01-11"}""");
        post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "vagledning", "areaId": "natverk", "kind": "LARGER_STEP", "title": "Vägledning",
                 "responsibility": {"lead": "Socialnämnden", "coLeads": ["Arbetsmarknadsnämnden"],
                                    "involved": ["Stadsledningskontoret"]},
                 "timeline": {"fromYear": 2024, "toYear": 2026}, "occurredOn": "2024-01-11"}""");
        post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "reserverade", "areaId": "upphandling", "kind": "STEERING_POSSIBILITY",
                 "title": "Reserverade upphandlingar", "responsibility": {"allCommittees": true},
                 "occurredOn": "2024-01-11"}""");
        assertThat(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "Kaffekooperativet %s",
                 "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"], "municipality": "Testkommun",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "2024-01-15"}"""
                .formatted(enterprise, organisationNumber(), enterprise)).getStatusCode().value()).isEqualTo(201);
        assertThat(post(COORDINATOR, "/api/enterprises/" + enterprise + "/integrationspakten/invitations", """
                {"occurredOn": "2024-03-01", "carriesOut": {"planId": "%s", "activityId": "traffar"}}"""
                .formatted(plan)).getStatusCode().value()).isEqualTo(200);
        awaitResource(COORDINATOR, "/api/plans/" + plan + "/reports/activity-follow-up",
                body -> body.toString().contains("reserverade"));
        awaitResource(COORDINATOR, "/api/plans/" + plan + "/activities/traffar/facts",
                body -> body.get("enterpriseFacts").toString().contains(enterprise));
    }

    @Test
    void thePlanPageShowsEachAreaWithStatusLeadsAndLateFlagsAndFilters() throws Exception {
        signIn(COORDINATOR);
        open("/planer/" + plan);
        assertThat(text(By.tagName("h1"))).isEqualTo("Plan för sidtest");
        String main = text(By.tagName("main"));
        assertThat(main).contains("Testkommun").contains("2024–2026").contains("KS 2024/1")
                .contains("Område 1: Nätverk").contains("Område 2: Upphandling").contains("Syfte")
                .contains("Registrera i planen");
        // late at the end of this year: its timeline ended 2025 and it has not even started
        assertThat(row("traffar").getText()).contains("ej påbörjad").contains("försenad")
                .contains("Arbetsmarknadsnämnden").contains("2024–2025");
        assertThat(row("vagledning").getText()).contains("Socialnämnden; Arbetsmarknadsnämnden")
                .contains("gemensamt ansvar").doesNotContain("försenad");
        assertThat(row("reserverade").getText()).contains("samtliga nämnder").contains("löpande");
        assertThat(browser.findElement(By.linkText("Årsmål och utfall för planen")).getAttribute("href"))
                .endsWith("/planer/" + plan + "/mal");
        assertThat(browser.findElement(By.partialLinkText("Nämndens uppföljningsrapport för")).getAttribute("href"))
                .matches(".*/planer/" + plan + "/rapport/\\d{4}");
        assertAccessible();
        screenshot("plan-page");

        // filter by a lead party: a joint lead counts as a lead
        new Select(browser.findElement(By.id("filter-ansvarig"))).selectByValue("Socialnämnden");
        browser.findElement(By.cssSelector(".filters button[type=submit]")).click();
        waitFor(By.id("antal"));
        assertThat(activityRows()).containsExactly("vagledning");
        new Select(browser.findElement(By.id("filter-ansvarig"))).selectByValue("samtliga nämnder");
        browser.findElement(By.cssSelector(".filters button[type=submit]")).click();
        waitFor(By.id("antal"));
        assertThat(activityRows()).containsExactly("reserverade");
        assertAccessible();

        // only the late ones, this year and at the end of 2025 (when the timeline had not yet ended)
        open("/planer/" + plan + "?forsenade=ja");
        assertThat(activityRows()).containsExactly("traffar");
        assertThat(text(By.id("antal"))).contains("Visar 1 av");
        open("/planer/" + plan + "?forsenade=ja&ar=2025");
        assertThat(activityRows()).isEmpty();
        assertThat(text(By.id("antal"))).contains("0 försenade vid utgången av 2025");
        assertThat(text(By.tagName("main"))).contains("läget vid utgången av 2025");
        open("/planer/" + plan + "?omrade=upphandling&status=NOT_STARTED");
        assertThat(activityRows()).contains("reserverade").doesNotContain("traffar", "vagledning");
        open("/planer/" + plan + "?status=NONSENSE");
        assertThat(text(By.tagName("main"))).contains("Det finns ingen sådan status");
        assertThat(activityRows()).contains("traffar", "vagledning", "reserverade");

        open("/planer/finns-inte-" + UUID.randomUUID().toString().substring(0, 6));
        assertThat(text(By.tagName("h1"))).isEqualTo("Sidan finns inte");
    }

    @Test
    void theCoordinatorRecordsStartAndProgressThroughTheFormsAndSeesThemOnTheActivityPage() throws Exception {
        signIn(COORDINATOR);
        open("/planer/" + plan);
        row("vagledning").findElement(By.linkText("Vägledning")).click();
        waitFor(By.id("status"));
        assertThat(text(By.tagName("h1"))).isEqualTo("Vägledning");
        assertThat(text(By.id("status"))).contains("ej påbörjad");
        assertThat(browser.findElement(By.partialLinkText("Historik")).getAttribute("href"))
                .endsWith("/granskning/historik/plan/" + plan + "?aktivitet=vagledning");
        assertAccessible();

        // the responsibility form opens with the activity's lead as it stands
        browser.findElement(By.linkText("Ändra vem som ansvarar för aktiviteten")).click();
        assertThat(new Select(waitFor(By.id("f-responsibility-lead"))).getFirstSelectedOption().getText())
                .isEqualTo("Socialnämnden");
        browser.navigate().back();
        waitFor(By.id("status"));

        browser.findElement(By.linkText("Registrera att aktiviteten har startat")).click();
        waitFor(By.id("f-occurredOn"));
        assertThat(text(By.tagName("main"))).contains("Vägledning").contains("Plan för sidtest");
        fill(By.id("f-occurredOn"), "2024-03-01");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");

        open("/planer/" + plan + "/aktiviteter/vagledning");
        browser.findElement(By.linkText("Rapportera hur aktiviteten går")).click();
        waitFor(By.id("f-note"));
        fill(By.id("f-note"), "Två vägledningsträffar hållna");
        fill(By.id("f-occurredOn"), "2024-04-02");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            open("/planer/" + plan + "/aktiviteter/vagledning");
            assertThat(text(By.id("status"))).contains("pågår");
            assertThat(text(By.id("startad"))).isEqualTo("2024-03-01");
            assertThat(text(By.id("senaste-anteckning"))).contains("2024-04-02")
                    .contains("Två vägledningsträffar hållna");
        });
        assertAccessible();
        screenshot("plan-activity-page");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            open("/planer/" + plan + "?status=STARTED");
            assertThat(activityRows()).containsExactly("vagledning");
            assertThat(row("vagledning").getText()).contains("pågår").contains("2024-04-02")
                    .contains("Två vägledningsträffar hållna");
        });
        assertThat(storedEvents(plan).stream().map(StoredEvent::simpleType))
                .contains("ActivityStartedEvent", "ActivityProgressReportedEvent");
    }

    @Test
    void aGoalOutsideThePlanPeriodIsRefusedAtTheYearField() throws Exception {
        signIn(COORDINATOR);
        open("/formular/goal-set?planId=" + plan + "&activityId=traffar");
        waitFor(By.id("f-goalId"));
        assertThat(new Select(browser.findElement(By.id("f-activityId"))).getFirstSelectedOption().getText())
                .isEqualTo("Nätverksträffar");
        assertThat(new Select(browser.findElement(By.id("f-measure"))).getOptions().stream()
                .map(WebElement::getText)).contains("Antal ASF inbjudna till Integrationspakten under året");
        fill(By.id("f-goalId"), "inbjudna-2030");
        fill(By.id("f-year"), "2030");
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("COUNT");
        fill(By.id("f-indicator"), "Antal ASF inbjudna till Integrationspakten");
        new Select(browser.findElement(By.id("f-measure"))).selectByValue("INTEGRATIONSPAKTEN_INVITATIONS");
        new Select(browser.findElement(By.id("f-target-comparator"))).selectByValue("AT_LEAST");
        fill(By.id("f-target-value"), "5");
        fill(By.id("f-target-unit"), "st");
        fill(By.id("f-decision-body"), "Kommunstyrelsen");
        fill(By.id("f-occurredOn"), "2024-02-01");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(By.id("felsammanfattning"));
        assertThat(text(By.id("felsammanfattning"))).contains("Inget registrerades");
        String atTheField = text(By.id("f-year-fel"));
        assertThat(atTheField).isNotBlank();
        if (rules.has("goal-year-must-lie-within-plan-period")) {
            assertThat(atTheField).contains(rules.text("goal-year-must-lie-within-plan-period", ""));
        }
        assertAccessible();
        screenshot("plan-goal-refused");
        assertThat(storedEvents(plan).stream().filter(event -> event.simpleType().equals("GoalSetEvent"))).isEmpty();

        // the same form with a year of the plan records the goal
        fill(By.id("f-year"), "2025");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        assertThat(storedEvents(plan).stream().filter(event -> event.simpleType().equals("GoalSetEvent")))
                .hasSize(1);
    }

    @Test
    void enterpriseFactsAreShownToStaffAndOnlyCountedForCommittees() throws Exception {
        for (String user : List.of(COORDINATOR, AUDITOR)) {
            signIn(user);
            open("/planer/" + plan + "/aktiviteter/traffar");
            assertThat(text(By.tagName("main"))).contains("Kaffekooperativet " + enterprise).contains("försenad")
                    .contains("Inbjudet till Integrationspakten");
            assertThat(browser.findElements(By.partialLinkText("Historik"))).hasSize(1);
            assertThat(browser.findElements(By.linkText("Registrera att aktiviteten har startat")))
                    .hasSize(COORDINATOR.equals(user) ? 1 : 0);
            assertAccessible();
            open("/planer/" + plan);
            assertThat(browser.findElements(By.id("registrera"))).hasSize(COORDINATOR.equals(user) ? 1 : 0);
            assertAccessible();
            screenshot("plan-page-" + user);
        }
        signIn(COMMITTEE);
        open("/planer/" + plan + "/aktiviteter/traffar");
        assertThat(text(By.tagName("main"))).doesNotContain("Kaffekooperativet");
        // one fact of one enterprise: a count the committee reads as "<5" (ReadPolicy)
        assertThat(text(By.id("genomfort-antal"))).startsWith("<5 registrerade händelser hos <5 företag");
        assertThat(browser.findElements(By.partialLinkText("Historik"))).isEmpty();
        assertThat(browser.findElements(By.id("registrera"))).isEmpty();
        assertAccessible();
        screenshot("plan-activity-page-committee");
        open("/planer/" + plan);
        assertThat(row("traffar").getText()).contains("försenad");
        assertAccessible();
        screenshot("plan-page-committee");
        open("/planer/" + plan + "/aktiviteter/finns-inte");
        assertThat(text(By.tagName("h1"))).isEqualTo("Sidan finns inte");
    }

    @Test
    void aPlanFileIsImportedThroughItsUploadPageAndABadOneIsExplained() throws Exception {
        String imported = "planfil-" + UUID.randomUUID().toString().substring(0, 8);
        java.nio.file.Path good = java.nio.file.Files.createTempFile("plan", ".yaml");
        java.nio.file.Files.writeString(good, """
                format: action-plan/v1
                id: %s
                title: "Plan från fil"
                municipality: "Filby kommun"
                adopted:
                  "on": 2024-02-01
                  body: "Kommunfullmäktige"
                period:
                  from: 2024
                areas:
                  - id: samverkan
                    name: "Samverkan med sociala företag"
                """.formatted(imported));
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("plan", ".yaml");
        java.nio.file.Files.writeString(bad, """
                format: action-plan/v1
                id: %s-fel
                title: "Plan med fel"
                municipality: "Filby kommun"
                period:
                  from: 2024
                """.formatted(imported));

        signIn(COORDINATOR);
        open("/formular/planfil");
        assertThat(text(By.tagName("h1"))).isEqualTo("Läs in en plan från en planfil");
        assertAccessible();
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.id("felsammanfattning")).getText()).contains("Välj en planfil");

        browser.findElement(By.id("f-planfil")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        String problems = waitFor(By.id("felsammanfattning")).getText();
        assertThat(problems).contains("Inget registrerades").contains("adopted");
        assertAccessible();
        screenshot("plan-import-refused");
        assertThat(storedEvents(imported + "-fel")).isEmpty();

        browser.findElement(By.id("f-planfil")).sendKeys(good.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        assertThat(text(By.tagName("main"))).contains("Plan från fil").contains(imported);
        assertAccessible();
        assertThat(storedEvents(imported).stream().map(StoredEvent::simpleType)).contains("PlanAdoptedEvent");

        signIn(COMMITTEE);
        open("/formular/planfil");
        assertThat(text(By.tagName("h1"))).isEqualTo("Ingen behörighet");
    }

    @Test
    void everyPlanCommandOfTheApiHasAForm() {
        Set<String> commands = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                info.getPatternValues().stream().filter(path -> path.startsWith("/api/plans"))
                        .map(PlanPagesBrowserIT::shape).forEach(commands::add);
            }
        });
        // the plan file is uploaded on its own page, /formular/planfil (tested above)
        assertThat(commands.remove("/api/plans/import")).isTrue();
        Set<String> formed = forms.all().stream().map(CommandForm::apiPath).map(PlanPagesBrowserIT::shape)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(commands).isNotEmpty().hasSizeGreaterThan(15);
        assertThat(formed).containsAll(commands);

        // every refusal a plan form places at a field is a rule the plan (or every record) can break; the forms of
        // a plan's follow-up rounds (under /api/plans/{planId}/rounds) place the round's rules
        Set<String> known = new TreeSet<>();
        java.util.Arrays.stream(se.asfplan.domain.plan.PlanRule.values()).forEach(rule -> known.add(rule.code()));
        java.util.Arrays.stream(se.asfplan.domain.round.RoundRule.values()).forEach(rule -> known.add(rule.code()));
        java.util.Arrays.stream(se.asfplan.domain.shared.RecordRule.values())
                .forEach(rule -> known.add(rule.code()));
        forms.all().stream().filter(form -> form.apiPath().startsWith("/api/plans"))
                .flatMap(form -> form.fields().stream()).flatMap(field -> field.rules().stream())
                .forEach(code -> assertThat(known).as("rule code " + code).contains(code));
    }

    @Test
    void everyPlanFormOpensAccessiblyWithItsChoices() throws Exception {
        signIn(COORDINATOR);
        for (CommandForm form : forms.all()) {
            if (!form.apiPath().startsWith("/api/plans")) {
                continue;
            }
            StringBuilder path = new StringBuilder("/formular/" + form.id() + "?planId=" + plan);
            if (form.variables().contains("activityId")) {
                path.append("&activityId=traffar");
            }
            if (form.variables().contains("decisionId")) {
                path.append("&decisionId=adoption");
            }
            if (form.variables().contains("goalId")) {
                path.append("&goalId=ingen");
            }
            if (form.id().equals("plan-retraction")) {
                path.append("&eventId=").append(UUID.randomUUID());
            }
            open(path.toString());
            assertThat(text(By.tagName("h1"))).as(form.id()).isEqualTo(form.title());
            assertAccessible();
        }
        // an activity added through its form, with a joint lead and a timeline, is on the plan page
        open("/formular/activity-add?planId=" + plan);
        fill(By.id("f-activityId"), "radgivning");
        new Select(browser.findElement(By.id("f-areaId"))).selectByVisibleText("Område 2: Upphandling");
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("ACTIVITY");
        fill(By.id("f-title"), "Rådgivning om upphandling");
        new Select(browser.findElement(By.id("f-responsibility-lead"))).selectByValue("Stadsledningskontoret");
        browser.findElement(By.xpath("//fieldset[@id='f-responsibility-coLeads']//label[text()='Arbetsmarknadsnämnden']"))
                .click();
        fill(By.id("f-timeline-fromYear"), "2025");
        fill(By.id("f-timeline-toYear"), "2026");
        fill(By.id("f-occurredOn"), "2025-01-02");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".confirmation")).getText()).contains("Registrerat");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            open("/planer/" + plan + "?omrade=upphandling");
            assertThat(activityRows()).contains("radgivning");
            assertThat(row("radgivning").getText()).contains("Stadsledningskontoret; Arbetsmarknadsnämnden")
                    .contains("2025–2026").contains("ej påbörjad");
        });

        open("/formular/activity-responsibility?planId=" + plan + "&activityId=traffar");
        assertThat(new Select(browser.findElement(By.id("f-responsibility-lead"))).getOptions().stream()
                .map(WebElement::getText)).contains("Arbetsmarknadsnämnden", "Socialnämnden");
        screenshot("plan-form-responsibility");
        String eventId = UUID.randomUUID().toString();
        open("/formular/plan-retraction?planId=" + plan + "&eventId=" + eventId);
        assertThat(browser.findElement(By.cssSelector("input[type=hidden][name=eventId]")).getAttribute("value"))
                .isEqualTo(eventId);
        fill(By.id("f-reason"), "Registrerad på fel plan");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.id("felsammanfattning")).getText()).contains("Inget registrerades");
    }

    private WebElement row(String activityId) {
        return browser.findElement(By.cssSelector("tr[data-activity='" + activityId + "']"));
    }

    private List<String> activityRows() {
        return browser.findElements(By.cssSelector("tr[data-activity]")).stream()
                .map(row -> row.getAttribute("data-activity")).toList();
    }

    private static String shape(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    /** A fresh organisation number of a legal person with a correct Luhn digit. */
    private static String organisationNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("55").append(2 + random.nextInt(8));
        while (digits.length() < 9) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        digits.append((10 - sum % 10) % 10);
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }
}
