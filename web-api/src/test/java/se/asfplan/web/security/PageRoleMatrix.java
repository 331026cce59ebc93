package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;

import se.asfplan.web.security.EndpointRoleMatrix.Endpoint;

/**
 * The page matrix as the tests expect it, written out independently of {@link PageSecurity}: every handler mapping
 * outside the API chain must fall under one of the {@link #RULES} (a new page that none covers fails the test), and
 * each is called anonymously and with a signed-in session (sign-in page, session cookie, CSRF token) of every role:
 * anonymous callers are sent to the sign-in page, a role that may not gets 403, a role that may gets neither.
 */
public final class PageRoleMatrix {

    /** Who may open a page. */
    enum Access {
        PUBLIC(EnumSet.allOf(Role.class)),
        READERS(EnumSet.allOf(Role.class)),
        STAFF(EnumSet.of(Role.COORDINATOR, Role.AUDITOR)),
        COORDINATOR(EnumSet.of(Role.COORDINATOR)),
        DENIED(EnumSet.noneOf(Role.class));

        final Set<Role> roles;

        Access(Set<Role> roles) {
            this.roles = roles;
        }
    }

    /** "METHOD pattern-prefix" to access, first match wins; a prefix ending in '/' needs more after it. */
    static final Map<String, Access> RULES = rules();

    private static Map<String, Access> rules() {
        Map<String, Access> rules = new LinkedHashMap<>();
        rules.put("GET /logga-in", Access.PUBLIC);
        rules.put("GET /tillganglighet", Access.PUBLIC);
        rules.put("GET /css/", Access.PUBLIC);
        rules.put("GET /js/", Access.PUBLIC);
        rules.put("GET /fonts/", Access.PUBLIC);
        rules.put("GET /webjars/", Access.PUBLIC);
        rules.put("GET /formular", Access.COORDINATOR);
        rules.put("POST /formular", Access.COORDINATOR);
        rules.put("POST /granskning/logg/kontroll", Access.STAFF);
        rules.put("GET /foretag/", Access.STAFF);
        rules.put("GET /foretag", Access.READERS);
        rules.put("GET /upphandlingar", Access.STAFF);
        rules.put("GET /moten", Access.STAFF);
        rules.put("GET /granskning", Access.STAFF);
        rules.put("POST /granskning/omrakning", Access.STAFF);
        rules.put("GET /drift", Access.STAFF);
        rules.put("GET /planer/{planId}/omgangar", Access.READERS);
        rules.put("GET /planer", Access.READERS);
        rules.put("GET /statistik", Access.READERS);
        rules.put("GET /parter", Access.READERS);
        rules.put("GET /", Access.READERS);
        return rules;
    }

    /** The paths the stateless API chain answers (as {@code SecurityConfiguration.API_PATHS} should say). */
    static boolean apiChain(String pattern) {
        return pattern.startsWith("/api/") || pattern.equals("/api") || pattern.startsWith("/actuator")
                || pattern.startsWith("/v3/api-docs") || pattern.startsWith("/swagger-ui");
    }

    /** Pages: every mapping outside the API chain, but the error page and the static-resource catch-all. */
    static boolean page(Endpoint endpoint) {
        String pattern = endpoint.pattern();
        return !apiChain(pattern) && !pattern.equals("/error") && !pattern.equals("/**");
    }

    static Access access(Endpoint endpoint) {
        String key = endpoint.key();
        for (Map.Entry<String, Access> rule : RULES.entrySet()) {
            String prefix = rule.getKey();
            boolean matches = prefix.endsWith("/") && !prefix.endsWith(" /")
                    ? key.startsWith(prefix) && key.length() > prefix.length()
                    : key.equals(prefix) || key.startsWith(prefix + "/") || key.startsWith(prefix + "{")
                    || (prefix.endsWith(" /") && key.startsWith(prefix));
            if (matches) {
                return rule.getValue();
            }
        }
        return null;
    }

    /** A signed-in browser session: its cookie and CSRF token. */
    public record Session(String label, Role role, String cookie, String csrf) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    public static Session signIn(HttpClient client, String base, String user, Role role)
            throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/logga-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(form);
        String token = csrf(form.body());
        String body = "username=" + enc(user) + "&password=" + enc(user) + "&_csrf=" + enc(token);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/logga-in"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("sign-in of " + user).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("sign-in of " + user)
                .doesNotContain("fel");
        String session = cookie(signedIn);
        HttpResponse<String> start = client.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        return new Session(user, role, session, csrf(start.body()));
    }

    /**
     * Calls every page as anonymous and as each session and asserts the matrix; fails when a page falls under no
     * rule. Returns the number of passed cases.
     */
    static int check(ApplicationContext context, String base, List<Session> sessions)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<Endpoint> pages = EndpointRoleMatrix.endpoints(context).stream().filter(PageRoleMatrix::page).toList();
        List<String> uncovered = pages.stream().filter(page -> access(page) == null).map(Endpoint::key).toList();
        assertThat(uncovered).as("pages under no rule of PageRoleMatrix.RULES: say who may open them").isEmpty();
        Map<String, String> failures = new TreeMap<>();
        int passed = 0;
        for (Endpoint page : pages) {
            Access access = access(page);
            List<Session> callers = new ArrayList<>();
            callers.add(null);
            callers.addAll(sessions);
            for (Session session : callers) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + page.path()));
                if (session != null) {
                    request.header("Cookie", session.cookie());
                }
                if ("POST".equals(page.method().name())) {
                    String body = session == null ? "" : "_csrf=" + enc(session.csrf());
                    request.header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body));
                }
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                boolean toSignIn = status == 302 && response.headers().firstValue("Location").orElse("")
                        .endsWith("/logga-in");
                String expected;
                boolean ok;
                if (access == Access.PUBLIC || (session != null && access.roles.contains(session.role()))) {
                    expected = "allowed";
                    ok = status != 403 && status != 401 && !toSignIn;
                } else if (session == null) {
                    expected = "sent to the sign-in page";
                    ok = toSignIn || ("POST".equals(page.method().name()) && status == 403);
                } else {
                    expected = "403";
                    ok = status == 403;
                }
                if (ok) {
                    passed++;
                } else {
                    failures.put(page.key() + " as " + (session == null ? "anonymous" : session.label()),
                            "expected " + expected + ", was " + status);
                }
            }
        }
        System.out.printf("Page role matrix: %d pages x %d callers, %d passed, %d failed%n", pages.size(),
                sessions.size() + 1, passed, failures.size());
        assertThat(failures).as("page x caller cases answered against the matrix").isEmpty();
        return passed;
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("JSESSIONID="))
                .map(value -> value.substring(0, value.indexOf(';') < 0 ? value.length() : value.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie from " + response.uri()));
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private PageRoleMatrix() {
    }
}
