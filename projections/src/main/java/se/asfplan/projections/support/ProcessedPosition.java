package se.asfplan.projections.support;

import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event position (global index) up to which a processing group has folded every event of the event store
 * into its read model, read from the group's tokens (below the lowest gap of a gap-aware token). With several segments each segment reads the whole stream, so the position
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
        long lowest = Long.MAX_VALUE;
        for (byte[] token : tokens) {
            OptionalLong index = index(token);
            if (index.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, index.getAsLong());
        }
        return tokens.isEmpty() ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    /** The index of a stored token: a gap-aware token, or the current token inside a replay token. */
    private OptionalLong index(byte[] token) {
        if (token == null) {
            return OptionalLong.empty();
        }
        try {
            JsonNode node = json.readTree(token);
            for (JsonNode candidate = node; candidate != null && !candidate.isNull();
                 candidate = candidate.get("currentToken")) {
                if (candidate.hasNonNull("index")) {
                    // a gap below the index is an event not (yet) seen: everything before the lowest gap is folded
                    long folded = candidate.get("index").asLong();
                    for (JsonNode gap : candidate.path("gaps")) {
                        folded = Math.min(folded, gap.asLong() - 1);
                    }
                    return OptionalLong.of(folded);
                }
                if (candidate.hasNonNull("globalIndex")) {
                    return OptionalLong.of(candidate.get("globalIndex").asLong());
                }
            }
            return OptionalLong.empty();
        } catch (java.io.IOException e) {
            return OptionalLong.empty();
        }
    }
}
