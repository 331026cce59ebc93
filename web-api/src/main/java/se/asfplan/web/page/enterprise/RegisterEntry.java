package se.asfplan.web.page.enterprise;

import java.time.LocalDate;
import java.util.Locale;

import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseView;
import se.asfplan.projections.enterprise.EnterpriseQueries.IntegrationspaktenView;

/**
 * One enterprise as the register page lists it.
 *
 * @param status     its Integrationspakten status: {@link IntegrationspaktenStatus}
 * @param statusDate the day of that status (joined, invited or left), or null
 * @param level      the code of its level while a member, or null
 */
public record RegisterEntry(String enterpriseId, String name, String organisationNumber, String municipality,
                            String district, boolean countsAsAsf, boolean closed, IntegrationspaktenStatus status,
                            LocalDate statusDate, String level, String levelName) {

    /** An enterprise's Integrationspakten status, with its Swedish name and the status style it is shown in. */
    public enum IntegrationspaktenStatus {
        MEMBER("medlem", "Medlem", "ok"),
        INVITED("inbjuden", "Inbjuden, inte medlem", "warn"),
        LEFT("lamnat", "Har lämnat", "neutral"),
        NOT_INVITED("inte-inbjuden", "Inte inbjuden", "neutral");

        private final String code;
        private final String swedishName;
        private final String style;

        IntegrationspaktenStatus(String code, String swedishName, String style) {
            this.code = code;
            this.swedishName = swedishName;
            this.style = style;
        }

        public String code() {
            return code;
        }

        public String swedishName() {
            return swedishName;
        }

        public String style() {
            return style;
        }

        static IntegrationspaktenStatus of(IntegrationspaktenView membership) {
            if (membership.member()) {
                return MEMBER;
            }
            if (membership.leftOn() != null) {
                return LEFT;
            }
            return membership.lastInvitedOn() != null ? INVITED : NOT_INVITED;
        }

        static IntegrationspaktenStatus ofCode(String code) {
            for (IntegrationspaktenStatus status : values()) {
                if (status.code.equals(code)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("no Integrationspakten status " + code);
        }
    }

    static RegisterEntry of(EnterpriseView view, EnterpriseTexts texts) {
        IntegrationspaktenView membership = view.integrationspakten();
        IntegrationspaktenStatus status = IntegrationspaktenStatus.of(membership);
        LocalDate statusDate = switch (status) {
            case MEMBER -> membership.joinedOn();
            case LEFT -> membership.leftOn();
            case INVITED -> membership.lastInvitedOn();
            case NOT_INVITED -> null;
        };
        String level = membership.level() == null ? null : membership.level().value();
        return new RegisterEntry(view.enterpriseId().value(), view.details().name(),
                view.organisationNumber() == null ? null : view.organisationNumber().value(),
                view.details().municipality(), view.details().district(), view.countsAsAsf(), view.closed(), status,
                statusDate, level, texts.levelName(level));
    }

    /**
     * Whether the search matches: its words all in the name (ignoring case), or, for a search of digits (with or
     * without the hyphen), those digits in the organisation number.
     */
    boolean matches(String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String query = search.strip();
        String digits = query.replace("-", "").replace(" ", "");
        if (digits.matches("\\d{2,10}") && organisationNumber != null
                && organisationNumber.replace("-", "").contains(digits)) {
            return true;
        }
        String lowerName = name.toLowerCase(Locale.forLanguageTag("sv"));
        for (String word : query.toLowerCase(Locale.forLanguageTag("sv")).split("\\s+")) {
            if (!lowerName.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Municipality and district as one text. */
    public String place() {
        return district == null || district.isBlank() ? municipality : municipality + ", " + district;
    }
}
