package se.asfplan.web.api.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import se.asfplan.infra.idempotency.IdempotentRequest;
import se.asfplan.infra.idempotency.IdempotentRequests;
import se.asfplan.infra.idempotency.Outcome;
import se.asfplan.infra.idempotency.StoredResponse;

/**
 * Makes a {@code POST} under {@code /api} with an {@code Idempotency-Key} header safe to retry: the first request
 * with the key runs, and its successful answer is kept with the key in the transaction that records its events;
 * every retry (same user, method, path, body and {@code If-Match}) gets that answer again, with the header
 * {@value #REPLAYED_HEADER}{@code : true}, and records nothing. The same key with another request is refused with
 * 422 ({@code idempotency-key-reused-with-different-request}). A refused request (any status but 2xx) does not use
 * up its key: a corrected request may be sent with it. See {@link IdempotentRequests}.
 * <p>
 * Runs after Spring Security (the key belongs to the authenticated user); requests without the header pass
 * through untouched.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final String TYPE_BASE = "https://asf-plan-tracker.example/problems/";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotentRequests requests;
    private final ObjectMapper json;
    /** The largest body the API takes; an idempotent request's body is held in memory to compare retries. */
    private final long maxBodyBytes;
    private final ProblemLanguage language;

    IdempotencyFilter(IdempotentRequests requests, ObjectMapper json,
                      @Value("${tracker.api.max-body-bytes:4194304}") long maxBodyBytes, ProblemLanguage language) {
        this.requests = requests;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.language = language;
    }

    /** The rule's Swedish text for a request that prefers Swedish, else the English detail. */
    private String swedishOr(HttpServletRequest request, ApiRule rule, String english) {
        String text = ProblemLanguage.swedish(request) ? language.ruleText(rule.code()) : null;
        return text == null ? english : text + " " + ProblemLanguage.NOTHING_RECORDED_SV;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the answer to creating an API token holds its secret, which must be stored nowhere: no stored answer
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(KEY_HEADER) == null || request.getRequestURI().startsWith("/api/admin/tokens");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(KEY_HEADER);
        try {
            IdempotentRequest.validKey(key);
        } catch (IllegalArgumentException e) {
            Map<String, Object> problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    KEY_HEADER + ": " + e.getMessage() + "; nothing was recorded");
            problem.put("errors", List.of(Map.of("field", KEY_HEADER, "message", e.getMessage())));
            write(response, HttpStatus.BAD_REQUEST, problem);
            return;
        }
        // never more than the API's body limit in memory, whichever filter runs first
        byte[] body = request.getContentLengthLong() > maxBodyBytes ? new byte[0]
                : request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (request.getContentLengthLong() > maxBodyBytes || body.length > maxBodyBytes) {
            write(response, HttpStatus.PAYLOAD_TOO_LARGE, problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "Body too large", "The body must be at most " + maxBodyBytes + " bytes long; nothing was "
                            + "recorded"));
            return;
        }
        IdempotentRequest idempotent = new IdempotentRequest(key, user.getName(),
                IdempotentRequest.fingerprint(describe(request), body));
        HttpServletRequest replayable = new BodyReadOnce(request, body);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = requests.handle(idempotent, () -> {
                chain.doFilter(replayable, captured);
                return stored(captured);
            });
        } catch (IOException | ServletException e) {
            throw e;
        } catch (org.springframework.transaction.TransactionException e) {
            log.error("An idempotent request could not be committed", e);
            captured.resetBuffer();
            write(response, HttpStatus.INTERNAL_SERVER_ERROR, problem(HttpStatus.INTERNAL_SERVER_ERROR,
                    "internal-error", "Internal error", "The request could not be completed; nothing was recorded. "
                            + "It may be retried with the same " + KEY_HEADER + "."));
            return;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
        if (outcome instanceof Outcome.Replayed replayed) {
            replay(response, replayed.response());
        } else if (outcome instanceof Outcome.KeyReusedForAnotherRequest) {
            Map<String, Object> problem = problem(HttpStatus.UNPROCESSABLE_ENTITY,
                    "rules/idempotency-key-reused-with-different-request",
                    "Refused: idempotency-key-reused-with-different-request", swedishOr(request,
                            ApiRule.IDEMPOTENCY_KEY_REUSED_WITH_DIFFERENT_REQUEST, "The " + KEY_HEADER + " was used "
                            + "before for another request (another method, path, body, If-Match or user); use a new "
                            + "key for a new request; nothing was recorded"));
            problem.put("rule", ApiRule.IDEMPOTENCY_KEY_REUSED_WITH_DIFFERENT_REQUEST.code());
            write(response, HttpStatus.UNPROCESSABLE_ENTITY, problem);
        } else if (outcome instanceof Outcome.KeyInUse) {
            Map<String, Object> problem = problem(HttpStatus.CONFLICT, "rules/idempotency-key-in-use",
                    "Refused: idempotency-key-in-use", swedishOr(request, ApiRule.IDEMPOTENCY_KEY_IN_USE,
                            "Another request with this " + KEY_HEADER + " is being recorded at this moment; retry "
                            + "shortly to get its answer; nothing was recorded"));
            problem.put("rule", ApiRule.IDEMPOTENCY_KEY_IN_USE.code());
            write(response, HttpStatus.CONFLICT, problem);
        } else {
            // Recorded or NotKept: the answer the request got the first time, held until its transaction ended
            captured.copyBodyToResponse();
        }
    }

    /** What the request asks, besides its body: two requests with the same key must agree on all of it. */
    private static String describe(HttpServletRequest request) {
        return request.getMethod() + "\n" + request.getRequestURI() + "\n"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n"
                + (request.getContentType() == null ? "" : request.getContentType().toLowerCase()) + "\n"
                + (request.getHeader(HttpHeaders.IF_MATCH) == null ? "" : request.getHeader(HttpHeaders.IF_MATCH));
    }

    private static StoredResponse stored(ContentCachingResponseWrapper response) {
        byte[] body = response.getContentAsByteArray();
        return new StoredResponse(response.getStatus(), response.getContentType(),
                response.getHeader(HttpHeaders.LOCATION), response.getHeader(HttpHeaders.ETAG),
                body.length == 0 ? null : new String(body, StandardCharsets.UTF_8));
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.body() != null) {
            byte[] body = stored.body().getBytes(StandardCharsets.UTF_8);
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private static Map<String, Object> problem(HttpStatus status, String type, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        return problem;
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> problem)
            throws IOException {
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
