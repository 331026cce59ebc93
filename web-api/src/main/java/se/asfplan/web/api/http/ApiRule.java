package se.asfplan.web.api.http;

import se.asfplan.domain.shared.RuleCode;

/**
 * The rules the API itself refuses a request by, before or around the domain: a reused or busy idempotency key, an
 * {@code If-Match} naming another version, two requests changing one record at once. Listed as a {@link RuleCode}
 * like the domain's rules, so that each has its Swedish text too ({@code RuleTextsTest}).
 */
public enum ApiRule implements RuleCode {
    IDEMPOTENCY_KEY_REUSED_WITH_DIFFERENT_REQUEST("idempotency-key-reused-with-different-request",
            Refusal.UNPROCESSABLE),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", Refusal.CONFLICT),
    EXPECTED_VERSION_MUST_MATCH("expected-version-must-match", Refusal.CONFLICT),
    CONCURRENT_MODIFICATION("concurrent-modification", Refusal.CONFLICT);

    private final String code;
    private final Refusal refusal;

    ApiRule(String code, Refusal refusal) {
        this.code = code;
        this.refusal = refusal;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Refusal refusal() {
        return refusal;
    }
}
