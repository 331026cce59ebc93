package se.asfplan.web.admin;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.infra.axon.ProjectionMonitor;
import se.asfplan.infra.axon.ProjectionMonitor.Eviction;
import se.asfplan.infra.axon.ProjectionMonitor.NoSuchDeadLetterException;
import se.asfplan.infra.axon.ProjectionMonitor.ParkedEvent;
import se.asfplan.infra.axon.ProjectionMonitor.RetryResult;
import se.asfplan.infra.axon.ProjectionMonitor.UnknownProcessorException;
import se.asfplan.web.api.CommandSender;
import se.asfplan.web.api.http.Paging;

/**
 * Events that made a projection handler fail are parked in the projection's dead-letter queue, with the later
 * events of the same aggregate, while everything else flows on. Once the cause is fixed (a deployment, a data
 * correction), the coordinator retries them, each read as the event store and the current upcasters give it now; an
 * event that is never to be applied (a test record, an event repaired away) the coordinator evicts with a reason,
 * which the log keeps as an operator event. Reading what is parked is open to every role. Causes are the
 * exception's class and message as Axon stored them, never a stack trace.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Dead letters", description = "Events parked because a projection failed on them, and their retry")
public class DeadLetterController {

    private final ProjectionMonitor monitor;
    private final CommandSender commands;

    public DeadLetterController(ProjectionMonitor monitor, CommandSender commands) {
        this.monitor = monitor;
        this.commands = commands;
    }

    @GetMapping
    @Operation(summary = "Per projection group: how many events are parked, and each parked event's id, type, "
            + "aggregate and cause")
    public List<GroupLetters> all() {
        return monitor.parkedCounts().entrySet().stream()
                .map(entry -> new GroupLetters(entry.getKey(), entry.getValue(), monitor.parked(entry.getKey())))
                .toList();
    }

    @GetMapping("/{group}")
    @Operation(summary = "One projection group's parked events, a page at a time: parked counts them all, events "
            + "holds the page asked for (the paging headers as on every list)")
    public ResponseEntity<GroupLetters> one(@PathVariable String group,
            @Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = Paging.SIZE_DOC) @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        List<ParkedEvent> parked = monitor.parked(group);
        ResponseEntity<List<ParkedEvent>> slice = Paging.page(parked, page, size);
        return ResponseEntity.ok().headers(slice.getHeaders())
                .body(new GroupLetters(group, parked.size(), slice.getBody()));
    }

    @PostMapping("/{group}/retry")
    @Operation(summary = "Retry the group's parked events, each aggregate's in order; those that fail again stay "
            + "parked with their new cause")
    public RetryResult retry(@PathVariable String group) {
        return monitor.retry(group);
    }

    @PostMapping("/{group}/evictions")
    @Operation(summary = "Take one parked event out of the group's queue without handling it, with the reason; "
            + "recorded in the log as an operator event (DeadLetterEvictedEvent) naming who and why. The record's "
            + "later parked events stay parked, to be retried")
    public Eviction evict(@PathVariable String group, @RequestBody EvictionRequest request) {
        if (request == null || request.eventId() == null || request.eventId().isBlank()) {
            throw new IllegalArgumentException("eventId must be given: the id of the parked event to evict");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new IllegalArgumentException("reason must not be blank: the log keeps why the event was evicted");
        }
        return monitor.evict(group, request.eventId().strip(), request.reason(), commands.recording());
    }

    /**
     * @param eventId the parked event's id, as listed
     * @param reason  why it is evicted (kept in the log for good: no personal data)
     */
    public record EvictionRequest(String eventId, String reason) {
    }

    @ExceptionHandler(NoSuchDeadLetterException.class)
    ResponseEntity<ProblemDetail> noSuchLetter(NoSuchDeadLetterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such parked event");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(UnknownProcessorException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownProcessorException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such projection group");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    public record GroupLetters(String group, long parked, List<ParkedEvent> events) {
        public GroupLetters {
            events = List.copyOf(events);
        }
    }
}
