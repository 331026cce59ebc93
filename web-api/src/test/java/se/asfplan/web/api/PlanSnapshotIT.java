package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import se.asfplan.domain.plan.Plan;
import se.asfplan.infra.axon.AggregateSnapshots;
import se.asfplan.web.support.PostgresApiTest;

/**
 * Snapshots of a plan with a long history (infra's AggregateSnapshots): after more than the threshold of events
 * the plan's state is stored in snapshot_event_entry, it equals the state its events up to that point give, and
 * later commands load from it.
 */
class PlanSnapshotIT extends PostgresApiTest {

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    org.axonframework.config.Configuration axon;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPlanWithALongHistoryIsSnapshottedAndItsSnapshotIsTheStateOfItsEvents() throws Exception {
        String plan = "snapshot-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/plans/" + plan;
        StringBuilder areas = new StringBuilder();
        List<String> activities = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            StringBuilder acts = new StringBuilder();
            for (int b = 0; b < 6; b++) {
                activities.add("a" + a + "-" + b);
                acts.append(acts.isEmpty() ? "" : ",").append("""
                        {"id": "a%d-%d", "kind": "activity", "title": "Aktivitet %d.%d", "lead": "Socialförvaltningen",
                         "timeline": {"from": 2024, "to": 2025}}""".formatted(a, b, a, b));
            }
            areas.append(areas.isEmpty() ? "" : ",").append("""
                    {"id": "area-%d", "name": "Område %d", "activities": [%s]}""".formatted(a, a, acts));
        }
        ok(post(COORDINATOR, "/api/plans/import", """
                {"format": "action-plan/v1", "id": "%s", "title": "Plan med lång historik",
                 "municipality": "Testby kommun", "adopted": {"on": "2024-01-15", "body": "Kommunstyrelsen"},
                 "period": {"from": 2024, "to": 2026}, "areas": [%s],
                 "goals": [{"id": "g0", "year": 2025, "kind": "count", "measure": "business-advice-to-asf",
                            "indicator": "Antal ASF med rådgivning", "comparator": "at-least", "target": 5,
                            "unit": "st", "decision": {"body": "Kommunstyrelsen"}},
                           {"id": "g1", "year": 2025, "kind": "manual", "indicator": "Nya arbetstillfällen",
                            "comparator": "at-least", "target": 3, "unit": "st",
                            "decision": {"body": "Kommunstyrelsen"}}]}""".formatted(plan, areas)));
        for (String activity : activities) {
            ok(post(COORDINATOR, base + "/activities/" + activity + "/start", "{\"occurredOn\": \"2024-02-01\"}"));
        }
        ok(post(COORDINATOR, base + "/activities/a0-1/reschedule",
                "{\"timeline\": {\"fromYear\": 2024, \"toYear\": 2026}, \"reason\": \"Sent\", "
                        + "\"occurredOn\": \"2024-03-01\"}"));
        ok(post(COORDINATOR, base + "/activities/a0-2/responsibility",
                "{\"responsibility\": {\"lead\": \"Upphandlingsenheten\", \"involved\": []}, \"reason\": \"Byte\", "
                        + "\"occurredOn\": \"2024-03-02\"}"));
        ok(post(COORDINATOR, base + "/activities/a0-3/complete",
                "{\"note\": \"Klart\", \"occurredOn\": \"2024-05-31\"}"));
        ok(post(COORDINATOR, base + "/activities/a0-4/cancel",
                "{\"reason\": \"Utgår\", \"occurredOn\": \"2024-06-01\"}"));
        for (int i = 0; i < 100; i++) {
            ok(post(COORDINATOR, base + "/activities/a1-" + (i % 6) + "/progress-reports",
                    "{\"note\": \"Lägesrapport " + i + "\", \"occurredOn\": \"2024-0" + (7 + i % 3) + "-01\"}"));
        }
        ok(post(COORDINATOR, base + "/goals/g1/outcomes",
                "{\"value\": 2, \"source\": \"Uppföljning\", \"occurredOn\": \"2025-06-30\"}"));
        String lastNote = jdbc.queryForObject("select event_identifier from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%ActivityProgressReportedEvent' "
                + "order by sequence_number desc limit 1", String.class, plan);
        ok(post(COORDINATOR, base + "/retractions",
                "{\"eventId\": \"" + lastNote + "\", \"reason\": \"Fel aktivitet\"}"));

        Serializer snapshotSerializer = AggregateSnapshots.serializer(objectMapper);
        List<Map<String, Object>> snapshots = jdbc.queryForList("select sequence_number, type, payload_type, "
                + "payload_revision, payload from snapshot_event_entry where aggregate_identifier = ?", plan);
        assertThat(snapshots).as("one snapshot, the latest, is kept").hasSize(1);
        Map<String, Object> snapshot = snapshots.get(0);
        assertThat(snapshot.get("type")).isEqualTo("Plan");
        assertThat(snapshot.get("payload_type")).isEqualTo(Plan.class.getName());
        assertThat(snapshot.get("payload_revision")).isEqualTo("1");
        long sequence = ((Number) snapshot.get("sequence_number")).longValue();
        assertThat(sequence).as("the threshold is 100 events").isGreaterThanOrEqualTo(99);

        Plan fromSnapshot = snapshotSerializer.deserialize(new SimpleSerializedObject<>(
                (byte[]) snapshot.get("payload"), byte[].class, Plan.class.getName(), "1"));
        List<DomainEventMessage<?>> history = new ArrayList<>();
        DomainEventStream stream = storageEngine.readEvents(plan, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getSequenceNumber() <= sequence) {
                history.add(event);
            }
        }
        Constructor<Plan> empty = Plan.class.getDeclaredConstructor();
        empty.setAccessible(true);
        EventSourcedAggregate<Plan> replayed = EventSourcedAggregate.initialize(empty.newInstance(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Plan.class, axon.parameterResolverFactory(),
                        axon.handlerDefinition(Plan.class)), null, NoSnapshotTriggerDefinition.TRIGGER);
        replayed.initializeState(DomainEventStream.of(history));

        String snapshotState = snapshotSerializer.serialize(fromSnapshot, String.class).getData();
        String eventsState = snapshotSerializer.serialize(replayed.getAggregateRoot(), String.class).getData();
        assertThat(json.readTree(snapshotState)).isEqualTo(json.readTree(eventsState));
        assertThat(snapshotState).contains("a1-5", "g1", "Upphandlingsenheten", "retractedIds");

        // a later command loads the plan from the snapshot and the events after it
        ok(post(COORDINATOR, base + "/activities/a1-0/progress-reports",
                "{\"note\": \"Efter ögonblicksbilden\", \"occurredOn\": \"2024-10-01\"}"));
        ok(post(COORDINATOR, base + "/activities/a0-3/progress-reports",
                "{\"note\": \"Avslutad aktivitet\", \"occurredOn\": \"2024-10-01\"}"), 409);
    }

    private static void ok(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    }

    private static void ok(ResponseEntity<Map<String, Object>> response, int status) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    }
}
