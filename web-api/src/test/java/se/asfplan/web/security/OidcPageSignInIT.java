package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.asfplan.web.security.TestIssuer.Person;
import se.asfplan.web.support.PostgresApiTest;

/**
 * The web pages in the {@code oidc} mode sign in at the provider (authorization code flow with PKCE), here a
 * {@link TestIssuer} on a loopback port whose token endpoint redeems a code only with the verifier matching the
 * challenge, so that a sign-in without PKCE fails. The client is confidential (it has a secret): PKCE is used all
 * the same. A plain HTTP client stands in for the browser, keeping the cookies and following each redirect by hand.
 * The API in the same application keeps taking bearer tokens only, never the pages' session cookie.
 */
@DirtiesContext
class OidcPageSignInIT extends PostgresApiTest {

    private static final TestIssuer PROVIDER = new TestIssuer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void oidcMode(DynamicPropertyRegistry registry) throws SQLException {
        OidcMode.configure(registry, "_oidc_pages", PROVIDER.jwkSetUri(), PROVIDER.issuer());
        registry.add("tracker.security.oidc.client-secret", () -> TestIssuer.CLIENT_SECRET);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void aCoordinatorSignsInAtTheProviderWithPkceAndRecordsUnderTheSameNameAsTheApi() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get("/");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(location(start)).endsWith("/logga-in");

        HttpResponse<String> signInPage = browser.get("/logga-in");
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.body()).contains("Logga in med organisationens konto",
                "href=\"/logga-in/oidc/organisation\"").doesNotContain("type=\"password\"");

        PROVIDER.signInNext(new Person("anna.samordnare", List.of("asf-samordnare", "offline_access"), false));
        int tokenRequests = PROVIDER.tokenRequests.size();
        HttpResponse<String> signedIn = browser.signInAtProvider();
        assertThat(location(signedIn)).as("back where the person set out").startsWith(app("/"))
                .doesNotContain("logga-in");

        // the provider saw PKCE (S256) and redeemed the code only with the matching verifier
        TestIssuer.AuthorizationRequest authorization = last(PROVIDER.authorizationRequests);
        assertThat(authorization.get("code_challenge_method")).isEqualTo("S256");
        assertThat(authorization.get("scope")).contains("openid");
        assertThat(authorization.get("nonce")).isNotBlank();
        assertThat(PROVIDER.tokenRequests).hasSize(tokenRequests + 1);
        TestIssuer.TokenRequest token = last(PROVIDER.tokenRequests);
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.challenge()).isEqualTo(authorization.get("code_challenge"));
        assertThat(TestIssuer.s256(token.parameters().get("code_verifier"))).isEqualTo(token.challenge());

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("anna.samordnare", "Handlingsplaner");
        assertThat(browser.get("/formular").statusCode()).as("the coordinator's forms").isEqualTo(200);

        // the API in the same application: a bearer token works, the page session's cookie does not
        String accessToken = last(PROVIDER.accessTokens);
        assertThat(api("GET", "/api/plans", "Bearer " + accessToken, null).statusCode()).isEqualTo(200);
        HttpResponse<String> withCookie = browser.get("/api/plans");
        assertThat(withCookie.statusCode()).isEqualTo(401);
        assertThat(withCookie.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(browser.send("POST", "/api/plans", "application/json", "{}").statusCode()).isEqualTo(401);

        // a form sent on the page records under the name the API records for the same person's token
        String plan = "oidc-webb-" + UUID.randomUUID().toString().substring(0, 8);
        String bearer = "Bearer " + accessToken;
        assertThat(api("POST", "/api/plans", bearer, """
                {"planId": "%s", "title": "Webbplanen", "municipality": "Testkommun",
                 "adoption": {"body": "Kommunstyrelsen"}, "adoptedOn": "2024-01-10",
                 "period": {"fromYear": 2024, "toYear": 2026}}""".formatted(plan)).statusCode()).isEqualTo(201);
        assertThat(api("POST", "/api/plans/" + plan + "/areas", bearer, """
                {"areaId": "natverk", "name": "Nätverk", "occurredOn": "2024-01-10"}""").statusCode())
                .isEqualTo(201);
        assertThat(api("POST", "/api/plans/" + plan + "/activities", bearer, """
                {"activityId": "traffar", "areaId": "natverk", "kind": "ACTIVITY", "title": "Nätverksträffar",
                 "responsibility": {"lead": "Arbetsmarknadsnämnden"}, "occurredOn": "2024-01-11"}""").statusCode())
                .isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api("GET", "/api/plans/" + plan, bearer, null)
                .body().contains("traffar"));
        HttpResponse<String> form = browser.get("/formular/activity-start?planId=" + plan + "&activityId=traffar");
        assertThat(form.statusCode()).isEqualTo(200);
        Map<String, String> fields = hiddenFields(form.body());
        assertThat(fields).containsKeys("_csrf", "_nyckel");
        fields.put("occurredOn", "2024-02-01");
        HttpResponse<String> recorded = browser.send("POST", "/formular/activity-start",
                "application/x-www-form-urlencoded", formBody(fields));
        assertThat(recorded.statusCode()).as(mainOf(recorded.body())).isEqualTo(200);
        assertThat(recorded.body()).contains("Registrerat");
        List<StoredEvent> events = storedEvents(plan);
        assertThat(events).extracting(StoredEvent::simpleType).contains("PlanAdoptedEvent",
                "ActivityStartedEvent");
        assertThat(events.get(0).metaData()).contains("\"recordedBy\":\"anna.samordnare\"",
                "\"recordedVia\":\"rest-api\"");
        StoredEvent onThePage = events.stream()
                .filter(event -> event.simpleType().equals("ActivityStartedEvent")).findFirst().orElseThrow();
        assertThat(onThePage.metaData()).contains("\"recordedBy\":\"anna.samordnare\"", "\"recordedVia\":\"web\"");

        // signing out ends the page session
        HttpResponse<String> signedOut = browser.send("POST", "/logga-ut", "application/x-www-form-urlencoded",
                formBody(Map.of("_csrf", hiddenFields(browser.get("/").body()).get("_csrf"))));
        assertThat(location(signedOut)).endsWith("/logga-in?utloggad");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(browser.get("/formular").statusCode()).isEqualTo(302);
    }

    @Test
    void aCommitteeMemberGetsTheCommitteeRoleFromTheUserInfoAndNoForms() throws Exception {
        Browser browser = new Browser();
        PROVIDER.signInNext(new Person("nils.namnd", List.of("asf-namnd"), true));
        assertThat(location(browser.signInAtProvider())).isEqualTo(app("/"));
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("nils.namnd");
        assertThat(browser.get("/formular").statusCode()).isEqualTo(403);
        assertThat(browser.get("/upphandlingar").statusCode()).isEqualTo(403);
    }

    @Test
    void aPersonWithoutAMappedRoleIsToldSoAndNotSignedIn() throws Exception {
        Browser browser = new Browser();
        PROVIDER.signInNext(new Person("otto.okand", List.of("offline_access"), false));
        assertThat(location(browser.signInAtProvider())).isEqualTo(app("/logga-in?fel=roll"));
        assertThat(browser.get("/logga-in?fel=roll").body()).contains("ingen roll i ASF-planen");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongStateIsRefusedAndItsCodeNeverRedeemed() throws Exception {
        Browser browser = new Browser();
        browser.get("/");
        PROVIDER.signInNext(new Person("anna.samordnare", List.of("asf-samordnare"), false));
        HttpResponse<String> toProvider = browser.get("/logga-in/oidc/organisation");
        HttpResponse<String> back = browser.follow(location(toProvider));
        String callback = location(back);
        assertThat(callback).startsWith(app("/logga-in/oidc-svar/organisation?code="));
        int tokenRequests = PROVIDER.tokenRequests.size();

        HttpResponse<String> forged = browser.follow(callback.replaceAll("state=[^&]*", "state=forged"));
        assertThat(location(forged)).isEqualTo(app("/logga-in?fel"));
        assertThat(PROVIDER.tokenRequests).as("the code of a wrong state is never redeemed").hasSize(tokenRequests);
        assertThat(browser.get("/logga-in?fel").body()).contains("kunde inte slutföras");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);

        // a code sent by the provider to another browser's session (no authorization request of its own) neither
        Browser other = new Browser();
        assertThat(location(other.follow(callback))).isEqualTo(app("/logga-in?fel"));
        assertThat(other.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void theTestProviderRedeemsNoCodeWithoutTheMatchingVerifier() throws Exception {
        // so that the sign-in above could not pass without PKCE
        Browser browser = new Browser();
        PROVIDER.signInNext(new Person("anna.samordnare", List.of("asf-samordnare"), false));
        String challenge = TestIssuer.s256("the-real-verifier-0123456789-0123456789-0123");
        String redirectUri = app("/logga-in/oidc-svar/organisation");
        String authorize = PROVIDER.issuer() + "/protocol/openid-connect/auth?response_type=code&client_id="
                + OidcMode.CLIENT_ID + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&scope=openid&state=s1";
        assertThat(location(browser.follow(authorize))).contains("error=invalid_request").doesNotContain("code=");
        String code = TestIssuer.parameters(URI.create(location(browser.follow(authorize + "&code_challenge="
                + challenge + "&code_challenge_method=S256"))).getRawQuery()).get("code");
        assertThat(code).isNotBlank();
        HttpClient client = HttpClient.newHttpClient();
        String basic = java.util.Base64.getEncoder().encodeToString((OidcMode.CLIENT_ID + ":"
                + TestIssuer.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(
                        URI.create(PROVIDER.issuer() + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", redirectUri, "code_verifier", "another-verifier")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
    }

    // ---- a browser without a browser ----

    /** Keeps the application's cookies and follows redirects one at a time. */
    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return follow(app(path));
        }

        /** GETs an absolute address; the application's cookies go only to the application. */
        HttpResponse<String> follow(String url) throws IOException, InterruptedException {
            return exchange(HttpRequest.newBuilder(URI.create(url)).GET(), url);
        }

        HttpResponse<String> send(String method, String path, String contentType, String body)
                throws IOException, InterruptedException {
            return exchange(HttpRequest.newBuilder(URI.create(app(path))).header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body)), app(path));
        }

        /**
         * Clicks "Logga in med organisationens konto" and follows the redirects: to the provider, back with the
         * code, and on; answers the application's last redirect (where the sign-in ended).
         */
        HttpResponse<String> signInAtProvider() throws IOException, InterruptedException {
            HttpResponse<String> toProvider = get("/logga-in/oidc/organisation");
            assertThat(toProvider.statusCode()).isEqualTo(302);
            assertThat(location(toProvider)).startsWith(PROVIDER.issuer() + "/protocol/openid-connect/auth?");
            HttpResponse<String> back = follow(location(toProvider));
            assertThat(back.statusCode()).isEqualTo(302);
            assertThat(location(back)).startsWith(app("/logga-in/oidc-svar/organisation?"));
            HttpResponse<String> done = follow(location(back));
            assertThat(done.statusCode()).isEqualTo(302);
            return done;
        }

        private HttpResponse<String> exchange(HttpRequest.Builder request, String url)
                throws IOException, InterruptedException {
            boolean toApplication = url.startsWith(app(""));
            if (toApplication && !cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (toApplication) {
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    int equals = pair.indexOf('=');
                    String value = pair.substring(equals + 1);
                    if (value.isEmpty() || set.contains("Max-Age=0")) {
                        cookies.remove(pair.substring(0, equals));
                    } else {
                        cookies.put(pair.substring(0, equals), value);
                    }
                }
            }
            return response;
        }
    }

    private HttpResponse<String> api(String method, String path, String authorization, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app(path)))
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String app(String path) {
        return "http://localhost:" + port + path;
    }

    private String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect: " + response.statusCode() + " " + response.uri()));
        return location.startsWith("/") ? app(location) : location;
    }

    private static <T> T last(List<T> list) {
        assertThat(list).isNotEmpty();
        return list.get(list.size() - 1);
    }

    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    /** The hidden inputs of a page (the CSRF token, the form's key and version, its record variables). */
    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = HIDDEN.matcher(html);
        while (input.find()) {
            Matcher name = NAME.matcher(input.group());
            Matcher value = VALUE.matcher(input.group());
            if (name.find()) {
                fields.putIfAbsent(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
            }
        }
        return fields;
    }

    private static String mainOf(String html) {
        int start = html.indexOf("<main");
        int end = html.indexOf("</main>");
        return start < 0 || end < start ? html : html.substring(start, end).replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ");
    }

    private static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
