package se.asfplan.web.api.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language of the API's problem details: English by default, Swedish for a request whose
 * {@code Accept-Language} prefers Swedish (the web pages' forwarded requests send {@code sv}). In Swedish a refusal's
 * {@code detail} is its rule's text ({@code i18n/rules.properties}) and the common messages about bad fields are
 * Swedish; the rule codes, field names and legal references stay as they are.
 */
@Component
public class ProblemLanguage {

    /** Said after every refusal: nothing of the request was recorded. */
    public static final String NOTHING_RECORDED_SV = "Ingenting registrerades.";
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final List<Translation> MESSAGES = List.of(
            new Translation("must be given", "måste anges"),
            new Translation("must not be null", "måste anges"),
            new Translation("must not be blank", "måste anges"),
            new Translation("must not be empty", "måste anges"),
            new Translation("unknown field", "okänt fält"),
            new Translation("has the wrong type", "har fel typ"),
            new Translation("is invalid", "är ogiltigt"),
            new Translation("the body must be a JSON object", "innehållet måste vara ett JSON-objekt"),
            new Translation("the body is missing or cannot be read", "innehållet saknas eller kan inte läsas"),
            new Translation("the body is not valid JSON(.*)", "innehållet är inte giltig JSON$1"),
            new Translation("must be a date written YYYY-MM-DD, but was '(.*)'",
                    "måste vara ett datum skrivet ÅÅÅÅ-MM-DD, men var '$1'"),
            new Translation("must be one of (\\[.*]), but was '(.*)'", "måste vara en av $1, men var '$2'"),
            new Translation("has the wrong format: '(.*)'", "har fel format: '$1'"),
            new Translation("size must be between 0 and (\\d+)", "får vara högst $1 tecken eller element"),
            new Translation("size must be between (\\d+) and (\\d+)", "måste ha mellan $1 och $2 tecken eller element"),
            new Translation("must be greater than or equal to (.+)", "måste vara minst $1"),
            new Translation("must be less than or equal to (.+)", "får vara högst $1"),
            new Translation("must be greater than (.+)", "måste vara större än $1"),
            new Translation("numeric value out of bounds (.*)", "talet har för många siffror $1"),
            new Translation("must be true", "måste vara uppfyllt"),
            new Translation("is not a query parameter of this request; it takes no query parameters",
                    "är ingen parameter för denna begäran, som inte tar några parametrar"),
            new Translation("is not a query parameter of this request; it takes (.*)",
                    "är ingen parameter för denna begäran, som tar $1"));

    private final MessageSource messages;

    public ProblemLanguage(MessageSource messages) {
        this.messages = messages;
    }

    /** Whether the current request prefers Swedish. */
    public boolean swedish() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet && swedish(servlet.getRequest());
    }

    /** Whether the request's {@code Accept-Language} prefers Swedish to any other language. */
    public static boolean swedish(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            return Locale.LanguageRange.parse(header).stream().filter(range -> !range.getRange().equals("*"))
                    .findFirst().map(range -> range.getRange().equals("sv") || range.getRange().startsWith("sv-"))
                    .orElse(false);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** The rule's Swedish text, or {@code null} when it has none. */
    public String ruleText(String code) {
        return messages.getMessage("rule." + code, null, null, SWEDISH);
    }

    /**
     * The Swedish detail of a refusal by the rule, for a request that prefers Swedish; else the English detail as
     * given.
     */
    public String refusalDetail(String code, String englishDetail) {
        if (!swedish()) {
            return englishDetail;
        }
        String text = ruleText(code);
        return text == null ? englishDetail : text + " " + NOTHING_RECORDED_SV;
    }

    /** A message about a bad field in Swedish, where it is one of the common ones; others stay as they are. */
    public static String swedishMessage(String message) {
        if (message == null) {
            return null;
        }
        for (Translation translation : MESSAGES) {
            Matcher matcher = translation.english().matcher(message);
            if (matcher.matches()) {
                return matcher.replaceAll(translation.swedish());
            }
        }
        return message;
    }

    private record Translation(Pattern english, String swedish) {

        Translation(String english, String swedish) {
            this(Pattern.compile(english, Pattern.DOTALL), swedish);
        }
    }
}
