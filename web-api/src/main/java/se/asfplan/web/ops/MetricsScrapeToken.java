package se.asfplan.web.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a metrics scraper (Prometheus) read {@code /actuator/prometheus} with a token instead of a person's account:
 * HTTP Basic with the user {@value #USER} and the configured {@code tracker.metrics.scrape-token} as password
 * (Prometheus' {@code basic_auth}). The scraper gets the role {@value #ROLE} and nothing else: no other path accepts
 * it. Without a configured token the filter does nothing; the coordinator and auditor may read the metrics anyway.
 * The token is compared in constant time.
 */
public final class MetricsScrapeToken extends OncePerRequestFilter {

    public static final String USER = "metrics";
    public static final String ROLE = "METRICS";
    public static final String PATH = "/actuator/prometheus";
    /** A token shorter than this is refused at start-up: it would be guessable. */
    public static final int MINIMUM_LENGTH = 32;

    private final byte[] expected;

    public MetricsScrapeToken(String token) {
        if (token != null && !token.isBlank() && token.strip().length() < MINIMUM_LENGTH) {
            throw new IllegalStateException("tracker.metrics.scrape-token must be at least " + MINIMUM_LENGTH
                    + " characters long (a random string), or empty for none");
        }
        this.expected = token == null || token.isBlank() ? null
                : (USER + ":" + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return expected == null || !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            byte[] given;
            try {
                given = Base64.getDecoder().decode(header.substring(6).strip());
            } catch (IllegalArgumentException e) {
                given = new byte[0];
            }
            if (MessageDigest.isEqual(given, expected)) {
                UsernamePasswordAuthenticationToken scraper = UsernamePasswordAuthenticationToken.authenticated(USER,
                        null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
                SecurityContextHolder.getContext().setAuthentication(scraper);
            }
        }
        chain.doFilter(request, response);
    }
}
