package se.asfplan.infra.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongFunction;

import org.springframework.jdbc.core.JdbcTemplate;

import se.asfplan.infra.chain.ChainBreak.Kind;

/**
 * Recomputes the hash chain from the stored events and compares it with the stored chain rows, the stored signed
 * checkpoints and, when given, a checkpoint the auditor kept. The log and the chain are read in pages of
 * {@value #PAGE} rows each (keyset paging by position), merged by position; nothing holds the whole log.
 * <p>
 * Each position is judged on its own, against its predecessor's trusted link, so one change shows as one break at
 * its own position and the rest of the log still verifies (see docs/auditing.md for how each change shows). Only
 * positions up to the head seen when the verification starts are read.
 */
public class EventChainVerifier {

    static final int PAGE = 2_000;

    /** At most this many breaks are listed (all are counted). */
    public static final int LISTED_BREAKS = 1_000;

    private final JdbcTemplate jdbc;
    private final SigningKeys keys;

    public EventChainVerifier(JdbcTemplate jdbc, SigningKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Reports progress: positions read so far, of about how many, and the current position. */
    @FunctionalInterface
    public interface Progress {
        void at(long read, long total, long position);

        Progress NONE = (read, total, position) -> { };
    }

    /**
     * A checkpoint that an auditor kept (position and head); its signature is not needed.
     *
     * @param position the position
     * @param head     the link at that position
     */
    public record SuppliedCheckpoint(long position, String head) {
        public SuppliedCheckpoint {
            if (position < 1 || !ChainHash.isLink(head)) {
                throw new IllegalArgumentException("A checkpoint is a position (1 or more) and a head of 64 "
                        + "lowercase hex digits");
            }
        }
    }

    /**
     * What a verification found.
     *
     * @param events             events read
     * @param chainRows          chain rows read
     * @param head               the last position verified (null for an empty log)
     * @param headLink           the trusted link at {@code head}
     * @param checkpoints        stored checkpoints compared
     * @param suppliedCheckpoint the auditor's checkpoint, if one was given
     * @param suppliedMatches    whether it matched (null when none was given)
     * @param breakCount         every break found
     * @param breaks             the first {@link #LISTED_BREAKS} of them, by position
     * @param took               how long it took
     */
    public record Report(long events, long chainRows, Long head, String headLink, int checkpoints,
                         SuppliedCheckpoint suppliedCheckpoint, Boolean suppliedMatches, long breakCount,
                         List<ChainBreak> breaks, Duration took) {

        public boolean passed() {
            return breakCount == 0;
        }
    }

    /** Verifies the whole log. */
    public Report verify(SuppliedCheckpoint supplied, Progress progress) {
        Instant started = Instant.now();
        Long bound = jdbc.queryForObject("select greatest((select max(global_index) from domain_event_entry), "
                + "(select max(global_index) from event_chain))", Long.class);
        long total = bound == null ? 0 : Objects.requireNonNull(jdbc.queryForObject(
                "select count(*) from event_chain where global_index <= ?", Long.class, bound));
        Run run = new Run(supplied);
        if (bound != null) {
            // the bounds are written into the statement (they are numbers): a prepared statement's generic plan on
            // PostgreSQL may sort the whole table for every page instead of reading the primary key's range
            Iterator<StoredEvent> events = pages(after -> jdbc.query("select " + StoredEvent.COLUMNS
                    + " from domain_event_entry where " + range(after, bound) + " order by global_index"
                    + " limit " + PAGE, (row, n) -> StoredEvent.read(row)), StoredEvent::position);
            Iterator<ChainRow> chain = pages(after -> jdbc.query("select global_index, previous_index, "
                    + "event_identifier, event_sha256, payload_sha256, meta_data_sha256, link from event_chain "
                    + "where " + range(after, bound) + " order by global_index limit " + PAGE,
                    (row, n) -> new ChainRow(row.getLong(1), (Long) row.getObject(2, Long.class), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7))),
                    ChainRow::position);
            StoredEvent event = next(events);
            ChainRow link = next(chain);
            long read = 0;
            long positions = 0;
            while (event != null || link != null) {
                long position = event == null ? link.position() : link == null ? event.position()
                        : Math.min(event.position(), link.position());
                StoredEvent here = event != null && event.position() == position ? event : null;
                ChainRow chained = link != null && link.position() == position ? link : null;
                run.judge(position, here, chained);
                if (here != null) {
                    run.events++;
                    event = next(events);
                }
                if (chained != null) {
                    run.chainRows++;
                    read++;
                    link = next(chain);
                }
                if (++positions % 1_000 == 0) {
                    progress.at(read, total, position);
                }
            }
            progress.at(read, total, bound);
        }
        run.unvisitedCheckpoints(bound);
        List<ChainBreak> listed = run.breaks.stream()
                .sorted(java.util.Comparator.comparingLong(ChainBreak::position)).toList();
        return new Report(run.events, run.chainRows, run.previousPosition, run.previousLink,
                run.storedCheckpoints.size(), supplied, supplied == null ? null : run.suppliedMatches,
                run.breakCount, listed, Duration.between(started, Instant.now()));
    }

    private record ChainRow(long position, Long previousPosition, String eventId, String eventSha256,
                            String payloadSha256, String metaDataSha256, String link) {
    }

    /** The state of one verification as it walks the log. */
    private final class Run {
        final TreeMap<Long, Checkpoint> storedCheckpoints = new TreeMap<>();
        final SuppliedCheckpoint supplied;
        final CheckpointSigner signer = keys.signer();
        final List<ChainBreak> breaks = new ArrayList<>();
        long breakCount;
        long events;
        long chainRows;
        Long previousPosition;
        String previousLink = ChainHash.GENESIS;
        boolean suppliedMatches;
        boolean suppliedVisited;
        final java.util.Set<Long> visited = new java.util.HashSet<>();

        Run(SuppliedCheckpoint supplied) {
            this.supplied = supplied;
            jdbc.query("select position, head, created_at, key_id, signature from event_chain_checkpoint",
                    row -> {
                        Checkpoint checkpoint = new Checkpoint(row.getLong(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getString(5));
                        storedCheckpoints.put(checkpoint.position(), checkpoint);
                    });
            storedCheckpoints.values().stream().filter(checkpoint -> !keys.isValid(checkpoint)).forEach(
                    checkpoint -> found(checkpoint.position(), Kind.CHECKPOINT_SIGNATURE, null,
                            keys.knows(checkpoint.keyId())
                                    ? "the stored checkpoint's signature is not valid under the key it names ("
                                    + checkpoint.keyId() + ")"
                                    : "the stored checkpoint is signed with a key this service does not know ("
                                    + checkpoint.keyId() + "; it signs with " + signer.keyId() + "): if the "
                                    + "signing key was replaced, give the old public key in "
                                    + "TRACKER_AUDIT_PREVIOUS_PUBLIC_KEYS, or check the checkpoint with it"));
        }

        void found(long position, Kind kind, String eventId, String detail) {
            breakCount++;
            if (breaks.size() < LISTED_BREAKS) {
                breaks.add(new ChainBreak(position, kind, eventId, detail));
            }
        }

        void judge(long position, StoredEvent event, ChainRow chained) {
            if (chained == null) {
                Long elsewhere = chainedPosition(event.eventId());
                if (elsewhere != null) {
                    found(position, Kind.REORDERED, event.eventId(), "this event was chained at position "
                            + elsewhere);
                } else {
                    found(position, Kind.INSERTED, event.eventId(), "this event was never chained");
                }
                return; // not part of the chain: the next position follows the same predecessor
            }
            String trusted = chained.link();
            if (event == null) {
                Long elsewhere = eventPosition(chained.eventId());
                if (elsewhere != null) {
                    found(position, Kind.REORDERED, chained.eventId(), "the event chained here is at position "
                            + elsewhere + " now");
                } else {
                    found(position, Kind.DELETED, chained.eventId(), "the event chained here is not in the log");
                }
            } else if (!event.eventId().equals(chained.eventId())) {
                Long elsewhere = chainedPosition(event.eventId());
                if (elsewhere != null) {
                    found(position, Kind.REORDERED, event.eventId(), "this event was chained at position "
                            + elsewhere + "; the event chained here is " + chained.eventId());
                } else {
                    found(position, Kind.INSERTED, event.eventId(), "this event was never chained; it stands "
                            + "where " + chained.eventId() + " was chained");
                }
            } else {
                boolean structural = !Objects.equals(chained.previousPosition(), previousPosition);
                if (structural) {
                    if (chained.previousPosition() != null
                            && (previousPosition == null || chained.previousPosition() > previousPosition)) {
                        found(chained.previousPosition(), Kind.DELETED, null, "position "
                                + chained.previousPosition() + " (event and chain row) is missing: position "
                                + position + " was chained after it");
                    } else {
                        found(previousPosition, Kind.INSERTED, null, "position " + previousPosition
                                + " is in the chain, but position " + position + " was chained after "
                                + (chained.previousPosition() == null ? "nothing" : "position "
                                + chained.previousPosition()));
                    }
                }
                byte[] canonical = event.canonical();
                if (!ChainHash.sha256(canonical).equals(chained.eventSha256())) {
                    if (!Objects.equals(ChainHash.sha256(event.payload()), chained.payloadSha256())) {
                        found(position, Kind.CHANGED_PAYLOAD, event.eventId(), "the payload is not the one chained");
                    } else if (!Objects.equals(ChainHash.sha256(event.metaData()), chained.metaDataSha256())) {
                        found(position, Kind.CHANGED_METADATA, event.eventId(),
                                "the metadata is not the one chained");
                    } else {
                        found(position, Kind.CHANGED_EVENT, event.eventId(), "a field other than payload and "
                                + "metadata (aggregate, sequence, types, revision or timestamp) is not the one chained");
                    }
                } else if (!structural) {
                    String expected = ChainHash.link(previousLink, canonical);
                    if (!expected.equals(chained.link())) {
                        found(position, Kind.CHANGED_LINK, event.eventId(), "the stored link is not the one that "
                                + "follows from its predecessor and this event");
                        trusted = expected;
                    }
                }
            }
            previousPosition = position;
            previousLink = trusted;
            checkpointsAt(position, trusted);
        }

        void checkpointsAt(long position, String link) {
            if (storedCheckpoints.containsKey(position)) {
                visited.add(position);
            }
            Checkpoint stored = storedCheckpoints.get(position);
            if (stored != null && !stored.head().equals(link)) {
                found(position, Kind.CHECKPOINT_MISMATCH, null, "the stored checkpoint of " + stored.createdAt()
                        + " has head " + stored.head() + ", the chain " + link);
            }
            if (supplied != null && supplied.position() == position) {
                suppliedVisited = true;
                suppliedMatches = supplied.head().equals(link);
                if (!suppliedMatches) {
                    found(position, Kind.CHECKPOINT_MISMATCH, null, "the checkpoint you supplied has head "
                            + supplied.head() + ", the chain " + link);
                }
            }
        }

        void unvisitedCheckpoints(Long bound) {
            for (Checkpoint checkpoint : storedCheckpoints.values()) {
                if (visited.contains(checkpoint.position())) {
                    continue;
                }
                boolean chainedSince = (bound == null || checkpoint.position() > bound)
                        && jdbc.queryForObject("select count(*) from event_chain where global_index = ?",
                        Long.class, checkpoint.position()) > 0;
                if (!chainedSince) {
                    found(checkpoint.position(), Kind.CHECKPOINT_MISMATCH, null, "the stored checkpoint of "
                            + checkpoint.createdAt() + " names position " + checkpoint.position()
                            + ", which is not in the chain");
                }
            }
            if (supplied != null && !suppliedVisited) {
                suppliedMatches = false;
                found(supplied.position(), Kind.CHECKPOINT_MISMATCH, null, "the checkpoint you supplied names "
                        + "position " + supplied.position() + ", which is not in the chain");
            }
        }
    }

    private Long chainedPosition(String eventId) {
        return jdbc.queryForList("select global_index from event_chain where event_identifier = ?", Long.class,
                eventId).stream().findFirst().orElse(null);
    }

    private Long eventPosition(String eventId) {
        return jdbc.queryForList("select global_index from domain_event_entry where event_identifier = ?",
                Long.class, eventId).stream().findFirst().orElse(null);
    }

    /** {@code global_index} after one position up to another, as literal numbers. */
    static String range(long after, long upTo) {
        return range("", after, upTo);
    }

    /** The same for the table of the given alias (with its dot, e.g. {@code "e."}). */
    static String range(String alias, long after, long upTo) {
        return alias + "global_index > " + after + " and " + alias + "global_index <= " + upTo;
    }

    private static <T> T next(Iterator<T> iterator) {
        return iterator.hasNext() ? iterator.next() : null;
    }

    /** Reads a table page after page, each page after the last position of the one before. */
    private static <T> Iterator<T> pages(LongFunction<List<T>> page, java.util.function.ToLongFunction<T> position) {
        return new Iterator<>() {
            private List<T> current = page.apply(Long.MIN_VALUE);
            private int index;

            @Override
            public boolean hasNext() {
                if (index < current.size()) {
                    return true;
                }
                if (current.size() < PAGE) {
                    return false;
                }
                current = page.apply(position.applyAsLong(current.get(current.size() - 1)));
                index = 0;
                return !current.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.get(index++);
            }
        };
    }
}
