package se.asfplan.web.page.ops;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import se.asfplan.infra.token.ApiTokens;
import se.asfplan.infra.token.ApiTokens.Token;

/**
 * {@code /drift/nycklar}: the API tokens integrations sign in with, for the coordinator and the auditor: name, role,
 * who created it and when, when it was last used and whether it is revoked; never a token itself. The coordinator
 * creates and revokes tokens through the forms ({@link TokenForms}).
 */
@Controller
public class TokenPageController {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Stockholm"));

    private final ApiTokens tokens;

    public TokenPageController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** One token as the page shows it, in Swedish and Swedish time. */
    public record Row(String tokenId, String name, String role, String created, String lastUsed, String status,
                      boolean revoked) {

        static Row of(Token token) {
            String role = switch (token.role()) {
                case "COORDINATOR" -> "Samordningsfunktionen";
                case "AUDITOR" -> "Revisor";
                default -> "Nämnd";
            };
            return new Row(token.tokenId(), token.name(), role, time(token.createdAt()) + " av " + token.createdBy(),
                    token.lastUsedAt() == null ? "Aldrig" : time(token.lastUsedAt()),
                    token.revoked() ? "Återkallad " + time(token.revokedAt()) + " av " + token.revokedBy() : "Gäller",
                    token.revoked());
        }

        private static String time(Instant instant) {
            return MINUTE.format(instant);
        }
    }

    @GetMapping(TokenForms.PAGE)
    public String tokens(Model model) {
        model.addAttribute("tokens", tokens.all().stream().map(Row::of).toList());
        return "ops/tokens";
    }
}
