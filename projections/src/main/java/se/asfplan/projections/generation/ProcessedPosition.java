package se.asfplan.projections.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event position (global index) up to which a processing group has folded every event of the event store
 * into its read model, read from the group's tokens (below the lowest gap of a gap-aware token that holds a stored
 * event; a rolled-back append's gap never fills and does not count). With several segments each segment reads the whole stream, so the position
 * the read model reflects as a whole is the lowest of them. Empty before the group has processed anything.
 */
@Component
public class ProcessedPosition {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ProcessedPosition(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public OptionalLong of(String processingGroup) {
        List<byte[]> tokens = jdbc.query("select token from token_entry where processor_name = ?",
                (rs, row) -> rs.getBytes("token"), processingGroup);
        if (tokens.isEmpty()) {
            return OptionalLong.empty();
        }
        List<Folded> folded = new ArrayList<>();
        Set<Long> gaps = new TreeSet<>();
        for (byte[] token : tokens) {
            Optional<Folded> read = read(token);
            if (read.isEmpty()) {
                return OptionalLong.empty();
            }
            folded.add(read.get());
            gaps.addAll(read.get().gaps());
        }
        Set<Long> pending = stored(gaps);
        long lowest = Long.MAX_VALUE;
        for (Folded token : folded) {
            long position = token.index();
            for (long gap : token.gaps()) {
                if (pending.contains(gap)) {
                    position = Math.min(position, gap - 1);
                }
            }
            lowest = Math.min(lowest, position);
        }
        return OptionalLong.of(lowest);
    }

    /** A token's index and the gaps below it. */
    private record Folded(long index, List<Long> gaps) {
    }

    /**
     * The gaps that hold a stored event the token has not seen. Appends are serialised (one open append at a time,
     * see {@code SerialisedAppendsEventStorageEngine}), so a gap below a stored event can only be an append that
     * was rolled back, which never fills: such a gap does not hold the position back. Only a gap whose event is
     * stored (seen by the database, not yet by the processor) does.
     */
    private Set<Long> stored(Set<Long> gaps) {
        Set<Long> stored = new TreeSet<>();
        List<Long> all = List.copyOf(gaps);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> batch = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
            stored.addAll(jdbc.queryForList("select global_index from domain_event_entry where global_index in ("
                    + marks + ")", Long.class, batch.toArray()));
        }
        return stored;
    }

    /** The index and gaps of a stored token: a gap-aware token, or the current token inside a replay token. */
    private Optional<Folded> read(byte[] token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(token);
            for (JsonNode candidate = node; candidate != null && !candidate.isNull();
                 candidate = candidate.get("currentToken")) {
                if (candidate.hasNonNull("index")) {
                    List<Long> gaps = new ArrayList<>();
                    candidate.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
                    return Optional.of(new Folded(candidate.get("index").asLong(), gaps));
                }
                if (candidate.hasNonNull("globalIndex")) {
                    return Optional.of(new Folded(candidate.get("globalIndex").asLong(), List.of()));
                }
            }
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
