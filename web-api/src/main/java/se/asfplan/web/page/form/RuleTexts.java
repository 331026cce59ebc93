package se.asfplan.web.page.form;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The Swedish text of each rule code ({@code rule.<code>} in {@code i18n/rules_sv.properties}). */
@Component
public class RuleTexts {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private final MessageSource messages;

    RuleTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The rule's Swedish text, or {@code fallback} for a code that has none. */
    public String text(String code, String fallback) {
        return messages.getMessage("rule." + code, null, fallback, SWEDISH);
    }

    /** Whether the code has a Swedish text. */
    public boolean has(String code) {
        return messages.getMessage("rule." + code, null, null, SWEDISH) != null;
    }
}
