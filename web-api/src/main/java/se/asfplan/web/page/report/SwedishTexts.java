package se.asfplan.web.page.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalStatus;

/** The Swedish words the report pages show for the domain's codes, and Swedish number and time formats. */
public final class SwedishTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(BusinessCalendar.ZONE);

    private static final Map<String, String> EVENT_TYPES = Map.ofEntries(
            Map.entry("SocialEnterpriseRegisteredEvent", "ASF registrerat"),
            Map.entry("SocialEnterpriseDetailsChangedEvent", "ASF:s uppgifter ändrade"),
            Map.entry("SocialEnterpriseClosedEvent", "ASF avslutat"),
            Map.entry("InvitedToIntegrationspaktenEvent", "Inbjudan till Integrationspakten"),
            Map.entry("JoinedIntegrationspaktenEvent", "Gick med i Integrationspakten"),
            Map.entry("IntegrationspaktenLevelChangedEvent", "Ny nivå i Integrationspakten"),
            Map.entry("LeftIntegrationspaktenEvent", "Lämnade Integrationspakten"),
            Map.entry("InvitedToReferenceGroupEvent", "Inbjudan till referensgruppen"),
            Map.entry("JoinedReferenceGroupEvent", "Gick med i referensgruppen"),
            Map.entry("InvitedToBusinessDialogueEvent", "Inbjudan till företagsdialog"),
            Map.entry("BusinessAdviceReceivedEvent", "Företagsrådgivning"),
            Map.entry("EventParticipationRecordedEvent", "Deltagande i evenemang"),
            Map.entry("EnterpriseFactRetractedEvent", "Rättelse: uppgift om ASF återkallad"),
            Map.entry("ActivityStartedEvent", "Aktivitet påbörjad"),
            Map.entry("ActivityProgressReportedEvent", "Lägesrapport"),
            Map.entry("ActivityCompletedEvent", "Aktivitet genomförd"),
            Map.entry("ActivityCancelledEvent", "Aktivitet avbruten"),
            Map.entry("GoalSetEvent", "Årsmål satt"),
            Map.entry("RecurringGoalSetEvent", "Återkommande årsmål satt"),
            Map.entry("GoalRevisedEvent", "Målvärde ändrat"),
            Map.entry("GoalWithdrawnEvent", "Årsmål återkallat"),
            Map.entry("GoalOutcomeReportedEvent", "Utfall rapporterat"),
            Map.entry("PlanFactRetractedEvent", "Rättelse: uppgift i planen återkallad"),
            Map.entry("ProcurementPlannedEvent", "Upphandling planerad"),
            Map.entry("ProcurementAnnouncedEvent", "Upphandling annonserad"),
            Map.entry("ProcurementDividedIntoLotsEvent", "Upphandling uppdelad i delkontrakt"),
            Map.entry("ProcurementNotDividedEvent", "Upphandling inte uppdelad"),
            Map.entry("TenderReceivedEvent", "Anbud mottaget"),
            Map.entry("ContractAwardedEvent", "Kontrakt tilldelat"),
            Map.entry("ProcurementCompletedEvent", "Upphandling avslutad"),
            Map.entry("ProcurementEvaluatedEvent", "Upphandling utvärderad"),
            Map.entry("ProcurementCancelledEvent", "Upphandling avbruten"),
            Map.entry("ProcurementFactRetractedEvent", "Rättelse: uppgift om upphandling återkallad"),
            Map.entry("MeetingHeldEvent", "Möte hållet"));

    private SwedishTexts() {
    }

    static String measure(Measure measure) {
        if (measure == null) {
            return "Rapporteras manuellt med källa";
        }
        return switch (measure) {
            case INTEGRATIONSPAKTEN_INVITATIONS -> "ASF inbjudna till Integrationspakten";
            case INTEGRATIONSPAKTEN_INVITATION_COVERAGE -> "Andel kända ASF inbjudna till Integrationspakten";
            case REFERENCE_GROUP_INVITATIONS -> "ASF inbjudna till Integrationspaktens referensgrupp";
            case BUSINESS_DIALOGUE_INVITATIONS -> "ASF inbjudna till företagsdialog";
            case BUSINESS_ADVICE_TO_ASF -> "Företagsrådgivning till ASF";
            case EVENT_PARTICIPATIONS -> "ASF:s deltaganden i evenemang";
            case RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED -> "Reserverade upphandlingar påbörjade (även avbrutna)";
            case RESERVED_PROCUREMENTS_ANNOUNCED -> "Reserverade upphandlingar annonserade";
            case RESERVED_CONTRACTS_AWARDED -> "Reserverade kontrakt tilldelade";
            case PROCUREMENTS_DIVIDED_INTO_LOTS -> "Upphandlingar uppdelade i delkontrakt";
            case CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE -> "Kontrakt tilldelade ASF (alla förfaranden)";
            case ACTIVITY_COMPLETED -> "Aktiviteten genomförd under året";
            case PLUS_AND_JOBBPARTNER_ASF -> "ASF som är Plusmedlem eller Jobbpartner";
            case INTEGRATIONSPAKTEN_ASF_MEMBERS -> "ASF som är medlemmar i Integrationspakten";
            case INTEGRATIONSPAKTEN_ASF_AT_LEVEL_MEMBER -> "ASF på nivån medlem i Integrationspakten";
            case INTEGRATIONSPAKTEN_ASF_AT_LEVEL_PLUSMEDLEM -> "ASF som är Plusmedlemmar";
            case INTEGRATIONSPAKTEN_ASF_AT_LEVEL_JOBBPARTNER -> "ASF som är Jobbpartner";
        };
    }

    static String kind(GoalKind kind) {
        return switch (kind) {
            case COUNT -> "Antal";
            case SHARE -> "Andel";
            case COVERAGE -> "Täckning";
            case MILESTONE -> "Milstolpe";
            case CHANGE -> "Förändring mot föregående år";
            case MANUAL -> "Manuellt rapporterat";
        };
    }

    static String comparator(TargetComparator comparator) {
        return switch (comparator) {
            case AT_LEAST -> "minst";
            case AT_MOST -> "högst";
            case EXACTLY -> "exakt";
        };
    }

    /** A target as "minst 3 st". */
    static String target(Target target) {
        return comparator(target.comparator()) + " " + number(target.value()) + " " + target.unit();
    }

    static String status(GoalStatus status) {
        return switch (status) {
            case MET -> "Uppfyllt";
            case NOT_MET -> "Inte uppfyllt";
            case IN_PROGRESS -> "Pågår";
        };
    }

    /** The status's CSS modifier; the status is always also written out, never shown by colour alone. */
    static String statusClass(GoalStatus status) {
        return switch (status) {
            case MET -> "status--ok";
            case NOT_MET -> "status--bad";
            case IN_PROGRESS -> "status--neutral";
        };
    }

    static String activityStatus(ActivityStatus status) {
        return switch (status) {
            case NOT_STARTED -> "Inte påbörjad";
            case STARTED -> "Påbörjad";
            case COMPLETED -> "Genomförd";
            case CANCELLED -> "Avbruten";
        };
    }

    static String activityStatusClass(ActivityStatus status, boolean late) {
        if (late) {
            return "status--late";
        }
        return switch (status) {
            case NOT_STARTED -> "status--neutral";
            case STARTED -> "status--warn";
            case COMPLETED -> "status--ok";
            case CANCELLED -> "status--neutral";
        };
    }

    /** A readable Swedish name of an event type (its class's simple name); the type itself when none is known. */
    public static String eventType(String simpleType) {
        return EVENT_TYPES.getOrDefault(simpleType, simpleType);
    }

    /** A decimal with a decimal comma and no grouping: "21,5", "3". */
    static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("sv-SE")));
        return format.format(value);
    }

    /** A recording moment in Swedish time, "2024-01-15 10:03:12". */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
