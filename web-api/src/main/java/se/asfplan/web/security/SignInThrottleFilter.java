package se.asfplan.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a sign-in attempt by a locked user or address ({@link SignInThrottle}) before any password is checked: the
 * API with 429 and {@code Retry-After} as problem details, the sign-in page by sending the browser back to it with a
 * Swedish message. Requests without credentials pass.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final ObjectMapper json;
    private final boolean page;

    private SignInThrottleFilter(SignInThrottle throttle, ObjectMapper json, boolean page) {
        this.throttle = throttle;
        this.json = json;
        this.page = page;
    }

    /** For the API chain: HTTP Basic credentials on any request. */
    static SignInThrottleFilter api(SignInThrottle throttle, ObjectMapper json) {
        return new SignInThrottleFilter(throttle, json, false);
    }

    /** For the pages: the sign-in form's post. */
    static SignInThrottleFilter page(SignInThrottle throttle) {
        return new SignInThrottleFilter(throttle, null, true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = page ? formUser(request) : basicUser(request);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> locked = throttle.locked(user, request.getRemoteAddr());
        if (locked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, locked.get().toSeconds() + (locked.get().toNanosPart() > 0 ? 1 : 0));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (page) {
            response.sendRedirect(request.getContextPath() + PageSecurity.SIGN_IN + "?sparrad="
                    + Math.max(1, (seconds + 59) / 60));
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many failed "
                + "sign-ins for this user or from this address: sign-in is locked for " + seconds + " more seconds. "
                + "Nothing was done.");
        problem.setType(java.net.URI.create("https://asf-plan-tracker.example/problems/sign-in-locked"));
        problem.setTitle("Too many failed sign-ins");
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String formUser(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !PageSecurity.SIGN_IN.equals(request.getServletPath())) {
            return null;
        }
        return request.getParameter("username");
    }

    private static String basicUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
