package se.asfplan.web.support;

import java.time.Duration;
import java.util.Random;

import org.awaitility.Awaitility;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;

import se.asfplan.projections.generation.ProcessedPosition;

/**
 * A writer of a random history for the rebuild tests: it draws each next command from its {@link Random} (the same
 * seed gives the same commands) and records it through the command bus as a test user. A random history tries
 * commands the rules may refuse in the state reached so far; a refused command is counted, the first few are
 * printed, and the history goes on. Each test's writer decides which commands make up its history; what they share
 * is here, with the event store's head that the tests wait for the processors to reach.
 */
public abstract class RandomHistory {

    private static final int PRINTED_REFUSALS = 10;

    protected final Random random;
    /** Starts the identifiers this writer makes, so that two writers of one test never pick the same one. */
    protected final String prefix;
    private final CommandGateway commands;
    private final MetaData recording;
    private final String test;
    private int refused;

    protected RandomHistory(CommandGateway commands, MetaData recording, String test, Random random, String prefix) {
        this.commands = commands;
        this.recording = recording;
        this.test = test;
        this.random = random;
        this.prefix = prefix;
    }

    /** Records the command; false when the rules refuse it, which is counted and, for the first few, printed. */
    protected boolean send(Object command) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(recording));
            return true;
        } catch (RuntimeException e) {
            refused++;
            if (refused <= PRINTED_REFUSALS) {
                System.out.println(test + " refused " + command.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return false;
        }
    }

    /** How many commands the rules have refused so far. */
    public int refused() {
        return refused;
    }

    /** The newest position (global index) in the event store, 0 when it is empty. */
    public static long head(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    }

    /** Waits until the live processor of the group has folded every event stored now. */
    public static void awaitLiveCaughtUp(JdbcTemplate jdbc, ProcessedPosition positions, String group) {
        long head = head(jdbc);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> positions.of(group).orElse(-1) >= head);
    }
}
