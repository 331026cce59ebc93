package se.asfplan.infra.concurrency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A record's version as the event store has it now: the sequence number of its last event, the value the API
 * answers as {@code ETag} and takes back as {@code If-Match} ({@link RecordedVersions}). The web pages put it into a
 * form when it is opened, so that a form left open while someone else changed the record is refused rather than
 * recorded over the change.
 */
@Component
public class AggregateVersions {

    private final JdbcTemplate jdbc;

    public AggregateVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The version, or {@code null} for a record with no events. */
    public Long version(String aggregateIdentifier) {
        return jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateIdentifier);
    }
}
