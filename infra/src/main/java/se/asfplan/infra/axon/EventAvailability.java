package se.asfplan.infra.axon;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Tells the projections' pooled processors when new events may be in the store, so that an acknowledged command
 * reaches the read models in tens of milliseconds instead of up to half a second.
 * <p>
 * Why: Axon's embedded event store offers its streams no availability callback, and a pooled processor's coordinator
 * whose stream has none looks for new events every 500 ms (a fixed delay in Axon 4.13): the freshness of every
 * report (acknowledged command to report) was about 480 ms on an idle machine. The streams of {@link #source} accept
 * the coordinator's callback and this class runs it: shortly after every local commit that published events (a few
 * times, as the store's own reader needs a moment to fetch them), and every {@value #PERIOD_MS} ms for events that
 * other nodes appended, which is how soon the coordinator looked before. A callback only makes the coordinator look
 * at its stream; what it reads and when it commits is unchanged.
 */
public final class EventAvailability implements AutoCloseable {

    /** How often the coordinators look without a local commit: for the events other nodes append. */
    static final long PERIOD_MS = 500;
    /**
     * After a local commit: the store's reader fetches the new events within moments, so look soon and once more a
     * little later. Commits in between share these looks: under a burst of commands the coordinators look at most
     * about a hundred times a second, not several times per command.
     */
    private static final long SOON_MS = 10;
    private static final long LATER_MS = 100;

    private final AtomicBoolean soonPending = new AtomicBoolean();
    private final AtomicBoolean laterPending = new AtomicBoolean();
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-availability");
        thread.setDaemon(true);
        return thread;
    });
    private Registration subscription;

    public EventAvailability() {
        this(PERIOD_MS);
    }

    /** With another period of looking without a local commit (tests). */
    EventAvailability(long periodMs) {
        timer.scheduleWithFixedDelay(this::signal, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Hears the store's local commits from now on. Done when the first processor asks for its {@link #source}, not
     * when this bean is made: the store's own configuration needs the processors' configuration, which needs this.
     */
    private synchronized void listenTo(EventStore store) {
        if (subscription == null) {
            subscription = store.subscribe(events -> {
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(unitOfWork -> afterCommit());
                } else {
                    afterCommit();
                }
            });
        }
    }

    /** The event store as a processor reads it: the same events, through a stream that accepts the callback. */
    public StreamableMessageSource<TrackedEventMessage<?>> source(EventStore store) {
        listenTo(store);
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
                return new SignalledStream(store.openStream(trackingToken));
            }

            @Override
            public TrackingToken createTailToken() {
                return store.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return store.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(java.time.Instant dateTime) {
                return store.createTokenAt(dateTime);
            }

            @Override
            public TrackingToken createTokenSince(java.time.Duration duration) {
                return store.createTokenSince(duration);
            }
        };
    }

    private void afterCommit() {
        if (soonPending.compareAndSet(false, true)) {
            timer.schedule(() -> {
                soonPending.set(false);
                signal();
            }, SOON_MS, TimeUnit.MILLISECONDS);
        }
        if (laterPending.compareAndSet(false, true)) {
            timer.schedule(() -> {
                laterPending.set(false);
                signal();
            }, LATER_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void signal() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // a coordinator that is shutting down may refuse; the others still hear
            }
        }
    }

    /** How many open streams listen (for tests). */
    int listening() {
        return callbacks.size();
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.cancel();
        }
        timer.shutdownNow();
    }

    /** A stream of the store that registers its coordinator's callback while open. */
    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public java.util.Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
