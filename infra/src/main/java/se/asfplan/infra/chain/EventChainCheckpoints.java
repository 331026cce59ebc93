package se.asfplan.infra.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes a signed checkpoint of the chain's head whenever the head has moved on by {@code everyEvents} positions, or
 * {@code interval} has passed since the last checkpoint and the head has moved at all (checked every few seconds
 * while the service runs). Several nodes may try the same checkpoint; the first one stored wins.
 */
public class EventChainCheckpoints implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EventChainCheckpoints.class);

    private final JdbcTemplate jdbc;
    private final SigningKeys keys;
    private final long everyEvents;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public EventChainCheckpoints(JdbcTemplate jdbc, SigningKeys keys, long everyEvents, Duration interval, Clock clock) {
        if (everyEvents < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("tracker.audit.checkpoint-every-events must be at least 1 and "
                    + "tracker.audit.checkpoint-interval positive");
        }
        this.jdbc = jdbc;
        this.keys = keys;
        this.everyEvents = everyEvents;
        this.interval = interval;
        this.clock = clock;
    }

    /** Every stored checkpoint, oldest first. */
    public List<Checkpoint> all() {
        return jdbc.query("select position, head, created_at, key_id, signature from event_chain_checkpoint "
                + "order by position", (row, n) -> new Checkpoint(row.getLong(1), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5)));
    }

    /** The last stored checkpoint. */
    public Optional<Checkpoint> last() {
        return jdbc.query("select position, head, created_at, key_id, signature from event_chain_checkpoint "
                + "order by position desc limit 1", (row, n) -> new Checkpoint(row.getLong(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5))).stream().findFirst();
    }

    /** Makes a checkpoint of the current head if it is due (or {@code force}d and the head has moved); answers it. */
    public Optional<Checkpoint> checkpointIfDue(boolean force) {
        List<EventChain.Head> heads = jdbc.query(
                "select global_index, link from event_chain order by global_index desc limit 1",
                (row, n) -> new EventChain.Head(row.getLong(1), row.getString(2)));
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        EventChain.Head head = heads.get(0);
        Optional<Checkpoint> last = last();
        Instant now = clock.instant();
        boolean moved = last.isEmpty() || head.position() > last.get().position();
        boolean due = last.isEmpty() || head.position() - last.get().position() >= everyEvents
                || !Instant.parse(last.get().createdAt()).plus(interval).isAfter(now);
        if (!moved || !(due || force)) {
            return Optional.empty();
        }
        Checkpoint checkpoint = keys.signer().checkpoint(head.position(), head.link(), now.toString());
        try {
            jdbc.update("insert into event_chain_checkpoint (position, head, created_at, key_id, signature) "
                            + "values (?, ?, ?, ?, ?)", checkpoint.position(), checkpoint.head(),
                    checkpoint.createdAt(), checkpoint.keyId(), checkpoint.signature());
            return Optional.of(checkpoint);
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // another node was first
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-chain-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, Math.min(interval.toSeconds(), 10));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                checkpointIfDue(false);
            } catch (RuntimeException e) {
                LOG.warn("Could not make a checkpoint of the event chain: {}", e.getMessage());
            }
        }, period, period, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
