package se.asfplan.infra.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import se.asfplan.domain.enterprise.DefinitionCriteria;
import se.asfplan.domain.enterprise.EnterpriseDetails;
import se.asfplan.domain.enterprise.EnterpriseEvents;
import se.asfplan.domain.enterprise.EnterpriseEvents.BusinessAdviceReceivedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EventParticipationRecordedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.IntegrationspaktenLevelChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToBusinessDialogueEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.LeftIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseClosedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseDetailsChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseRegisteredEvent;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.enterprise.ParticipationKind;
import se.asfplan.domain.meeting.MeetingEvents;
import se.asfplan.domain.meeting.MeetingEvents.MeetingFactRetractedEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingHeldEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingParticipantsCorrectedEvent;
import se.asfplan.domain.meeting.MeetingId;
import se.asfplan.domain.meeting.MeetingKind;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.infra.json.JsonConfiguration;

/**
 * The stored form of every enterprise and meeting event, written and read by the application's own ObjectMapper
 * (the one Axon stores events with): each reads back equal, and the registration's JSON is pinned, because stored
 * events are a contract that only an upcaster may change.
 */
class EnterpriseEventJsonTest {

    private static final EnterpriseId ID = new EnterpriseId("kafe-kompassen");
    private static final LocalDate ON = LocalDate.of(2022, 3, 1);
    private static final PlanActivityReference ACTIVITY = new PlanActivityReference(new PlanId("stockholm-asf-2021"),
            new ActivityId("bjuda-in-till-ip"));
    private static final EnterpriseDetails DETAILS = new EnterpriseDetails("Kafé Kompassen", LegalForm.ENSKILD_FIRMA,
            List.of("café"), "Stockholm", "Rinkeby-Kista", new DefinitionCriteria(true, true, false, true),
            List.of("Skoopi"));

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonConfiguration.class);

    private static List<Object> oneOfEach() {
        IntegrationspaktenLevel member = new IntegrationspaktenLevel("member");
        IntegrationspaktenLevel plus = new IntegrationspaktenLevel("plusmedlem");
        return List.of(
                new SocialEnterpriseRegisteredEvent(ID, new OrganisationNumber("556016-0680"), DETAILS, ON, ACTIVITY),
                new SocialEnterpriseDetailsChangedEvent(ID, DETAILS, ON, null),
                new SocialEnterpriseClosedEvent(ID, "Avvecklad", ON, null),
                new InvitedToIntegrationspaktenEvent(ID, ON, ACTIVITY),
                new JoinedIntegrationspaktenEvent(ID, member, ON, null),
                new IntegrationspaktenLevelChangedEvent(ID, member, plus, ON, null),
                new LeftIntegrationspaktenEvent(ID, ON, null),
                new InvitedToReferenceGroupEvent(ID, ON, null),
                new JoinedReferenceGroupEvent(ID, ON, null),
                new InvitedToBusinessDialogueEvent(ID, "Företagsdialog Järva", ON, null),
                new BusinessAdviceReceivedEvent(ID, "SBR", new BigDecimal("2.25"), ON, null),
                new EventParticipationRecordedEvent(ID, ParticipationKind.TENDER_SCHOOL, "Anbudsskola", ON, null),
                new MeetingHeldEvent(new MeetingId("dialogforum-1"), MeetingKind.DIALOGUE_FORUM, "Dialogforum",
                        "Serviceförvaltningen", ON, List.of(ID), ACTIVITY),
                new MeetingParticipantsCorrectedEvent(new MeetingId("dialogforum-1"), List.of(), "Rättelse", ON),
                new EnterpriseFactRetractedEvent(ID, "0b6f7c1e-8d4a-4c1e-9a51-2f0e6d3b7a90",
                        "InvitedToIntegrationspaktenEvent", "Registrerad på fel företag", ON),
                new MeetingFactRetractedEvent(new MeetingId("dialogforum-1"), "5c2d9e4f-1a3b-4c5d-8e7f-9a0b1c2d3e4f",
                        "MeetingHeldEvent", "Mötet ställdes in", ON),
                new EnterpriseEvents.SoleTraderNameErasedEvent(ID, "KS 2024/123", "Gallras enligt planen", ON));
    }

    @Test
    void coversEveryEnterpriseAndMeetingEvent() {
        assertThat(oneOfEach()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(
                Stream.concat(EnterpriseEvents.ALL.stream(), MeetingEvents.ALL.stream()).toList());
    }

    @Test
    void everyEventReadsBackEqual() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            for (Object event : oneOfEach()) {
                assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
            }
        });
    }

    @Test
    void storesARegistrationAsThisJson() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            assertThat(json.writeValueAsString(new SocialEnterpriseRegisteredEvent(ID, null, DETAILS, ON, ACTIVITY)))
                    .isEqualTo("{\"enterpriseId\":\"kafe-kompassen\",\"organisationNumber\":null,\"details\":{"
                            + "\"name\":\"Kafé Kompassen\",\"legalForm\":\"ENSKILD_FIRMA\",\"linesOfBusiness\":[\"café\"],"
                            + "\"municipality\":\"Stockholm\",\"district\":\"Rinkeby-Kista\",\"criteria\":{"
                            + "\"integrationPurpose\":true,\"employeeParticipation\":true,\"profitsReinvested\":false,"
                            + "\"independentOfPublicSector\":true},\"certifications\":[\"Skoopi\"]},"
                            + "\"occurredOn\":\"2022-03-01\",\"carriesOut\":{\"planId\":\"stockholm-asf-2021\","
                            + "\"activityId\":\"bjuda-in-till-ip\"}}");
        });
    }
}
