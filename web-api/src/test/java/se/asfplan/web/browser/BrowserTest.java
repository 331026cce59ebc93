package se.asfplan.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Pages in a real browser: Debian's headless chromium through chromedriver, against the application on the
 * PostgreSQL test database. {@link #signIn} signs in through the sign-in page, {@link #assertAccessible()} runs
 * axe-core on the page and fails on any serious or critical violation, {@link #screenshot} saves the page under
 * {@code target/screenshots/} as a test artefact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends PostgresApiTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver",
            "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    protected int port;

    protected WebDriver browser;

    @BeforeAll
    void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("the browser tests need Debian's chromium (apt-get install chromium "
                + "chromium-driver); ./test installs it when run as root").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--lang=sv-SE",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    /** Signs out whoever is signed in, then signs in through the sign-in page as {@code user} (password = name). */
    protected void signIn(String user) {
        browser.manage().deleteAllCookies();
        open("/logga-in");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.cssSelector(".site-user"));
    }

    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Sets an input's value as a person would leave it: typed into a text field, or, for a date field (whose typing
     * order depends on the browser's locale), set to the ISO date the browser sends.
     */
    protected void fill(By locator, String value) {
        WebElement input = browser.findElement(locator);
        if ("date".equals(input.getAttribute("type"))) {
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                    input, value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
    }

    /**
     * Sends the page's command form and waits for the answer page: the page sent must be gone first (a refusal
     * page looks like the form it replaces), then its confirmation or its error summary is there.
     */
    protected void send() {
        WebElement button = browser.findElement(By.cssSelector("main form[method=post] button[type=submit]"));
        button.click();
        awaitGone(button);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !driver.findElements(
                By.cssSelector(".confirmation, #felsammanfattning")).isEmpty());
    }

    /**
     * Waits until the element's page is replaced. Selenium's {@code stalenessOf} knows only its own stale-element
     * exception; chromium answers an element of a page just being replaced with "Node with given id does not belong
     * to the document", which means the same.
     */
    protected void awaitGone(WebElement element) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    protected String text(By locator) {
        return browser.findElement(locator).getText();
    }

    /** axe-core finds no serious or critical violation of WCAG 2.1 A/AA on the open page. */
    protected void assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious).as(() -> browser.getCurrentUrl() + ": " + serious.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
    }

    /** Saves the page as {@code target/screenshots/<name>.png}. */
    protected Path screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
