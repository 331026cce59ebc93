package se.asfplan.web.ops;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.infra.axon.ProcessingSegments;

/**
 * The event-processor segments this node believes it owns, as its processors see them in memory. The token store
 * ({@code token_entry.owner}) says who holds a claim; this answer says who is acting on one, which is what can
 * differ for a moment when a paused node resumes after another took its claims over. Segments whose status says
 * failed are listed apart ({@link ProcessingSegments}). Read-only, for coordinators and auditors (like the other
 * operational reads).
 */
@RestController
@RequestMapping("/api/ops/event-processors")
@Tag(name = "Operations", description = "What this node's event processors are working on")
public class EventProcessorStatusController {

    /** Axon's JDBC token store names a claim's owner by this, unless configured otherwise: "pid@host". */
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final EventProcessingConfiguration eventProcessing;

    public EventProcessorStatusController(EventProcessingConfiguration eventProcessing) {
        this.eventProcessing = eventProcessing;
    }

    @GetMapping
    @Operation(summary = "This node's streaming event processors and the segments each is processing now")
    public NodeStatus status() {
        List<ProcessorStatus> processors = eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(EventProcessorStatusController::statusOf)
                .sorted(Comparator.comparing(ProcessorStatus::name))
                .toList();
        return new NodeStatus(NODE, processors);
    }

    private static ProcessorStatus statusOf(StreamingEventProcessor processor) {
        List<SegmentStatus> segments = ProcessingSegments.active(processor).entrySet().stream()
                .map(entry -> segmentOf(entry.getKey(), entry.getValue()))
                .toList();
        return new ProcessorStatus(((EventProcessor) processor).getName(), processor.isRunning(), processor.isError(),
                processor.maxCapacity(), segments, List.copyOf(ProcessingSegments.failed(processor)));
    }

    private static SegmentStatus segmentOf(int segmentId, EventTrackerStatus status) {
        Long position = status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong() : null;
        return new SegmentStatus(segmentId, status.getSegment().getMask(), status.isCaughtUp(), status.isReplaying(),
                position);
    }

    /**
     * @param node       this process as the token store names claim owners ({@code token_entry.owner})
     * @param processors every streaming event processor of this node, by name
     */
    public record NodeStatus(String node, List<ProcessorStatus> processors) {
    }

    /**
     * @param error          the processor's coordinator failed and retries after a back-off
     * @param segments       the segments this node is processing now (none when another node holds them all)
     * @param failedSegments segments whose status says failed: a work package stopping after an error, or an entry
     *                       Axon left behind for a work package that is gone; never processed by this node
     */
    public record ProcessorStatus(String name, boolean running, boolean error, int maxCapacity,
                                  List<SegmentStatus> segments, List<Integer> failedSegments) {
    }

    /**
     * @param position the global index up to which this node has processed the segment; null before its first event
     */
    public record SegmentStatus(int segment, int mask, boolean caughtUp, boolean replaying, Long position) {
    }
}
