package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The role matrix as the tests expect it, written out endpoint by endpoint, independently of
 * {@link SecurityConfiguration}: every handler mapping the running application has (controllers, actuator,
 * API description, error page, static resources) must have an entry here, so a new endpoint without one fails
 * the test, and each is called as every kind of caller.
 */
final class EndpointRoleMatrix {

    /** Who may call an endpoint. */
    enum Access {
        /** everyone, signed in or not */
        PUBLIC(EnumSet.allOf(Role.class)),
        /** every role: plans and reports, parties, the enterprise list, reference lists */
        READERS(EnumSet.allOf(Role.class)),
        /** coordinators and auditors: the enterprise register, meetings, procurements, admin status */
        STAFF(EnumSet.of(Role.COORDINATOR, Role.AUDITOR)),
        /** coordinators only: everything that records or changes something */
        COORDINATOR(EnumSet.of(Role.COORDINATOR)),
        /** nobody */
        DENIED(EnumSet.noneOf(Role.class));

        final Set<Role> roles;

        Access(Set<Role> roles) {
            this.roles = roles;
        }
    }

    /** Every endpoint the application has, as "METHOD pattern", with who may call it. */
    static final Map<String, Access> EXPECTED = expected();

    private static Map<String, Access> expected() {
        Map<String, Access> m = new LinkedHashMap<>();
        // plans, their areas, activities, goals and facts, and the plan's reports: every role reads
        m.put("GET /api/plans", Access.READERS);
        m.put("GET /api/plans/{planId}", Access.READERS);
        m.put("GET /api/plans/{planId}/decisions", Access.READERS);
        m.put("GET /api/plans/{planId}/decisions/{decisionId}", Access.READERS);
        m.put("GET /api/plans/{planId}/areas", Access.READERS);
        m.put("GET /api/plans/{planId}/areas/{areaId}", Access.READERS);
        m.put("GET /api/plans/{planId}/activities", Access.READERS);
        m.put("GET /api/plans/{planId}/activities/{activityId}", Access.READERS);
        m.put("GET /api/plans/{planId}/activities/{activityId}/facts", Access.READERS);
        m.put("GET /api/plans/{planId}/goals", Access.READERS);
        m.put("GET /api/plans/{planId}/goals/{goalId}", Access.READERS);
        m.put("GET /api/plans/{planId}/recurring-goals", Access.READERS);
        m.put("GET /api/plans/{planId}/recurring-goals/{goalId}", Access.READERS);
        m.put("GET /api/plans/{planId}/reports/activity-follow-up", Access.READERS);
        m.put("GET /api/plans/{planId}/reports/yearly-goals", Access.READERS);
        // follow-up rounds of a plan, their reminders, presented reports and comparisons: every role reads
        m.put("GET /api/plans/{planId}/rounds", Access.READERS);
        m.put("GET /api/plans/{planId}/rounds/{roundId}", Access.READERS);
        m.put("GET /api/plans/{planId}/rounds/{roundId}/reminders", Access.READERS);
        m.put("GET /api/plans/{planId}/rounds/{roundId}/presented-report", Access.READERS);
        m.put("GET /api/plans/{planId}/rounds/{roundId}/comparison", Access.READERS);
        // the outgoing reminder queue a mail system reads: coordinator and auditor
        m.put("GET /api/round-messages", Access.STAFF);
        m.put("GET /api/reports/register", Access.READERS);
        m.put("GET /api/reports/procurement", Access.READERS);
        m.put("GET /api/reports/participation", Access.READERS);
        // the register of parties (public bodies), the enterprises' names and organisation numbers (public), and
        // the reference lists: every role reads
        m.put("GET /api/parties", Access.READERS);
        m.put("GET /api/parties/{partyId}", Access.READERS);
        m.put("GET /api/enterprises", Access.READERS);
        m.put("GET /api/integrationspakten/levels", Access.READERS);
        m.put("GET /api/goal-measures", Access.READERS);
        // one enterprise with its facts, meetings, procurement details, projection status: coordinator and auditor
        m.put("GET /api/enterprises/{enterpriseId}", Access.STAFF);
        m.put("GET /api/meetings", Access.STAFF);
        m.put("GET /api/meetings/{meetingId}", Access.STAFF);
        m.put("GET /api/procurements", Access.STAFF);
        m.put("GET /api/procurements/{procurementId}", Access.STAFF);
        m.put("GET /api/admin/projections", Access.STAFF);
        m.put("GET /api/admin/projections/{group}", Access.STAFF);
        m.put("GET /api/admin/dead-letters", Access.STAFF);
        m.put("GET /api/admin/dead-letters/{group}", Access.STAFF);
        m.put("GET /api/ops/event-processors", Access.STAFF);
        // API tokens: listed (never their secrets) to coordinator and auditor
        m.put("GET /api/admin/tokens", Access.STAFF);
        // the auditor's history of every record and look-up of one event: coordinator and auditor
        m.put("GET /api/history/{kind}/{id}", Access.STAFF);
        m.put("GET /api/history/{kind}/{planId}/{partId}", Access.STAFF);
        m.put("GET /api/events/{positionOrId}", Access.STAFF);
        // the independent recomputation of every read model: coordinator and auditor start and read it
        m.put("POST /api/audit/recomputations", Access.STAFF);
        m.put("GET /api/audit/recomputations", Access.STAFF);
        m.put("GET /api/audit/recomputations/{id}", Access.STAFF);
        // the log's hash chain: verifications (started and polled), checkpoints, public key, exports
        m.put("POST /api/log/verifications", Access.STAFF);
        m.put("GET /api/log/verifications", Access.STAFF);
        m.put("GET /api/log/verifications/{id}", Access.STAFF);
        m.put("GET /api/log/checkpoints", Access.STAFF);
        m.put("GET /api/log/public-key", Access.STAFF);
        m.put("GET /api/log/export", Access.STAFF);
        m.put("GET /api/log/history/{kind}.csv", Access.STAFF);
        // recording: the coordinator only
        for (String path : List.of("/api/plans", "/api/plans/import", "/api/plans/{planId}/revisions",
                "/api/plans/{planId}/decisions", "/api/plans/{planId}/decisions/{decisionId}/corrections",
                "/api/plans/{planId}/areas", "/api/plans/{planId}/activities",
                "/api/plans/{planId}/activities/{activityId}/start",
                "/api/plans/{planId}/activities/{activityId}/progress-reports",
                "/api/plans/{planId}/activities/{activityId}/reschedule",
                "/api/plans/{planId}/activities/{activityId}/responsibility",
                "/api/plans/{planId}/activities/{activityId}/complete",
                "/api/plans/{planId}/activities/{activityId}/cancel",
                "/api/plans/{planId}/goals", "/api/plans/{planId}/goals/{goalId}/revisions",
                "/api/plans/{planId}/goals/{goalId}/withdrawal", "/api/plans/{planId}/goals/{goalId}/outcomes",
                "/api/plans/{planId}/recurring-goals", "/api/plans/{planId}/scope",
                "/api/parties", "/api/parties/{partyId}/details", "/api/parties/{partyId}/names",
                "/api/enterprises", "/api/enterprises/{enterpriseId}/details", "/api/enterprises/{enterpriseId}/closure",
                "/api/enterprises/{enterpriseId}/integrationspakten/invitations",
                "/api/enterprises/{enterpriseId}/integrationspakten/membership",
                "/api/enterprises/{enterpriseId}/integrationspakten/level",
                "/api/enterprises/{enterpriseId}/integrationspakten/leaving",
                "/api/enterprises/{enterpriseId}/reference-group/invitations",
                "/api/enterprises/{enterpriseId}/reference-group/membership",
                "/api/enterprises/{enterpriseId}/business-dialogue/invitations",
                "/api/enterprises/{enterpriseId}/business-advice",
                "/api/enterprises/{enterpriseId}/event-participations",
                "/api/enterprises/{enterpriseId}/name-erasure",
                "/api/meetings", "/api/meetings/{meetingId}/participant-corrections",
                "/api/procurements", "/api/procurements/{procurementId}/announcement",
                "/api/procurements/{procurementId}/lots", "/api/procurements/{procurementId}/no-division",
                "/api/procurements/{procurementId}/tenders", "/api/procurements/{procurementId}/award",
                "/api/procurements/{procurementId}/completion", "/api/procurements/{procurementId}/evaluations",
                "/api/procurements/{procurementId}/cancellation",
                "/api/plans/{planId}/retractions", "/api/enterprises/{enterpriseId}/retractions",
                "/api/meetings/{meetingId}/retractions", "/api/procurements/{procurementId}/retractions",
                "/api/admin/projections/{group}/rebuilds", "/api/admin/projections/{group}/switch",
                "/api/admin/dead-letters/{group}/retry", "/api/admin/dead-letters/{group}/evictions",
                "/api/admin/tokens", "/api/admin/tokens/{tokenId}/revocation",
                "/api/plans/{planId}/rounds", "/api/plans/{planId}/rounds/{roundId}/assessments",
                "/api/plans/{planId}/rounds/{roundId}/returns", "/api/plans/{planId}/rounds/{roundId}/approvals",
                "/api/plans/{planId}/rounds/{roundId}/unanswered", "/api/plans/{planId}/rounds/{roundId}/closing",
                "/api/plans/{planId}/rounds/{roundId}/reminders", "/api/round-messages/{messageId}/delivery")) {
            m.put("POST " + path, Access.COORDINATOR);
        }
        // operations and the API description: open
        m.put("GET /actuator/health", Access.PUBLIC);
        m.put("GET /actuator/health/**", Access.PUBLIC);
        m.put("GET /actuator/info", Access.PUBLIC);
        m.put("GET /v3/api-docs", Access.PUBLIC);
        m.put("GET /v3/api-docs/swagger-config", Access.PUBLIC);
        m.put("GET /v3/api-docs.yaml", Access.PUBLIC);
        m.put("GET /swagger-ui.html", Access.PUBLIC);
        m.put("GET /error", Access.PUBLIC);
        m.put("GET /swagger-ui/**", Access.PUBLIC);
        m.put("GET /swagger-ui/*swagger-initializer.js", Access.PUBLIC);
        // the actuator's index of endpoints, static resources and the webjars behind the Swagger UI: nobody
        m.put("GET /actuator", Access.DENIED);
        // the static-resource catch-all is in the pages' chain: anonymous callers are sent to the sign-in page
        m.put("GET /**", Access.DENIED);
        return m;
    }

    /** One endpoint: method, mapping pattern, and the request path the test sends. */
    record Endpoint(HttpMethod method, String pattern) {

        String key() {
            return method.name() + " " + pattern;
        }

        /** The pattern with every variable and wildcard filled in; "x" is no valid id, so nothing is recorded. */
        String path() {
            return pattern.replaceAll("\\{\\*?[^}]+}", "x").replace("**", "x").replace("*", "x");
        }
    }

    /** Someone calling: anonymous (no credentials), or signed in with the given roles. */
    record Caller(String label, Set<Role> roles, Consumer<HttpHeaders> credentials) {

        boolean anonymous() {
            return credentials == null;
        }
    }

    /** Every handler mapping of the running application, as endpoints; a mapping without methods counts as GET. */
    static List<Endpoint> endpoints(ApplicationContext context) {
        Set<String> keys = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        keys.add("GET " + pattern);
                    }
                    methods.forEach(method -> keys.add(method.name() + " " + pattern));
                }
            }
        }
        for (AbstractUrlHandlerMapping mapping : context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            Set<String> patterns = new TreeSet<>(mapping.getHandlerMap().keySet());
            mapping.getPathPatternHandlerMap().keySet().forEach(pattern -> patterns.add(pattern.getPatternString()));
            // a webjar's version in a resource path changes with every upgrade; the entry says {version}
            patterns.forEach(pattern -> keys.add("GET " + pattern.replaceAll("/\\d+(\\.\\d+)+/", "/{version}/")));
        }
        return keys.stream().map(key -> new Endpoint(HttpMethod.valueOf(key.substring(0, key.indexOf(' '))),
                key.substring(key.indexOf(' ') + 1))).toList();
    }

    /**
     * Calls every endpoint as every caller and asserts 401 for anonymous callers and 403 for signed-in callers
     * without a granting role where the endpoint is not public, and anything but 401/403 otherwise. Fails when an
     * endpoint has no entry in {@link #EXPECTED}, or an entry names no endpoint any more. Returns the passed count.
     */
    static int check(String mode, ApplicationContext context, TestRestTemplate http, List<Caller> callers) {
        List<Endpoint> endpoints = endpoints(context);
        Set<String> found = new TreeSet<>();
        endpoints.forEach(endpoint -> found.add(endpoint.key()));
        Set<String> unlisted = new TreeSet<>(found);
        unlisted.removeAll(EXPECTED.keySet());
        // the pages have their own matrix (PageRoleMatrix), with sessions instead of credentials on each request
        unlisted.removeIf(key -> PageRoleMatrix.page(new Endpoint(HttpMethod.valueOf(key.substring(0,
                key.indexOf(' '))), key.substring(key.indexOf(' ') + 1))));
        assertThat(unlisted).as("endpoints without an entry in EndpointRoleMatrix.EXPECTED: say who may call them")
                .isEmpty();
        Set<String> gone = new TreeSet<>(EXPECTED.keySet());
        gone.removeAll(found);
        assertThat(gone).as("entries of EndpointRoleMatrix.EXPECTED that name no endpoint").isEmpty();

        Map<String, String> failures = new TreeMap<>();
        int passed = 0;
        long started = System.nanoTime();
        for (Endpoint endpoint : endpoints) {
            if (PageRoleMatrix.page(endpoint)) {
                continue;
            }
            Access access = EXPECTED.get(endpoint.key());
            for (Caller caller : callers) {
                int status = call(http, endpoint, caller).getStatusCode().value();
                String expected;
                boolean ok;
                if ("GET /**".equals(endpoint.key())) {
                    // the pages' chain answers it, which takes no credentials on the request: every caller is sent
                    // to the sign-in page (302, or 200 where the client follows the redirect); nothing is served
                    ok = status == 302 || status == 200;
                    expected = "the sign-in page";
                } else if (access == Access.PUBLIC || (!caller.anonymous()
                        && caller.roles().stream().anyMatch(access.roles::contains))) {
                    expected = "allowed (neither 401 nor 403)";
                    ok = status != 401 && status != 403;
                } else if (caller.anonymous()) {
                    expected = "401";
                    ok = status == 401;
                } else {
                    expected = "403";
                    ok = status == 403;
                }
                if (ok) {
                    passed++;
                } else {
                    failures.put(endpoint.key() + " as " + caller.label(), "expected " + expected + ", was " + status);
                }
            }
        }
        System.out.printf("Endpoint role matrix (%s): %d endpoints x %d callers = %d cases, %d passed, %d failed "
                        + "(%.1f s)%n", mode, endpoints.size(), callers.size(), endpoints.size() * callers.size(), passed,
                failures.size(), (System.nanoTime() - started) / 1e9);
        assertThat(failures).as("endpoint x caller cases answered against the matrix").isEmpty();
        return passed;
    }

    static ResponseEntity<String> call(TestRestTemplate http, Endpoint endpoint, Caller caller) {
        HttpHeaders headers = new HttpHeaders();
        if (caller.credentials() != null) {
            caller.credentials().accept(headers);
        }
        Object body = null;
        if (endpoint.method() == HttpMethod.POST) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = "{}";
        }
        return http.exchange(endpoint.path(), endpoint.method(), new HttpEntity<>(body, headers), String.class);
    }

    static List<Caller> withAnonymous(List<Caller> signedIn) {
        List<Caller> all = new ArrayList<>();
        all.add(new Caller("anonymous", Set.of(), null));
        all.addAll(signedIn);
        return all;
    }

    private EndpointRoleMatrix() {
    }
}
