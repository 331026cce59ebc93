package se.asfplan.web.security;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import se.asfplan.infra.token.ApiTokens;
import se.asfplan.infra.token.ApiTokens.Token;

/**
 * Signs in an integration that sends {@code Authorization: Bearer asf_...}, one of the API tokens a coordinator
 * created ({@link ApiTokens}), with the token's role; in both sign-in modes. A token that is unknown or revoked is
 * answered 401 at once. A bearer token without the {@value ApiTokens#PREFIX} prefix is left alone: in OIDC mode it is
 * the identity provider's JWT, which the resource server checks (its token resolver skips API tokens, see
 * {@link #notAnApiToken}); in basic mode no other bearer token is accepted. The user recorded with every event the
 * token records is {@code token:<name>}.
 */
public final class ApiTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);
    static final String USER_PREFIX = "token:";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint problems;
    private final Clock clock;

    ApiTokenFilter(ApiTokens tokens, AuthenticationEntryPoint problems, Clock clock) {
        this.tokens = tokens;
        this.problems = problems;
        this.clock = clock;
    }

    /** The API token the request carries, if its bearer credential is one. */
    static Optional<String> apiToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.startsWith(ApiTokens.PREFIX) ? Optional.of(token) : Optional.empty();
    }

    /** Whether the request carries no API token: the OIDC resource server's token resolver reads only those. */
    static boolean notAnApiToken(HttpServletRequest request) {
        return apiToken(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> secret = apiToken(request);
        if (secret.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Token> token = tokens.use(secret.get(), clock.instant());
        if (token.isEmpty()) {
            log.info("An unknown or revoked API token was refused for {} {}", request.getMethod(),
                    request.getRequestURI());
            SecurityContextHolder.clearContext();
            problems.commence(request, response, new BadCredentialsException("unknown or revoked API token"));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new ApiTokenAuthentication(token.get()));
        chain.doFilter(request, response);
    }

    /** Signed in with an API token: its name as the user, its role as the only authority. */
    static final class ApiTokenAuthentication extends AbstractAuthenticationToken {

        private final String name;

        ApiTokenAuthentication(Token token) {
            super(List.of(new SimpleGrantedAuthority("ROLE_" + token.role())));
            this.name = USER_PREFIX + token.name();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return name;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** Whether the current request was signed in with an API token (which may not manage tokens). */
    public static boolean signedInWithToken() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication;
    }
}
