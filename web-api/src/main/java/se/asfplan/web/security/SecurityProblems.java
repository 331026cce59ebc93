package se.asfplan.web.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * 401 and 403 answers as problem details (RFC 9457), like every other refusal, with the challenge header the
 * sign-in mode needs ({@code WWW-Authenticate: Basic} or Spring's {@code Bearer} challenge with the token error).
 * The detail says what is missing, never why a given password or token failed beyond that, and names no internals.
 * A bearer token that cannot be checked because the identity provider is unreachable answers 503.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    /** Seconds a client is asked to wait before trying again when the identity provider cannot be reached. */
    static final int RETRY_AFTER_SECONDS = 30;

    static final String REALM = "asf-plan-tracker";
    private static final String TYPE_BASE = "https://asf-plan-tracker.example/problems/";

    private final ObjectMapper json;
    private final boolean bearer;
    private final BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    private SecurityProblems(ObjectMapper json, boolean bearer) {
        this.json = json;
        this.bearer = bearer;
    }

    /** Users sign in with a user name and password (HTTP Basic). */
    static SecurityProblems basic(ObjectMapper json) {
        return new SecurityProblems(json, false);
    }

    /** Users present a bearer JWT from the organisation's identity provider. */
    static SecurityProblems bearer(ObjectMapper json) {
        return new SecurityProblems(json, true);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        if (bearer) {
            bearerChallenge.commence(request, response, failure);
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "authentication-required", bearer
                ? "This needs a valid bearer token from the organisation's identity provider (unexpired, for this "
                  + "service, signed by the provider)."
                : "This needs a signed-in user: send a user name and password (HTTP Basic) that the service knows.");
    }

    /**
     * A bearer token that could not be checked at all, because the provider's signing keys could not be fetched (or
     * the check failed inside), is no wrong token: 503 with {@code Retry-After}, not 401 and not a bare 500. Every
     * other failure is a refused token (401).
     */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            log.warn("A bearer token could not be checked: {}", failure.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "The bearer token could not be checked: the identity provider's signing keys could not be "
                    + "fetched. Try again in a while.");
        } else {
            commence(request, response, failure);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException denied) throws IOException {
        if (bearer) {
            bearerDenied.handle(request, response, denied);
        }
        write(request, response, HttpStatus.FORBIDDEN, "access-denied",
                "The signed-in user's role does not allow " + request.getMethod() + " here: committees read plans "
                + "and reports, auditors read everything, coordinators also record.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                       String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        try {
            problem.setInstance(new URI(request.getRequestURI()));
        } catch (URISyntaxException notAUri) {
            // a path no URI can hold (the connector lets a few such characters through): the answer goes without it
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
