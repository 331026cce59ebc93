package se.asfplan.infra.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.IntegrationspaktenLevelChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.meeting.MeetingEvents.MeetingFactRetractedEvent;
import se.asfplan.domain.meeting.MeetingEvents.MeetingHeldEvent;
import se.asfplan.domain.meeting.MeetingId;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanEvents.ActivityCompletedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanFactRetractedEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementFactRetractedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.TenderReceivedEvent;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.domain.retraction.FactType;

/**
 * A retraction names the fact it retracts by a stored name. Retractions stored in this JSON (as the application
 * writes them, one per kind of record) must keep reading, and keep resolving to the event that recorded the fact,
 * whatever the event classes are called now.
 */
class RetractionJsonTest {

    private static final LocalDate ON = LocalDate.of(2023, 5, 4);
    private static final String FACT_EVENT_ID = "0b6f7c1e-8d4a-4c1e-9a51-2f0e6d3b7a90";

    private static final String ENTERPRISE_RETRACTION = "{\"enterpriseId\":\"kafe-kompassen\","
            + "\"retractedEventId\":\"0b6f7c1e-8d4a-4c1e-9a51-2f0e6d3b7a90\","
            + "\"retractedFact\":\"IntegrationspaktenLevelChangedEvent\",\"reason\":\"Fel nivå\","
            + "\"occurredOn\":\"2023-05-04\"}";
    private static final String MEETING_RETRACTION = "{\"meetingId\":\"dialogforum-1\","
            + "\"retractedEventId\":\"0b6f7c1e-8d4a-4c1e-9a51-2f0e6d3b7a90\",\"retractedFact\":\"MeetingHeldEvent\","
            + "\"reason\":\"Mötet ställdes in\",\"occurredOn\":\"2023-05-04\"}";
    private static final String PLAN_RETRACTION = "{\"planId\":\"stockholm-asf-2021\","
            + "\"retractedEventId\":\"0b6f7c1e-8d4a-4c1e-9a51-2f0e6d3b7a90\","
            + "\"retractedFact\":\"ActivityCompletedEvent\",\"activityId\":\"bjuda-in-till-ip\",\"goalId\":null,"
            + "\"reason\":\"Inte klar\",\"occurredOn\":\"2023-05-04\"}";
    private static final String PROCUREMENT_RETRACTION = "{\"procurementId\":\"stad-2023-1\","
            + "\"retractedEventId\":\"0b6f7c1e-8d4a-4c1e-9a51-2f0e6d3b7a90\",\"retractedFact\":\"TenderReceivedEvent\","
            + "\"reason\":\"Fel anbudsgivare\",\"occurredOn\":\"2023-05-04\"}";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonConfiguration.class);

    @Test
    void aStoredEnterpriseRetractionReadsAndNamesTheRetractedEvent() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            EnterpriseFactRetractedEvent stored = new EnterpriseFactRetractedEvent(new EnterpriseId("kafe-kompassen"),
                    FACT_EVENT_ID, "IntegrationspaktenLevelChangedEvent", "Fel nivå", ON);
            assertThat(json.readValue(ENTERPRISE_RETRACTION, EnterpriseFactRetractedEvent.class)).isEqualTo(stored);
            assertThat(json.writeValueAsString(stored)).isEqualTo(ENTERPRISE_RETRACTION);
            assertThat(FactType.named(stored.retractedFact()).eventType())
                    .isEqualTo(IntegrationspaktenLevelChangedEvent.class);
        });
    }

    @Test
    void aStoredMeetingRetractionReadsAndNamesTheRetractedEvent() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            MeetingFactRetractedEvent stored = new MeetingFactRetractedEvent(new MeetingId("dialogforum-1"),
                    FACT_EVENT_ID, "MeetingHeldEvent", "Mötet ställdes in", ON);
            assertThat(json.readValue(MEETING_RETRACTION, MeetingFactRetractedEvent.class)).isEqualTo(stored);
            assertThat(json.writeValueAsString(stored)).isEqualTo(MEETING_RETRACTION);
            assertThat(FactType.named(stored.retractedFact()).eventType()).isEqualTo(MeetingHeldEvent.class);
        });
    }

    @Test
    void aStoredPlanRetractionReadsAndNamesTheRetractedEvent() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            PlanFactRetractedEvent stored = new PlanFactRetractedEvent(new PlanId("stockholm-asf-2021"),
                    FACT_EVENT_ID, "ActivityCompletedEvent", new ActivityId("bjuda-in-till-ip"), null, "Inte klar", ON);
            assertThat(json.readValue(PLAN_RETRACTION, PlanFactRetractedEvent.class)).isEqualTo(stored);
            assertThat(json.writeValueAsString(stored)).isEqualTo(PLAN_RETRACTION);
            assertThat(FactType.named(stored.retractedFact()).eventType()).isEqualTo(ActivityCompletedEvent.class);
        });
    }

    @Test
    void aStoredProcurementRetractionReadsAndNamesTheRetractedEvent() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            ProcurementFactRetractedEvent stored = new ProcurementFactRetractedEvent(new ProcurementId("stad-2023-1"),
                    FACT_EVENT_ID, "TenderReceivedEvent", "Fel anbudsgivare", ON);
            assertThat(json.readValue(PROCUREMENT_RETRACTION, ProcurementFactRetractedEvent.class)).isEqualTo(stored);
            assertThat(json.writeValueAsString(stored)).isEqualTo(PROCUREMENT_RETRACTION);
            assertThat(FactType.named(stored.retractedFact()).eventType()).isEqualTo(TenderReceivedEvent.class);
        });
    }

    @Test
    void theApplicationStoresTheNameFactTypeResolves() {
        // what a retraction recorded now writes is what the fixtures above read: the stored name of the fact type
        assertThat(FactType.of(new TenderReceivedEvent(new ProcurementId("stad-2023-1"), null, true, ON, null))
                .storedName()).isEqualTo("TenderReceivedEvent");
    }
}
