package se.asfplan.infra.axon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.transaction.support.TransactionTemplate;

import se.asfplan.domain.shared.Values;

/**
 * What operations need to know about the projections' processors, read from Axon itself: how far each one is
 * behind the head of the event store, and which events are parked in its dead-letter queue; and the one thing they
 * may do about it, retrying the parked events after the cause is fixed.
 * <p>
 * Positions are {@code global_index} values. A processor's position is that of its slowest segment, so the lag
 * counts the events between that and the head of the store (gaps left by rolled-back appends count as events; the
 * figure is an upper bound).
 */
public class ProjectionMonitor {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final DeadLetterRefresh refresh;
    private final TransactionTemplate transaction;

    /**
     * @param refresh     brings the parked copies of events up to date with the store before a retry (null: retry
     *                    the copies as parked)
     * @param transaction the transaction an eviction and its operator event commit in together
     */
    public ProjectionMonitor(EventProcessingConfiguration processing, EventStore eventStore, DeadLetterRefresh refresh,
                             TransactionTemplate transaction) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.refresh = refresh;
        this.transaction = transaction;
    }

    /** The streaming processors by name, in name order. */
    public List<String> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The position of the newest event in the store, -1 when it is empty. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Every streaming processor's state, in name order. */
    public List<ProcessorState> states() {
        long head = head();
        return processors().stream().map(name -> state(name, head)).toList();
    }

    /** One processor's state measured against the given head of the store. */
    public ProcessorState state(String processor, long head) {
        StreamingEventProcessor streaming = streaming(processor);
        // segments marked failed are stopping or left-over entries (see ProcessingSegments); their positions are
        // stale, and counting them would hold the lag up for good
        Map<Integer, EventTrackerStatus> status = ProcessingSegments.active(streaming);
        long position = -1;
        boolean anySegment = false;
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong current = segment.getCurrentPosition();
            long segmentPosition = current.isPresent() ? current.getAsLong() : -1;
            position = anySegment ? Math.min(position, segmentPosition) : segmentPosition;
            anySegment = true;
        }
        boolean errored = streaming.isError();
        long lag = anySegment ? Math.max(0, head - position) : Math.max(0, head + 1);
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(processor);
        long parked = queue.map(SequencedDeadLetterQueue::size).orElse(0L);
        long parkedSequences = queue.map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        return new ProcessorState(processor, streaming.isRunning(), errored, anySegment ? position : -1, head, lag,
                queue.isPresent(), parked, parkedSequences);
    }

    /** The events parked for one processor, grouped by aggregate in the order they will be retried. */
    public List<ParkedEvent> parked(String processor) {
        streaming(processor);
        List<ParkedEvent> parked = new ArrayList<>();
        processing.deadLetterQueue(processor).ifPresent(queue -> {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    parked.add(parkedEvent(letter));
                }
            }
        });
        return parked;
    }

    /** Parked counts per processor that has a dead-letter queue. */
    public Map<String, Long> parkedCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String processor : processors()) {
            processing.deadLetterQueue(processor).ifPresent(queue -> counts.put(processor, queue.size()));
        }
        return counts;
    }

    /**
     * Retries the parked events of one processor, each aggregate's events in their order. Each is retried as the
     * event store and the current upcasters give it now ({@link DeadLetterRefresh}), not as the queue copied it when
     * it was parked, so a repaired event or a new upcaster takes effect. A sequence whose first event fails again
     * stays parked (and its cause is updated); the others leave the queue once handled.
     *
     * @return how many events were parked before and are parked after the retry
     */
    public RetryResult retry(String processor) {
        streaming(processor);
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(processor);
        if (queue.isEmpty()) {
            throw new UnknownProcessorException(processor, "has no dead-letter queue");
        }
        if (refresh != null) {
            refresh.refresh(processor);
        }
        long before = queue.get().size();
        long sequences = queue.get().amountOfSequences();
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new UnknownProcessorException(processor, "has no dead-letter queue"));
        // each call takes one sequence that is not being processed; one call per sequence present at the start
        // visits each once (a sequence that fails again is touched and queued behind the others)
        for (long i = 0; i < sequences; i++) {
            letters.processAny();
        }
        return new RetryResult(processor, before, queue.get().size());
    }

    /**
     * Takes one parked event out of a processor's dead-letter queue without handling it, and records that in the log
     * as an operator event ({@link OperatorEvents.DeadLetterEvictedEvent}) naming who did it and why, in the same
     * transaction. The later events of the same record stay parked, to be retried.
     *
     * @param reason why, as the operator wrote it (checked as any recorded text: non-blank, at most 500 characters,
     *               no personal identity number)
     * @param recording who evicts it and through which channel ({@link RecordingMetadata}), stored with the operator
     *                  event
     * @return the evicted event as it was listed, and the id of the operator event
     * @throws NoSuchDeadLetterException when the processor has no such parked event
     */
    public Eviction evict(String processor, String eventId, String reason, MetaData recording) {
        streaming(processor);
        String why = Values.text(reason, "reason", 500);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(processor)
                .orElseThrow(() -> new UnknownProcessorException(processor, "has no dead-letter queue"));
        MetaData metaData = recording;
        String recordedBy = String.valueOf(recording.get(RecordingMetadata.RECORDED_BY));
        return transaction.execute(status -> {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (!letter.message().getIdentifier().equals(eventId)) {
                        continue;
                    }
                    ParkedEvent parked = parkedEvent(letter);
                    @SuppressWarnings("unchecked")
                    DeadLetter<? extends EventMessage<?>> found = letter;
                    queue.evict((DeadLetter<EventMessage<?>>) found);
                    String cause = parked.causeType() == null ? null
                            : parked.causeType() + (parked.causeMessage() == null ? "" : ": " + parked.causeMessage());
                    EventMessage<?> operatorEvent = GenericEventMessage.asEventMessage(
                            new OperatorEvents.DeadLetterEvictedEvent(processor, eventId, parked.type(),
                                    parked.aggregateId(), parked.sequenceNumber(),
                                    cause == null || cause.length() <= 1000 ? cause : cause.substring(0, 1000), why))
                            .andMetaData(metaData);
                    eventStore.publish(operatorEvent);
                    return new Eviction(processor, parked, operatorEvent.getIdentifier(), why, recordedBy,
                            queue.size());
                }
            }
            throw new NoSuchDeadLetterException(processor, eventId);
        });
    }

    private StreamingEventProcessor streaming(String processor) {
        return processing.eventProcessor(processor, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownProcessorException(processor, "is not a projection processor"));
    }

    private static ParkedEvent parkedEvent(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String aggregate = null;
        Long sequence = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregate = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Optional<Cause> cause = letter.cause();
        return new ParkedEvent(message.getIdentifier(), message.getPayloadType().getSimpleName(), aggregate, sequence,
                message.getTimestamp(), letter.enqueuedAt(), letter.lastTouched(),
                cause.map(Cause::type).orElse(null), cause.map(Cause::message).orElse(null));
    }

    /**
     * @param error           the processor's coordinator failed and retries after a back-off
     * @param position        the {@code global_index} every segment this node processes has passed, -1 before the
     *                        first event or when it processes none
     * @param head            the {@code global_index} of the newest stored event, -1 when there is none
     * @param lag             events stored but not yet passed by the slowest segment
     * @param parked          events in the dead-letter queue
     * @param parkedSequences aggregates with parked events
     */
    public record ProcessorState(String name, boolean running, boolean error, long position, long head, long lag,
                                 boolean deadLetterQueue, long parked, long parkedSequences) {
    }

    /** A parked event, without its payload; the cause is the exception's class and message, never a stack trace. */
    public record ParkedEvent(String eventId, String type, String aggregateId, Long sequenceNumber,
                              Instant recordedAt, Instant parkedAt, Instant lastTriedAt, String causeType,
                              String causeMessage) {
    }

    public record RetryResult(String processor, long parkedBefore, long parkedAfter) {

        public long handled() {
            return Math.max(0, parkedBefore - parkedAfter);
        }
    }

    /**
     * @param operatorEventId the id of the {@link OperatorEvents.DeadLetterEvictedEvent} recorded in the log
     * @param parkedAfter     events still parked in the processor's queue
     */
    public record Eviction(String processor, ParkedEvent evicted, String operatorEventId, String reason,
                           String recordedBy, long parkedAfter) {
    }

    /** The processor has no parked event with that id. */
    public static class NoSuchDeadLetterException extends RuntimeException {

        public NoSuchDeadLetterException(String processor, String eventId) {
            super("Processor '" + processor + "' has no parked event " + eventId);
        }
    }

    /** The name is not one of the streaming processors (or lacks what was asked of it). */
    public static class UnknownProcessorException extends RuntimeException {

        public UnknownProcessorException(String processor, String why) {
            super("Processor '" + processor + "' " + why);
        }
    }
}
