package se.asfplan.domain.shared;

import java.util.function.Supplier;

/**
 * Whether today's input rules apply to a value being made. They do, always, except while a stored event is read
 * back: validation belongs to commands, and a fact recorded under yesterday's rules (an organisation number whose
 * check digit a later release checks, a target a later rule refuses) must still read as it was recorded, or one old
 * event would make its record unreadable for good.
 * <p>
 * Value objects validate in their constructors, which every reader of stored events (Jackson, through the event
 * serializer of {@code infra}) also goes through; so each check is written {@code if (InputRules.apply()) ...} (or
 * through {@link Values}, which asks), and the event serializer reads every stored event within
 * {@link #suspendedWhile}; so do the query handlers, which read the read models' rows that stored events made.
 * Normalisation that cannot fail (trimming, a canonical form) still applies, so a value reads
 * the same whether it was stored before or after the normalisation came. Nothing else may suspend the rules: a
 * command, a plan file, an API body and a query as the client sent it are always checked.
 */
public final class InputRules {

    private static final ThreadLocal<int[]> SUSPENDED = ThreadLocal.withInitial(() -> new int[1]);

    private InputRules() {
    }

    /** True unless a stored event is being read on this thread. */
    public static boolean apply() {
        return SUSPENDED.get()[0] == 0;
    }

    /** Runs the reading of stored events with the input rules suspended on this thread (it may nest). */
    public static <T> T suspendedWhile(Supplier<T> reading) {
        int[] depth = SUSPENDED.get();
        depth[0]++;
        try {
            return reading.get();
        } finally {
            depth[0]--;
        }
    }

    /**
     * Suspends the input rules on this thread until the answer is closed, for reading stored facts where a
     * {@link Supplier} does not fit (a handler chain that throws checked exceptions):
     * {@code try (InputRules.Suspension reading = InputRules.suspend()) { ... }}.
     */
    public static Suspension suspend() {
        SUSPENDED.get()[0]++;
        return new Suspension();
    }

    /** The input rules suspended on this thread until {@link #close()}. */
    public static final class Suspension implements AutoCloseable {

        private boolean closed;

        private Suspension() {
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                SUSPENDED.get()[0]--;
            }
        }
    }

    /**
     * Refuses a value that breaks an input rule, unless the rules are suspended.
     *
     * @throws IllegalArgumentException with the message, naming the value and the expectation
     */
    public static void require(boolean condition, Supplier<String> message) {
        if (!condition && apply()) {
            throw new IllegalArgumentException(message.get());
        }
    }
}
