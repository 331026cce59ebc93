package se.asfplan.web.page.enterprise;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.enterprise.IntegrationspaktenLevels;
import se.asfplan.domain.enterprise.ParticipationKind;

/**
 * The Swedish words of the register: the configured Integrationspakten levels by name, and each recorded fact (the
 * read model names it by its event and says it in English) as a Swedish heading and sentence.
 */
@Component
public class EnterpriseTexts {

    /** Each fact of the enterprise's list, by the name the read model gives it, with its Swedish heading. */
    private static final Map<String, String> FACTS = Map.ofEntries(
            Map.entry("SocialEnterpriseRegistered", "Registrering"),
            Map.entry("SocialEnterpriseDetailsChanged", "Ändrade uppgifter"),
            Map.entry("SocialEnterpriseClosed", "Nedläggning"),
            Map.entry("InvitedToIntegrationspakten", "Inbjudan till Integrationspakten"),
            Map.entry("JoinedIntegrationspakten", "Medlemskap i Integrationspakten"),
            Map.entry("IntegrationspaktenLevelChanged", "Ny nivå i Integrationspakten"),
            Map.entry("LeftIntegrationspakten", "Lämnade Integrationspakten"),
            Map.entry("InvitedToReferenceGroup", "Inbjudan till referensgruppen"),
            Map.entry("JoinedReferenceGroup", "Medlemskap i referensgruppen"),
            Map.entry("InvitedToBusinessDialogue", "Inbjudan till företagsdialog"),
            Map.entry("BusinessAdviceReceived", "Företagsrådgivning"),
            Map.entry("EventParticipationRecorded", "Deltagande i evenemang"),
            Map.entry("EnterpriseFactRetracted", "Tillbakadragande"),
            Map.entry("SoleTraderNameErased", "Gallring av namnet"));

    /** The facts a retraction can name (the others are corrected by a new recording). */
    static final Set<String> RETRACTABLE = Set.of("InvitedToIntegrationspakten", "JoinedIntegrationspakten",
            "IntegrationspaktenLevelChanged", "LeftIntegrationspakten", "InvitedToReferenceGroup",
            "JoinedReferenceGroup", "InvitedToBusinessDialogue", "BusinessAdviceReceived",
            "EventParticipationRecorded");

    private static final Pattern ASF = Pattern.compile("; (counts as ASF|does not count as ASF .*)$");
    private static final Pattern REGISTERED = Pattern.compile("Registered as (.+?)(; .*)?$");
    private static final Pattern DETAILS = Pattern.compile("Details changed(; .*)?$");
    private static final Pattern CLOSED = Pattern.compile("Closed: (.*)$", Pattern.DOTALL);
    private static final Pattern ERASED = Pattern.compile("Name erased \\(gallring, (.*?)\\): (.*)$", Pattern.DOTALL);
    private static final Pattern JOINED = Pattern.compile("Joined Integrationspakten at level (.+)$");
    private static final Pattern LEVEL = Pattern.compile("Integrationspakten level changed from (.+) to (.+)$");
    private static final Pattern DIALOGUE = Pattern.compile("Invited to a business dialogue(: (.*))?$",
            Pattern.DOTALL);
    private static final Pattern ADVICE = Pattern.compile("Business advice from (.*), ([0-9.]+) hours$",
            Pattern.DOTALL);
    private static final Pattern PARTICIPATION = Pattern.compile("Took part in (an event|a seminar|a tender school): "
            + "(.*)$", Pattern.DOTALL);
    private static final Pattern RETRACTED = Pattern.compile("Retracted ([A-Za-z]+) \\(([^)]*)\\): (.*)$",
            Pattern.DOTALL);

    private final IntegrationspaktenLevels levels;

    public EnterpriseTexts(IntegrationspaktenLevels levels) {
        this.levels = levels;
    }

    /** The configured levels, in order: code and Swedish name. */
    public Map<IntegrationspaktenLevel, String> levels() {
        return levels.names();
    }

    /** A level's Swedish name, or its code when it is not (or no longer) configured; null for null. */
    public String levelName(String code) {
        if (code == null) {
            return null;
        }
        return levels.names().entrySet().stream().filter(entry -> entry.getKey().value().equals(code))
                .map(Map.Entry::getValue).findFirst().orElse(code);
    }

    public static String participationKind(ParticipationKind kind) {
        return switch (kind) {
            case EVENT -> "Evenemang";
            case SEMINAR -> "Seminarium";
            case TENDER_SCHOOL -> "Anbudsskola";
        };
    }

    /** The fact's Swedish heading. */
    public String factName(String fact) {
        return FACTS.getOrDefault(fact, fact);
    }

    /** The fact's summary in Swedish; a summary of a shape this does not know is shown as it is. */
    public String summary(String fact, String summary) {
        if (summary == null) {
            return "";
        }
        Matcher m;
        switch (fact) {
            case "SocialEnterpriseRegistered" -> {
                m = REGISTERED.matcher(summary);
                if (m.matches()) {
                    return "Registrerat som " + m.group(1) + asf(summary);
                }
            }
            case "SocialEnterpriseDetailsChanged" -> {
                m = DETAILS.matcher(summary);
                if (m.matches()) {
                    return "Uppgifterna ändrades" + asf(summary);
                }
            }
            case "SocialEnterpriseClosed" -> {
                m = CLOSED.matcher(summary);
                if (m.matches()) {
                    return "Lades ned: " + m.group(1);
                }
            }
            case "SoleTraderNameErased" -> {
                m = ERASED.matcher(summary);
                if (m.matches()) {
                    return "Namnet raderades (gallringsbeslut " + m.group(1) + "): " + m.group(2);
                }
            }
            case "InvitedToIntegrationspakten" -> {
                return "Bjöds in till Integrationspakten";
            }
            case "JoinedIntegrationspakten" -> {
                m = JOINED.matcher(summary);
                if (m.matches()) {
                    return "Gick med i Integrationspakten som " + levelName(m.group(1));
                }
            }
            case "IntegrationspaktenLevelChanged" -> {
                m = LEVEL.matcher(summary);
                if (m.matches()) {
                    return "Nivån i Integrationspakten ändrades från " + levelName(m.group(1)) + " till "
                            + levelName(m.group(2));
                }
            }
            case "LeftIntegrationspakten" -> {
                return "Lämnade Integrationspakten";
            }
            case "InvitedToReferenceGroup" -> {
                return "Bjöds in till Integrationspaktens referensgrupp";
            }
            case "JoinedReferenceGroup" -> {
                return "Gick med i Integrationspaktens referensgrupp";
            }
            case "InvitedToBusinessDialogue" -> {
                m = DIALOGUE.matcher(summary);
                if (m.matches()) {
                    return "Bjöds in till en företagsdialog" + (m.group(2) == null ? "" : ": " + m.group(2));
                }
            }
            case "BusinessAdviceReceived" -> {
                m = ADVICE.matcher(summary);
                if (m.matches()) {
                    return "Företagsrådgivning från " + m.group(1) + ", " + m.group(2).replace('.', ',')
                            + " timmar";
                }
            }
            case "EventParticipationRecorded" -> {
                m = PARTICIPATION.matcher(summary);
                if (m.matches()) {
                    String kind = switch (m.group(1)) {
                        case "an event" -> "ett evenemang";
                        case "a seminar" -> "ett seminarium";
                        default -> "en anbudsskola";
                    };
                    return "Deltog i " + kind + ": " + m.group(2);
                }
            }
            case "EnterpriseFactRetracted" -> {
                m = RETRACTED.matcher(summary);
                if (m.matches()) {
                    return "Drog tillbaka " + factName(m.group(1)).toLowerCase(java.util.Locale.ROOT)
                            .replace("integrationspakten", "Integrationspakten") + ": " + m.group(3);
                }
            }
            default -> {
                return summary;
            }
        }
        return summary;
    }

    private static String asf(String summary) {
        Matcher m = ASF.matcher(summary);
        if (!m.find()) {
            return "";
        }
        return m.group(1).startsWith("counts") ? "; räknas som ASF"
                : "; räknas inte som ASF (inte alla fyra kriterierna uppfyllda)";
    }
}
