package se.asfplan.web.page.ops;

import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.infra.token.ApiTokens;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.page.form.RecordVariableSource;

/** The forms for API tokens: create one (its token is shown once on the answer page) and revoke one. */
@Component
class TokenForms implements CommandFormCatalogue, RecordVariableSource {

    static final String PAGE = "/drift/nycklar";

    private final ApiTokens tokens;

    TokenForms(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public List<CommandForm> forms() {
        return List.of(
                new CommandForm("api-token-create", OperationsForms.GROUP,
                        "Skapa en API-nyckel för en integration", "/api/admin/tokens", null, PAGE, List.of(
                        FormField.text("name", "Namn").mandatory()
                                .help("Vilken integration som använder nyckeln, t.ex. \"Ekonomisystemet\". Namnet "
                                        + "registreras som användare på det nyckeln registrerar."),
                        FormField.select("role", "Roll", variables -> List.of(
                                new FormOption("COMMITTEE", "Nämnd: läser planer och rapporter"),
                                new FormOption("AUDITOR", "Revisor: läser allt, registrerar inget"),
                                new FormOption("COORDINATOR", "Samordningsfunktionen: registrerar")))
                                .mandatory())),
                new CommandForm("api-token-revocation", OperationsForms.GROUP, "Återkalla en API-nyckel",
                        "/api/admin/tokens/{tokenId}/revocation", null, PAGE, List.of()));
    }

    @Override
    public String variable() {
        return "tokenId";
    }

    @Override
    public String label() {
        return "API-nyckel";
    }

    @Override
    public OptionSource options() {
        return variables -> tokens.all().stream().filter(token -> !token.revoked())
                .map(token -> new FormOption(token.tokenId(), token.name() + " (" + token.role() + ")")).toList();
    }
}
