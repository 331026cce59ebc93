package se.asfplan.web.page.plan;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.DecisionKind;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.web.page.form.FormOption;

/**
 * The Swedish names of the plan's codes (statuses, kinds, measures, comparators), for pages and form choices. Every
 * switch is exhaustive, so a code added to the domain without a Swedish name does not compile.
 */
public final class PlanLabels {

    private PlanLabels() {
    }

    public static String status(ActivityStatus status) {
        return switch (status) {
            case NOT_STARTED -> "ej påbörjad";
            case STARTED -> "pågår";
            case COMPLETED -> "genomförd";
            case CANCELLED -> "inställd";
        };
    }

    /** The CSS modifier of a status badge; the badge always carries the status's name too. */
    public static String statusClass(ActivityStatus status) {
        return switch (status) {
            case NOT_STARTED -> "status--neutral";
            case STARTED -> "status--warn";
            case COMPLETED -> "status--ok";
            case CANCELLED -> "status--neutral";
        };
    }

    public static String kind(ActivityKind kind) {
        return switch (kind) {
            case ACTIVITY -> "Aktivitet";
            case LARGER_STEP -> "Något större steg";
            case STEERING_POSSIBILITY -> "Möjlighet till tydligare styrning";
        };
    }

    public static String goalKind(GoalKind kind) {
        return switch (kind) {
            case COUNT -> "Antal";
            case SHARE -> "Andel i procent (rapporteras för hand)";
            case COVERAGE -> "Täckning";
            case MILESTONE -> "Delmål: genomfört eller inte";
            case CHANGE -> "Förändring mot föregående år";
            case MANUAL -> "Värde som rapporteras för hand med källa";
        };
    }

    public static String decisionKind(DecisionKind kind) {
        return switch (kind) {
            case PROPOSAL -> "Förslag";
            case ADOPTION -> "Antagande";
            case APPROVAL -> "Godkännande";
            case AMENDMENT -> "Ändring";
        };
    }

    public static String comparator(TargetComparator comparator) {
        return switch (comparator) {
            case AT_LEAST -> "minst";
            case AT_MOST -> "högst";
            case EXACTLY -> "exakt";
        };
    }

    public static String measure(Measure measure) {
        return switch (measure) {
            case INTEGRATIONSPAKTEN_INVITATIONS -> "Antal ASF inbjudna till Integrationspakten under året";
            case INTEGRATIONSPAKTEN_INVITATION_COVERAGE ->
                    "Andel av de kända ASF som bjudits in till Integrationspakten vid årets slut";
            case REFERENCE_GROUP_INVITATIONS -> "Antal ASF inbjudna till Integrationspaktens referensgrupp";
            case BUSINESS_DIALOGUE_INVITATIONS -> "Antal ASF inbjudna till företagsdialog";
            case BUSINESS_ADVICE_TO_ASF -> "Antal tillfällen med företagsrådgivning till ASF";
            case EVENT_PARTICIPATIONS -> "Antal deltaganden av ASF i evenemang";
            case RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED ->
                    "Antal reserverade upphandlingar som påbörjats under året (även avbrutna)";
            case RESERVED_PROCUREMENTS_ANNOUNCED -> "Antal reserverade upphandlingar som annonserats under året";
            case RESERVED_CONTRACTS_AWARDED -> "Antal reserverade kontrakt som tilldelats under året";
            case PROCUREMENTS_DIVIDED_INTO_LOTS -> "Antal upphandlingar uppdelade i delkontrakt";
            case CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE ->
                    "Antal kontrakt tilldelade ett ASF, i alla upphandlingsförfaranden";
            case ACTIVITY_COMPLETED -> "Aktiviteten som målet följer har genomförts under året";
            case PLUS_AND_JOBBPARTNER_ASF ->
                    "Antal ASF som är Plusmedlem eller Jobbpartner i Integrationspakten vid årets slut";
            case INTEGRATIONSPAKTEN_ASF_MEMBERS ->
                    "Antal ASF som är medlemmar i Integrationspakten vid årets slut (alla nivåer)";
            case INTEGRATIONSPAKTEN_ASF_AT_LEVEL_MEMBER ->
                    "Antal ASF som är medlemmar i Integrationspakten på nivån Medlem vid årets slut";
            case INTEGRATIONSPAKTEN_ASF_AT_LEVEL_PLUSMEDLEM ->
                    "Antal ASF som är medlemmar i Integrationspakten på nivån Plusmedlem vid årets slut";
            case INTEGRATIONSPAKTEN_ASF_AT_LEVEL_JOBBPARTNER ->
                    "Antal ASF som är medlemmar i Integrationspakten på nivån Jobbpartner vid årets slut";
        };
    }

    /** A timeline as the plans write it: "2021–2024", "löpande från 2022", "löpande". */
    public static String timeline(Timeline timeline) {
        if (timeline == null || timeline.fromYear() == null) {
            return "löpande";
        }
        return timeline.toYear() == null ? "löpande från " + timeline.fromYear()
                : timeline.fromYear() + "–" + timeline.toYear();
    }

    /** A target as read aloud: "minst 3 st". */
    public static String target(Target target) {
        return comparator(target.comparator()) + " " + target.value().toPlainString().replace('.', ',') + " "
                + target.unit();
    }

    /**
     * What an enterprise fact or procurement step is, in Swedish, by the name of the event that recorded it (with or
     * without its {@code Event} ending, as the read models keep it); an unknown name is shown as it is.
     */
    public static String fact(String name) {
        if (name == null) {
            return "";
        }
        String bare = name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
        return switch (bare) {
            case "SocialEnterpriseRegistered" -> "Registrerat i ASF-registret";
            case "SocialEnterpriseDetailsChanged" -> "Uppgifter ändrade";
            case "SocialEnterpriseClosed" -> "Avvecklat";
            case "InvitedToIntegrationspakten" -> "Inbjudet till Integrationspakten";
            case "JoinedIntegrationspakten" -> "Medlem i Integrationspakten";
            case "IntegrationspaktenLevelChanged" -> "Ny nivå i Integrationspakten";
            case "LeftIntegrationspakten" -> "Lämnat Integrationspakten";
            case "InvitedToReferenceGroup" -> "Inbjudet till Integrationspaktens referensgrupp";
            case "JoinedReferenceGroup" -> "Med i Integrationspaktens referensgrupp";
            case "InvitedToBusinessDialogue" -> "Inbjudet till företagsdialog";
            case "BusinessAdviceReceived" -> "Fått företagsrådgivning";
            case "EventParticipationRecorded" -> "Deltagit i ett evenemang";
            case "EnterpriseFactRetracted", "ProcurementFactRetracted" -> "Registrering tillbakadragen";
            case "ProcurementPlanned" -> "Planerad";
            case "ProcurementAnnounced" -> "Annonserad";
            case "ProcurementDividedIntoLots" -> "Uppdelad i delkontrakt";
            case "ProcurementNotDivided" -> "Inte uppdelad i delkontrakt, med skäl";
            case "TenderReceived" -> "Anbud inkommet";
            case "ProcurementEvaluated" -> "Utvärderad";
            case "ContractAwarded" -> "Kontrakt tilldelat";
            case "ProcurementCompleted" -> "Avslutad";
            case "ProcurementCancelled" -> "Avbruten";
            default -> name;
        };
    }

    static <E extends Enum<E>> List<FormOption> options(Class<E> type, Function<E, String> label) {
        return Arrays.stream(type.getEnumConstants()).map(value -> new FormOption(value.name(), label.apply(value)))
                .toList();
    }
}
