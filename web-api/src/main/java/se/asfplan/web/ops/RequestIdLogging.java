package se.asfplan.web.ops;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import se.asfplan.domain.shared.PersonalIdentityNumbers;

/**
 * Every log line written while a request is handled carries its request id ({@code logging.pattern.correlation}):
 * the client's {@code X-Request-Id} when it sends a well-formed one (the id the API also records with the events),
 * else a new one. The answer names it in {@code X-Request-Id}, so a user's report of a failed request finds its log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestIdLogging extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        // an id that holds a personal identity number is not written to the logs (the API refuses to record it)
        String requestId = given != null && WELL_FORMED.matcher(given).matches()
                && PersonalIdentityNumbers.findIn(given).isEmpty() ? given : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, requestId);
        response.setHeader(HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
