package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.asfplan.web.api.http.Paging;
import se.asfplan.web.support.PostgresApiTest;

/**
 * Paging on the API's lists: many enterprises come a page at a time with the total and the links to the other
 * pages in headers, a size above the maximum or a negative page is refused with 400 naming it, unknown query
 * parameters still are, and every list endpoint the application has takes {@code page} and {@code size}.
 */
class PagingIT extends PostgresApiTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void manyEnterprisesComeAPageAtATimeWithTheTotalAndLinks() {
        int registered = Paging.DEFAULT_SIZE + 5;
        for (int i = 0; i < registered; i++) {
            assertThat(post(COORDINATOR, "/api/enterprises", """
                    {"enterpriseId": "it-sida-%s-%03d", "name": "Sidforetaget-%s nr %03d", "legalForm": "IDEELL_FORENING",
                     "organisationNumber": "%s", "municipality": "Sidkommun",
                     "criteria": {"integrationPurpose": true, "employeeParticipation": true,
                                  "profitsReinvested": true, "independentOfPublicSector": true},
                     "occurredOn": "2024-01-10"}""".formatted(suffix, i, suffix, i,
                    se.asfplan.web.browser.OrganisationNumbers.valid())).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        String search = "/api/enterprises?q=Sidforetaget-" + suffix;
        ResponseEntity<List<Map<String, Object>>> first = Awaitility.await().until(() -> getList(AUDITOR, search),
                answer -> String.valueOf(registered).equals(answer.getHeaders().getFirst(Paging.TOTAL_COUNT)));

        assertThat(first.getBody()).as("the default page").hasSize(Paging.DEFAULT_SIZE);
        assertThat(first.getHeaders().getFirst(Paging.PAGE)).isEqualTo("0");
        assertThat(first.getHeaders().getFirst(Paging.PAGE_SIZE)).isEqualTo(String.valueOf(Paging.DEFAULT_SIZE));
        assertThat(first.getHeaders().getFirst(HttpHeaders.LINK))
                .contains("page=0>; rel=\"first\"", "page=1>; rel=\"next\"", "page=1>; rel=\"last\"")
                .contains("q=Sidforetaget-" + suffix).doesNotContain("rel=\"prev\"");

        ResponseEntity<List<Map<String, Object>>> second = getList(AUDITOR, search + "&page=1");
        assertThat(second.getBody()).hasSize(5);
        assertThat(second.getBody().get(4).get("name")).isEqualTo("Sidforetaget-" + suffix + " nr 104");
        assertThat(second.getHeaders().getFirst(HttpHeaders.LINK)).contains("page=0>; rel=\"prev\"")
                .doesNotContain("rel=\"next\"");

        ResponseEntity<List<Map<String, Object>>> small = getList(COMMITTEE, search + "&size=7&page=2");
        assertThat(small.getBody()).extracting(row -> row.get("name")).containsExactly(
                "Sidforetaget-" + suffix + " nr 014", "Sidforetaget-" + suffix + " nr 015",
                "Sidforetaget-" + suffix + " nr 016", "Sidforetaget-" + suffix + " nr 017",
                "Sidforetaget-" + suffix + " nr 018", "Sidforetaget-" + suffix + " nr 019",
                "Sidforetaget-" + suffix + " nr 020");
        assertThat(small.getHeaders().getFirst(HttpHeaders.LINK)).contains("size=7", "page=14>; rel=\"last\"");

        ResponseEntity<List<Map<String, Object>>> past = getList(AUDITOR, search + "&page=9");
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(past.getBody()).isEmpty();
        assertThat(past.getHeaders().getFirst(Paging.TOTAL_COUNT)).isEqualTo(String.valueOf(registered));

        // without a search, the whole register still comes at most a page at a time
        ResponseEntity<List<Map<String, Object>>> all = getList(AUDITOR, "/api/enterprises?size=" + Paging.MAX_SIZE);
        assertThat(all.getBody().size()).isLessThanOrEqualTo(Paging.MAX_SIZE);
        assertThat(Long.parseLong(all.getHeaders().getFirst(Paging.TOTAL_COUNT))).isGreaterThanOrEqualTo(registered);
    }

    @Test
    void aCommitteesPagesAndTotalLeaveOutSoleTradersBeforeThePageIsCut() {
        String prefix = "Sidenskild-" + suffix;
        for (int i = 0; i < 5; i++) {
            boolean soleTrader = i % 2 == 1;
            String number = soleTrader ? "" : "\"organisationNumber\": \"%s\", "
                    .formatted(se.asfplan.web.browser.OrganisationNumbers.valid());
            assertThat(post(COORDINATOR, "/api/enterprises", """
                    {"enterpriseId": "it-sidenskild-%s-%d", "name": "%s nr %d", %s
                     "legalForm": "%s", "municipality": "Sidkommun",
                     "criteria": {"integrationPurpose": true, "employeeParticipation": true,
                                  "profitsReinvested": true, "independentOfPublicSector": true},
                     "occurredOn": "2024-01-10"}""".formatted(suffix, i, prefix, i, number,
                    soleTrader ? "ENSKILD_FIRMA" : "IDEELL_FORENING")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        String search = "/api/enterprises?q=" + prefix;
        ResponseEntity<List<Map<String, Object>>> auditors = Awaitility.await().until(() -> getList(AUDITOR, search),
                answer -> "5".equals(answer.getHeaders().getFirst(Paging.TOTAL_COUNT)));
        assertThat(auditors.getBody()).extracting(row -> row.get("name")).containsExactly(prefix + " nr 0",
                prefix + " nr 1", prefix + " nr 2", prefix + " nr 3", prefix + " nr 4");

        // the committee's list is cut after the sole traders are left out: its total and pages count only the rest
        ResponseEntity<List<Map<String, Object>>> first = getList(COMMITTEE, search + "&size=2");
        assertThat(first.getHeaders().getFirst(Paging.TOTAL_COUNT)).isEqualTo("3");
        assertThat(first.getBody()).extracting(row -> row.get("name")).containsExactly(prefix + " nr 0",
                prefix + " nr 2");
        assertThat(first.getHeaders().getFirst(HttpHeaders.LINK)).contains("page=1>; rel=\"last\"");
        ResponseEntity<List<Map<String, Object>>> second = getList(COMMITTEE, search + "&size=2&page=1");
        assertThat(second.getBody()).extracting(row -> row.get("name")).containsExactly(prefix + " nr 4");
        assertThat(getList(COMMITTEE, search + "&size=2&page=2").getBody()).isEmpty();
    }

    @Test
    void meetingsWithOneParticipantAndOneAuthoritysProcurementsArePagedAfterTheirFilters() {
        String participant = "it-sidmote-" + suffix;
        String[] enterprises = {participant + "-a", participant + "-b", participant};
        for (String enterprise : enterprises) {
            assertThat(post(COORDINATOR, "/api/enterprises", """
                    {"enterpriseId": "%s", "name": "Sidmötesföretaget %s", "legalForm": "IDEELL_FORENING",
                     "organisationNumber": "%s", "municipality": "Sidkommun",
                     "criteria": {"integrationPurpose": true, "employeeParticipation": true,
                                  "profitsReinvested": true, "independentOfPublicSector": true},
                     "occurredOn": "2024-01-10"}""".formatted(enterprise, enterprise,
                    se.asfplan.web.browser.OrganisationNumbers.valid())).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        // the other two ids begin with the participant's: only the whole id, as the stored list quotes it, finds it
        String[][] participants = {{participant}, {enterprises[0]}, {enterprises[1], participant},
                {enterprises[0], enterprises[1]}, {participant, enterprises[0]}};
        for (int i = 0; i < participants.length; i++) {
            assertThat(post(COORDINATOR, "/api/meetings", """
                    {"meetingId": "it-sidmote-m%d-%s", "kind": "ROUND_TABLE", "title": "Sidmöte %d",
                     "occurredOn": "2024-02-%02d", "organiser": "SBR", "participants": ["%s"]}"""
                    .formatted(i, suffix, i, 10 + i, String.join("\", \"", participants[i]))).getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        String meetings = "/api/meetings?participant=" + participant + "&size=2";
        ResponseEntity<List<Map<String, Object>>> first = Awaitility.await().until(() -> getList(AUDITOR, meetings),
                answer -> "3".equals(answer.getHeaders().getFirst(Paging.TOTAL_COUNT)));
        assertThat(first.getBody()).extracting(row -> row.get("meetingId"))
                .containsExactly("it-sidmote-m4-" + suffix, "it-sidmote-m2-" + suffix);
        assertThat(getList(AUDITOR, meetings + "&page=1").getBody()).extracting(row -> row.get("meetingId"))
                .containsExactly("it-sidmote-m0-" + suffix);
        assertThat(getList(AUDITOR, "/api/meetings?participant=" + enterprises[0]).getHeaders()
                .getFirst(Paging.TOTAL_COUNT)).isEqualTo("3");

        String authority = "Sidnämnden " + suffix;
        for (int i = 0; i < 3; i++) {
            assertThat(post(COORDINATOR, "/api/procurements", """
                    {"procurementId": "it-sidupph-%d-%s", "stage": "PLANNED", "authority": "%s", "subject": "Städ",
                     "cpvCodes": ["90910000-9"], "procedure": "ORDINARY", "occurredOn": "2024-03-%02d"}"""
                    .formatted(i, suffix, authority, 10 + i)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        String procurements = "/api/procurements?authority=" + authority + "&size=2";
        ResponseEntity<List<Map<String, Object>>> newest = Awaitility.await()
                .until(() -> getList(AUDITOR, procurements),
                        answer -> "3".equals(answer.getHeaders().getFirst(Paging.TOTAL_COUNT)));
        assertThat(newest.getBody()).extracting(row -> row.get("procurementId"))
                .containsExactly("it-sidupph-2-" + suffix, "it-sidupph-1-" + suffix);
        assertThat(newest.getHeaders().getFirst(HttpHeaders.LINK)).contains("page=1>; rel=\"next\"");
        ResponseEntity<List<Map<String, Object>>> oldest = getList(AUDITOR, procurements + "&page=1");
        assertThat(oldest.getBody()).extracting(row -> row.get("procurementId"))
                .containsExactly("it-sidupph-0-" + suffix);
        assertThat(oldest.getHeaders().getFirst(Paging.TOTAL_COUNT)).isEqualTo("3");
        assertThat(getList(AUDITOR, procurements + "&page=5").getBody()).isEmpty();
    }

    @Test
    void refusesASizeAboveTheMaximumANegativePageAndUnknownParametersNamingThem() {
        for (String query : List.of("size=" + (Paging.MAX_SIZE + 1), "size=0", "page=-1")) {
            ResponseEntity<Map<String, Object>> refused = get(AUDITOR, "/api/enterprises?" + query);
            assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(String.valueOf(refused.getBody())).as(query).contains(query.substring(0, query.indexOf('=')));
        }
        ResponseEntity<Map<String, Object>> notANumber = get(AUDITOR, "/api/plans?size=many");
        assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map<String, Object>> unknown = get(AUDITOR, "/api/enterprises?pgae=1");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(unknown.getBody())).contains("pgae");
        ResponseEntity<Map<String, Object>> pageOfAPlan = get(AUDITOR, "/api/plans/x?page=1");
        assertThat(pageOfAPlan.getStatusCode()).as("one record takes no page").isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void everyListEndpointTakesPageAndSize() {
        TreeSet<String> unpaged = new TreeSet<>();
        TreeSet<String> paged = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean get = info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"));
            String pattern = info.getPatternValues().iterator().next();
            if (!get || !pattern.startsWith("/api/") || !answersAList(method.getMethod().getGenericReturnType())) {
                return;
            }
            List<String> params = java.util.Arrays.stream(method.getMethodParameters())
                    .filter(p -> p.hasParameterAnnotation(RequestParam.class)).map(p -> {
                        RequestParam param = p.getParameterAnnotation(RequestParam.class);
                        String name = param.name().isEmpty() ? param.value() : param.name();
                        p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                        return name.isEmpty() ? p.getParameterName() : name;
                    }).toList();
            (params.contains("page") && params.contains("size") ? paged : unpaged).add(pattern);
        });
        // one item per projection processing group: bounded by the code, not by what is recorded
        unpaged.removeAll(List.of("/api/admin/projections", "/api/admin/dead-letters"));
        assertThat(unpaged).as("list endpoints without page and size").isEmpty();
        assertThat(paged).contains("/api/enterprises", "/api/meetings", "/api/procurements", "/api/parties",
                "/api/plans", "/api/plans/{planId}/activities", "/api/plans/{planId}/goals");
    }

    @Test
    void thePagedListsStillAnswerTheirUsualArrays() {
        ResponseEntity<List<Map<String, Object>>> plans = http.withBasicAuth(COMMITTEE, COMMITTEE).exchange(
                "/api/plans?size=1", HttpMethod.GET, HttpEntity.EMPTY,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { });
        assertThat(plans.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(plans.getBody().size()).isLessThanOrEqualTo(1);
        assertThat(plans.getHeaders().getFirst(Paging.TOTAL_COUNT)).isNotNull();
    }

    private static boolean answersAList(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type raw = parameterized.getRawType();
            if (raw == List.class) {
                return true;
            }
            if (raw == ResponseEntity.class) {
                return answersAList(parameterized.getActualTypeArguments()[0]);
            }
        }
        return false;
    }
}
