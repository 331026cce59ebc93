package se.asfplan.web.admin;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import se.asfplan.domain.shared.Values;
import se.asfplan.infra.token.ApiTokens;
import se.asfplan.infra.token.ApiTokens.Token;
import se.asfplan.web.api.http.Paging;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.security.ApiTokenFilter;
import se.asfplan.web.security.Role;

/**
 * API tokens for integrations ({@link ApiTokens}): the coordinator creates a named token with a role, sees it once,
 * and revokes it; coordinators and auditors list the tokens with who created them, when they were last used and
 * whether they are revoked, never their secrets. A request signed in with a token may not manage tokens. Creation
 * is not idempotent: its answer holds the secret, which is stored nowhere (an {@code Idempotency-Key} is ignored
 * here, see {@code IdempotencyFilter}).
 */
@RestController
@RequestMapping("/api/admin/tokens")
@Tag(name = "API tokens", description = "Named tokens with a role for integrations, sent as Authorization: Bearer")
public class ApiTokenController {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenController.class);

    private final ApiTokens tokens;
    private final Clock clock;

    public ApiTokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Every API token, newest first: name, role, who created it and when, last use, revocation; "
            + "never the token itself")
    public ResponseEntity<List<Token>> tokens(
            @Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = Paging.SIZE_DOC)
            @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        return Paging.page(tokens.all(), page, size);
    }

    @PostMapping
    @Operation(summary = "Create a named token with a role: the answer's 'token' is shown this once and stored only "
            + "as its SHA-256; send it as Authorization: Bearer <token>")
    public ResponseEntity<CreatedToken> create(@Valid @RequestBody CreateRequest request,
                                               Authentication user) {
        refuseTokens();
        String name = Values.text(request.name(), "name", 100);
        ApiTokens.Created created = tokens.create(name, request.role().name(), user.getName(), clock.instant());
        log.info("API token '{}' ({}) with role {} created by {}", name, created.token().tokenId(), request.role(),
                user.getName());
        return ResponseEntity.created(URI.create("/api/admin/tokens/" + created.token().tokenId()))
                .body(new CreatedToken(created.token().tokenId(), name, request.role().name(),
                        created.token().createdAt(), created.secret()));
    }

    @PostMapping("/{tokenId}/revocation")
    @Operation(summary = "Revoke a token: from now on it is refused (401). Revoking a revoked token changes nothing")
    public Token revoke(@PathVariable String tokenId, Authentication user) {
        refuseTokens();
        Token token = tokens.revoke(tokenId, user.getName(), clock.instant())
                .orElseThrow(() -> new NotFoundException("No API token " + tokenId));
        log.info("API token '{}' ({}) revoked by {}", token.name(), tokenId, token.revokedBy());
        return token;
    }

    private static void refuseTokens() {
        if (ApiTokenFilter.signedInWithToken()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "API tokens are managed by a signed-in person, not by a token");
        }
    }

    /** The token to create: a name saying which integration uses it, and the role it signs in with. */
    public record CreateRequest(@NotNull String name, @NotNull Role role) {
    }

    /** The created token, with the secret shown this once. */
    public record CreatedToken(String tokenId, String name, String role, Instant createdAt, String token) {
    }
}
