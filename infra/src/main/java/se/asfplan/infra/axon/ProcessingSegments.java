package se.asfplan.infra.axon;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * The segments a streaming processor of this node is working on, read from its processing status.
 * <p>
 * Axon's processing status is not a list of work packages. In Axon 4.13 a pooled processor marks a segment's entry as
 * failed when its work package is aborted with a cause, and the work package removes the entry once it has stopped;
 * the marking re-creates an entry that is gone. When the coordinator, failing to extend a busy work package's claim,
 * aborts it at the same moment as the work package fails its batch on the same lost claim (as when a paused node
 * resumes after another node took its claims), the failed entry can outlive the work package, and nothing removes it
 * until this node claims that segment again: the node then seems to work on a segment another node owns
 * ({@code scripts/two-nodes-check} failed on this in one CI run: a resumed node listed a segment for the 25 s up to
 * the end of the check; the node's log had both aborts within 80 ms). An entry in error state
 * belongs to a work package that is stopping or gone, never to one that processes events, so only the others count
 * as segments this node processes; the failed ones are listed apart.
 */
public final class ProcessingSegments {

    private ProcessingSegments() {
    }

    /** The segments the processor is processing, by segment id. */
    public static SortedMap<Integer, EventTrackerStatus> active(StreamingEventProcessor processor) {
        SortedMap<Integer, EventTrackerStatus> active = new TreeMap<>();
        for (Map.Entry<Integer, EventTrackerStatus> entry : processor.processingStatus().entrySet()) {
            if (!entry.getValue().isErrorState()) {
                active.put(entry.getKey(), entry.getValue());
            }
        }
        return Collections.unmodifiableSortedMap(active);
    }

    /** The segments whose status says failed: work packages stopping after an error, or left-over entries. */
    public static SortedSet<Integer> failed(StreamingEventProcessor processor) {
        SortedSet<Integer> failed = new TreeSet<>();
        processor.processingStatus().forEach((segment, status) -> {
            if (status.isErrorState()) {
                failed.add(segment);
            }
        });
        return Collections.unmodifiableSortedSet(failed);
    }
}
