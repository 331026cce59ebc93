package se.asfplan.infra.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** An event read as stored: its stable type, business date, metadata and the record it belongs to. */
class RecordHistoryTest {

    private final ObjectMapper json = new ObjectMapper();

    private LoggedEvent event(String type, String payload, String aggregateType) throws Exception {
        JsonNode metaData = json.readTree("{\"recordedBy\": \"coordinator\", \"recordedVia\": \"rest-api\","
                + " \"correlationId\": \"c-1\"}");
        return new LoggedEvent(7, "e-7", aggregateType, "plan-1", 3, "se.asfplan.domain.plan.PlanEvents$" + type,
                null, Instant.parse("2024-01-01T10:00:00Z"), "2024-01-01T10:00:00Z", json.readTree(payload),
                metaData);
    }

    @Test
    void readsTheStableTypeTheBusinessDateAndTheMetadata() throws Exception {
        LoggedEvent started = event("ActivityStartedEvent",
                "{\"planId\": \"plan-1\", \"activityId\": \"a\", \"occurredOn\": \"2022-01-05\"}", "Plan");
        assertThat(started.type()).isEqualTo("ActivityStartedEvent");
        assertThat(started.businessDate()).isEqualTo(LocalDate.of(2022, 1, 5));
        assertThat(started.recordedBy()).isEqualTo("coordinator");
        assertThat(started.recordedVia()).isEqualTo("rest-api");
        assertThat(started.correlationId()).isEqualTo("c-1");
        assertThat(started.requestId()).isNull();
        assertThat(started.retractedEventId()).isNull();
        // an event without occurredOn: its own date field
        assertThat(event("OddEvent", "{\"adoptedOn\": \"2021-03-01\", \"note\": \"x\"}", "Plan").businessDate())
                .isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(event("OddEvent", "{\"note\": \"x\"}", "Plan").businessDate()).isNull();
    }

    @Test
    void aPlansEventBelongsToTheGoalActivityOrAreaItNames() throws Exception {
        assertThat(RecordHistory.owner(event("GoalSetEvent",
                "{\"planId\": \"plan-1\", \"goalId\": \"g\", \"activityId\": \"a\"}", "Plan")))
                .isEqualTo(new EventOwner(RecordKind.PLAN, "plan-1", RecordKind.GOAL, "g"));
        assertThat(RecordHistory.owner(event("ActivityAddedEvent",
                "{\"planId\": \"plan-1\", \"activityId\": \"a\", \"areaId\": \"o\"}", "Plan")))
                .isEqualTo(new EventOwner(RecordKind.PLAN, "plan-1", RecordKind.ACTIVITY, "a"));
        assertThat(RecordHistory.owner(event("PlanFactRetractedEvent",
                "{\"planId\": \"plan-1\", \"retractedEventId\": \"e-1\", \"activityId\": null, \"goalId\": \"g\"}",
                "Plan"))).isEqualTo(new EventOwner(RecordKind.PLAN, "plan-1", RecordKind.GOAL, "g"));
        assertThat(RecordHistory.owner(event("PlanAdoptedEvent", "{\"planId\": \"plan-1\"}", "Plan")))
                .isEqualTo(new EventOwner(RecordKind.PLAN, "plan-1", null, null));
        assertThat(RecordHistory.owner(event("MeetingHeldEvent", "{}", "Meeting")).kind())
                .isEqualTo(RecordKind.MEETING);
        assertThat(RecordHistory.owner(event("X", "{}", "SomethingElse"))).isNull();
        assertThat(event("PlanFactRetractedEvent", "{\"retractedEventId\": \"e-1\"}", "Plan").retractedEventId())
                .isEqualTo("e-1");
    }
}
