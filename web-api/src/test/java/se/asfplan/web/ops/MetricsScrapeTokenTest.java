package se.asfplan.web.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

class MetricsScrapeTokenTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aShortTokenStopsTheStart() {
        assertThatThrownBy(() -> new MetricsScrapeToken("short")).hasMessageContaining("at least 32");
    }

    @Test
    void theRightTokenOnTheMetricsPathGivesTheScraperRoleOnly() throws Exception {
        Authentication scraper = call(new MetricsScrapeToken(TOKEN), "/actuator/prometheus", TOKEN);
        assertThat(scraper.getName()).isEqualTo("metrics");
        assertThat(scraper.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_METRICS");
    }

    @Test
    void aWrongTokenAnotherPathOrNoConfiguredTokenAuthenticateNobody() throws Exception {
        assertThat(call(new MetricsScrapeToken(TOKEN), "/actuator/prometheus", TOKEN + "x")).isNull();
        assertThat(call(new MetricsScrapeToken(TOKEN), "/api/plans", TOKEN)).isNull();
        assertThat(call(new MetricsScrapeToken(""), "/actuator/prometheus", "")).isNull();
    }

    private static Authentication call(MetricsScrapeToken filter, String path, String password) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(("metrics:" + password)
                .getBytes(StandardCharsets.UTF_8)));
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
