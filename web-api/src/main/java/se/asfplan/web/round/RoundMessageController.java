package se.asfplan.web.round;

import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ResponseEntity;

import se.asfplan.infra.round.RoundReminderQueue;
import se.asfplan.infra.round.RoundReminderQueue.ReminderMessage;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.api.http.Paging;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * The outgoing reminder queue as a mail system reads it: the messages not yet delivered (or all), and the delivery
 * mark, which is idempotent: the first mark is kept, a repeated one changes nothing and answers the message as first
 * marked. The same contract in SQL is in docs/rounds.md.
 */
@RestController
@RequestMapping("/api/round-messages")
@Tag(name = "Follow-up rounds", description = "Tertial, delårsrapport and årsredovisning: assessments per activity "
        + "and goal, their review, reminders, and the report presented at the close, kept byte for byte")
public class RoundMessageController {

    private final RoundReminderQueue queue;
    private final Clock clock;

    RoundMessageController(RoundReminderQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The queued reminder messages, oldest first: those not yet delivered (default) or all, "
            + "optionally of one round")
    public ResponseEntity<List<ReminderMessage>> messages(@RequestParam(defaultValue = "true") boolean undelivered,
            @RequestParam(required = false) String roundId, @Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = Paging.SIZE_DOC) @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        return Paging.page(queue.messages(undelivered, roundId), page, size);
    }

    @PostMapping("/{messageId}/delivery")
    @Operation(summary = "Mark a message delivered, with the mail system's reference; marking again changes nothing")
    public ReminderMessage delivered(@PathVariable String messageId,
                                     @Valid @RequestBody(required = false) DeliveryRequest request) {
        return queue.markDelivered(messageId, request == null ? null : request.reference(), clock.instant())
                .orElseThrow(() -> new NotFoundException("No reminder message " + messageId + " is queued"));
    }

    public record DeliveryRequest(@Size(max = 300) String reference) {
    }
}
