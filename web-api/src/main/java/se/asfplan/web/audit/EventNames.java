package se.asfplan.web.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import se.asfplan.domain.retraction.FactType;

/**
 * A readable Swedish name for each stable event type, and which events record a fact that a retraction may name.
 * A type this list does not know (an old or new event) is shown by its stable type.
 */
public final class EventNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("PlanAdoptedEvent", "Planen antogs"),
            Map.entry("PlanRevisedEvent", "Planen reviderades"),
            Map.entry("PlanScopeSetEvent", "Planens omfattning angavs"),
            Map.entry("PlanDecisionRecordedEvent", "Beslut om planen registrerades"),
            Map.entry("PlanDecisionCorrectedEvent", "Beslut om planen rättades"),
            Map.entry("PlanFactRetractedEvent", "Uppgift i planen återkallades"),
            Map.entry("AreaAddedEvent", "Område lades till"),
            Map.entry("ActivityAddedEvent", "Aktivitet lades till"),
            Map.entry("ActivityStartedEvent", "Aktiviteten startade"),
            Map.entry("ActivityProgressReportedEvent", "Lägesrapport för aktiviteten"),
            Map.entry("ActivityRescheduledEvent", "Aktiviteten fick ny tidplan"),
            Map.entry("ActivityResponsibilityChangedEvent", "Ansvaret för aktiviteten ändrades"),
            Map.entry("ActivityCompletedEvent", "Aktiviteten slutfördes"),
            Map.entry("ActivityCancelledEvent", "Aktiviteten avbröts"),
            Map.entry("GoalSetEvent", "Årsmål sattes"),
            Map.entry("RecurringGoalSetEvent", "Återkommande mål sattes"),
            Map.entry("GoalRevisedEvent", "Målet reviderades"),
            Map.entry("GoalWithdrawnEvent", "Målet drogs tillbaka"),
            Map.entry("GoalOutcomeReportedEvent", "Utfall för målet rapporterades"),
            Map.entry("SocialEnterpriseRegisteredEvent", "Företaget registrerades"),
            Map.entry("SocialEnterpriseDetailsChangedEvent", "Företagets uppgifter ändrades"),
            Map.entry("SocialEnterpriseClosedEvent", "Företaget avslutades"),
            Map.entry("SoleTraderNameErasedEvent", "Den enskilda firmans namn raderades (gallring)"),
            Map.entry("InvitedToIntegrationspaktenEvent", "Inbjudan till Integrationspakten"),
            Map.entry("JoinedIntegrationspaktenEvent", "Anslöt till Integrationspakten"),
            Map.entry("IntegrationspaktenLevelChangedEvent", "Ny nivå i Integrationspakten"),
            Map.entry("LeftIntegrationspaktenEvent", "Lämnade Integrationspakten"),
            Map.entry("InvitedToReferenceGroupEvent", "Inbjudan till referensgruppen"),
            Map.entry("JoinedReferenceGroupEvent", "Gick med i referensgruppen"),
            Map.entry("InvitedToBusinessDialogueEvent", "Inbjudan till affärsdialog"),
            Map.entry("BusinessAdviceReceivedEvent", "Fick affärsrådgivning"),
            Map.entry("EventParticipationRecordedEvent", "Deltog i ett evenemang"),
            Map.entry("EnterpriseFactRetractedEvent", "Uppgift om företaget återkallades"),
            Map.entry("MeetingHeldEvent", "Mötet hölls"),
            Map.entry("MeetingParticipantsCorrectedEvent", "Mötets deltagare rättades"),
            Map.entry("MeetingFactRetractedEvent", "Uppgift om mötet återkallades"),
            Map.entry("ProcurementPlannedEvent", "Upphandlingen planerades"),
            Map.entry("ProcurementAnnouncedEvent", "Upphandlingen annonserades"),
            Map.entry("ProcurementDividedIntoLotsEvent", "Upphandlingen delades i delkontrakt"),
            Map.entry("ProcurementNotDividedEvent", "Upphandlingen delades inte"),
            Map.entry("TenderReceivedEvent", "Anbud kom in"),
            Map.entry("ContractAwardedEvent", "Kontrakt tilldelades"),
            Map.entry("ProcurementCompletedEvent", "Upphandlingen avslutades"),
            Map.entry("ProcurementEvaluatedEvent", "Upphandlingen utvärderades"),
            Map.entry("ProcurementCancelledEvent", "Upphandlingen avbröts"),
            Map.entry("ProcurementFactRetractedEvent", "Uppgift om upphandlingen återkallades"),
            Map.entry("PartyRegisteredEvent", "Parten registrerades"),
            Map.entry("PartyDetailsChangedEvent", "Partens uppgifter ändrades"),
            Map.entry("PartyNameRecordedEvent", "Partens namn registrerades"),
            Map.entry("FollowUpRoundOpenedEvent", "Uppföljningsomgången öppnades"),
            Map.entry("AssessmentSubmittedEvent", "Bedömning registrerades"),
            Map.entry("AssessmentReturnedEvent", "Bedömningen returnerades"),
            Map.entry("AssessmentApprovedEvent", "Bedömningen godkändes"),
            Map.entry("AssessmentMarkedUnansweredEvent", "Punkten markerades som obesvarad"),
            Map.entry("FollowUpRoundClosedEvent", "Uppföljningsomgången stängdes och rapporten fastställdes"),
            Map.entry("DeadLetterEvictedEvent", "Driften tog bort en parkerad händelse"));

    /** The stable types of the events that record a retractable fact (class name and stored fact name). */
    private static final Set<String> RETRACTABLE = Arrays.stream(FactType.values())
            .flatMap(type -> java.util.stream.Stream.of(type.eventType().getSimpleName(), type.storedName()))
            .collect(Collectors.toUnmodifiableSet());

    private EventNames() {
    }

    /** The Swedish name of an event type, or the type itself when it is not known. */
    public static String name(String type) {
        return type == null ? "Okänd händelse" : NAMES.getOrDefault(type, type);
    }

    /** Whether a retraction may name an event of this type. */
    public static boolean retractable(String type) {
        return type != null && RETRACTABLE.contains(type);
    }
}
