package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.asfplan.web.browser.BrowserTest;
import se.asfplan.web.security.TestIssuer.Person;

/**
 * The pages' sign-in at the organisation's provider ({@link TestIssuer}) in a real browser: the sign-in page's button,
 * the round trip through the provider, the start page as the signed-in person, sign-out; and the pages' Swedish
 * messages, each checked with axe-core.
 */
@DirtiesContext
class OidcSignInBrowserIT extends BrowserTest {

    private static final TestIssuer PROVIDER = new TestIssuer();

    @DynamicPropertySource
    static void oidcMode(DynamicPropertyRegistry registry) throws SQLException {
        OidcMode.configure(registry, "_oidc_browser", PROVIDER.jwkSetUri(), PROVIDER.issuer());
        registry.add("tracker.security.oidc.client-secret", () -> TestIssuer.CLIENT_SECRET);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void signsInWithTheOrganisationsAccountAndOut() throws Exception {
        browser.manage().deleteAllCookies();
        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/logga-in");
        assertThat(browser.findElements(By.id("password"))).as("no password form in the oidc mode").isEmpty();
        assertThat(text(By.tagName("main"))).contains("Logga in med organisationens konto");
        assertAccessible();
        screenshot("sign-in-oidc");

        PROVIDER.signInNext(new Person("anna.samordnare", List.of("asf-samordnare"), false));
        browser.findElement(By.linkText("Logga in med organisationens konto")).click();
        assertThat(waitFor(By.cssSelector(".site-user")).getText()).contains("anna.samordnare");
        assertThat(browser.getCurrentUrl()).doesNotContain("logga-in");
        assertThat(text(By.tagName("main"))).contains("Handlingsplaner");
        assertAccessible();
        assertThat(PROVIDER.authorizationRequests.get(PROVIDER.authorizationRequests.size() - 1)
                .get("code_challenge_method")).isEqualTo("S256");

        open("/formular");
        assertThat(text(By.tagName("h1"))).isNotBlank();
        assertThat(browser.getCurrentUrl()).endsWith("/formular");

        browser.findElement(By.cssSelector(".site-user form button")).click();
        assertThat(waitFor(By.cssSelector("p.notice")).getText()).contains("Du är utloggad");
        open("/");
        assertThat(browser.getCurrentUrl()).endsWith("/logga-in");
    }

    @Test
    void aPersonWithoutARoleIsToldWhyInSwedish() throws Exception {
        browser.manage().deleteAllCookies();
        PROVIDER.signInNext(new Person("otto.okand", List.of("offline_access"), false));
        open("/logga-in");
        browser.findElement(By.linkText("Logga in med organisationens konto")).click();
        assertThat(waitFor(By.id("fel")).getText()).contains("Inloggningen misslyckades", "ingen roll i ASF-planen");
        assertThat(browser.findElements(By.cssSelector(".site-user"))).isEmpty();
        assertAccessible();
        screenshot("sign-in-oidc-no-role");
    }
}
