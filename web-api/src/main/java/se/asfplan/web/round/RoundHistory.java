package se.asfplan.web.round;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import se.asfplan.domain.round.AssessmentStatus;
import se.asfplan.domain.round.ItemState;
import se.asfplan.domain.round.RoundKind;
import se.asfplan.infra.history.EventLog;
import se.asfplan.infra.history.LoggedEvent;

/**
 * A round as its own events in the event store say, read straight from the log (never from a read model): so that
 * the report fixed at closing holds every assessment recorded before it, with the user who recorded it, even while
 * the read model is a moment behind.
 */
@Component
public class RoundHistory {

    static final String AGGREGATE_TYPE = "FollowUpRound";

    private final EventLog log;

    RoundHistory(EventLog log) {
        this.log = log;
    }

    /** The round as folded from its events; empty when nothing is recorded under the id. */
    public Optional<Round> of(String roundId) {
        List<LoggedEvent> events = log.stream(AGGREGATE_TYPE, roundId);
        if (events.isEmpty() || !"FollowUpRoundOpenedEvent".equals(events.get(0).type())) {
            return Optional.empty();
        }
        LoggedEvent opened = events.get(0);
        JsonNode payload = opened.payload();
        Map<String, Item> items = new LinkedHashMap<>();
        for (JsonNode item : payload.path("items")) {
            String subject = subject(item.path("subject"));
            items.put(subject, new Item(subject, item.path("reporter").asText()));
        }
        boolean closed = false;
        long last = opened.position();
        for (LoggedEvent event : events.subList(1, events.size())) {
            last = event.position();
            JsonNode body = event.payload();
            Item item = items.get(subject(body.path("subject")));
            switch (event.type()) {
                case "AssessmentSubmittedEvent" -> {
                    item.state = ItemState.SUBMITTED;
                    item.status = AssessmentStatus.valueOf(body.path("status").asText());
                    item.comment = text(body, "comment");
                    item.figure = body.hasNonNull("figure") ? body.get("figure").decimalValue() : null;
                    item.figureSource = text(body, "figureSource");
                    item.submittedOn = date(body);
                    item.submittedBy = event.recordedBy();
                    item.submittedAt = event.recordedAt();
                    item.submissions++;
                    item.reviewComment = null;
                    item.reviewedOn = null;
                    item.reviewedBy = null;
                    item.reviewedAt = null;
                }
                case "AssessmentReturnedEvent" -> item.reviewed(ItemState.RETURNED, text(body, "comment"), event);
                case "AssessmentApprovedEvent" -> item.reviewed(ItemState.APPROVED, text(body, "comment"), event);
                case "AssessmentMarkedUnansweredEvent" ->
                        item.reviewed(ItemState.UNANSWERED, text(body, "reason"), event);
                case "FollowUpRoundClosedEvent" -> closed = true;
                default -> {
                    // an event type this reader does not know changes nothing it shows
                }
            }
        }
        return Optional.of(new Round(roundId, payload.path("planId").asText(), payload.path("name").asText(),
                RoundKind.valueOf(payload.path("kind").asText()), LocalDate.parse(payload.path("cutOffDate").asText()),
                LocalDate.parse(payload.path("deadline").asText()), List.copyOf(items.values()), closed, last,
                events.size() - 1L));
    }

    /** {@code activity:<id>} or {@code goal:<id>}, as the API names a subject. */
    static String subject(JsonNode subject) {
        return subject.path("kind").asText().toLowerCase(java.util.Locale.ROOT) + ":" + subject.path("id").asText();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static LocalDate date(JsonNode node) {
        return node.hasNonNull("occurredOn") ? LocalDate.parse(node.get("occurredOn").asText()) : null;
    }

    /** The round: its items in the order opened, whether closed, and its last event's position and sequence. */
    public record Round(String roundId, String planId, String name, RoundKind kind, LocalDate cutOffDate,
                        LocalDate deadline, List<Item> items, boolean closed, long lastPosition, long version) {

        public List<String> unsettled() {
            List<String> open = new ArrayList<>();
            items.forEach(item -> {
                if (!item.state.settled()) {
                    open.add(item.subject + " (" + item.state + ")");
                }
            });
            return open;
        }
    }

    /** One item as its events left it. */
    public static final class Item {
        final String subject;
        final String reporter;
        ItemState state = ItemState.AWAITING_SUBMISSION;
        AssessmentStatus status;
        String comment;
        BigDecimal figure;
        String figureSource;
        LocalDate submittedOn;
        String submittedBy;
        Instant submittedAt;
        int submissions;
        String reviewComment;
        LocalDate reviewedOn;
        String reviewedBy;
        Instant reviewedAt;

        Item(String subject, String reporter) {
            this.subject = subject;
            this.reporter = reporter;
        }

        public String subject() {
            return subject;
        }

        public String reporter() {
            return reporter;
        }

        public ItemState state() {
            return state;
        }

        private void reviewed(ItemState newState, String text, LoggedEvent event) {
            state = newState;
            reviewComment = text;
            reviewedOn = date(event.payload());
            reviewedBy = event.recordedBy();
            reviewedAt = event.recordedAt();
        }

        RoundReport.Assessment assessment(String title) {
            return new RoundReport.Assessment(subject, title, reporter, state, status, comment, figure, figureSource,
                    submittedOn, submittedBy, submittedAt, submissions, reviewComment, reviewedOn, reviewedBy,
                    reviewedAt);
        }
    }
}
