package se.asfplan.projections.party;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.party.PartyEvents.PartyDetailsChangedEvent;
import se.asfplan.domain.party.PartyEvents.PartyNameRecordedEvent;
import se.asfplan.domain.party.PartyEvents.PartyRegisteredEvent;
import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyKind;
import se.asfplan.domain.party.PartyNames;
import se.asfplan.projections.support.AggregateSequence;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.ReadModelTables;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.generation.WrittenGeneration;
import se.asfplan.projections.party.PartyDirectory.NamedParty;
import se.asfplan.projections.party.PartyQueries.FindPartiesNamedQuery;
import se.asfplan.projections.party.PartyQueries.FindPartiesQuery;
import se.asfplan.projections.party.PartyQueries.FindPartyQuery;
import se.asfplan.projections.party.PartyQueries.PartyName;
import se.asfplan.projections.party.PartyQueries.PartyView;

/**
 * Folds party events into {@code party_view} (one row per party) and {@code party_name_view} (every name a party has
 * had). A party is inserted once; a later event applies only when its sequence number is newer than the last one
 * applied, so redelivery is harmless. Every row belongs to a generation: the live processor writes the active one, a
 * rebuild's processor the one it fills; the queries read the active generation.
 */
@Component
@ProcessingGroup(PartyRegisterProjection.PROCESSING_GROUP)
@ReadModelTables({"party_name_view", "party_view"})
public class PartyRegisterProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "party-register";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final WrittenGeneration written;
    private final PartyDirectory directory;

    /**
     * The Spring bean is the set of handlers of the live processor named {@value #PROCESSING_GROUP}; {@link
     * #writing} makes those of a rebuild's processor.
     */
    public PartyRegisterProjection(JdbcTemplate jdbc, ProjectionGenerations generations, WrittenGeneration written,
                                   PartyDirectory directory) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.generations = generations;
        this.written = written;
    }

    @Override
    public PartyRegisterProjection writing(int generation) {
        return new PartyRegisterProjection(jdbc, generations, written.rebuilding(generation), directory);
    }

    private int generation(TrackingToken token) {
        return written.forStateEvent(PROCESSING_GROUP, token);
    }

    @EventHandler
    void on(PartyRegisteredEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        int inserted = jdbc.update("""
                insert into party_view (generation, party_id, name, abbreviation, kind, municipality, registered_on,
                                        last_sequence)
                select ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from party_view where generation = ? and party_id = ?)""",
                generation, event.partyId().value(), event.name(), event.abbreviation(), event.kind().name(),
                event.municipality(), Date.valueOf(event.occurredOn()), sequence, generation,
                event.partyId().value());
        if (inserted == 1) {
            addNames(generation, event.partyId(), event.occurredOn(), sequence, event.name(), event.abbreviation());
        }
    }

    @EventHandler
    void on(PartyDetailsChangedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.partyId(), sequence)) {
            jdbc.update("""
                    update party_view set name = ?, abbreviation = ?, kind = ?, municipality = ?, changed_on = ?
                    where generation = ? and party_id = ?""",
                    event.name(), event.abbreviation(), event.kind().name(), event.municipality(),
                    Date.valueOf(event.occurredOn()), generation, event.partyId().value());
            addNames(generation, event.partyId(), event.occurredOn(), sequence, event.name(), event.abbreviation());
        }
    }

    @EventHandler
    void on(PartyNameRecordedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.partyId(), sequence)) {
            addNames(generation, event.partyId(), event.occurredOn(), sequence, event.name());
        }
    }

    private boolean advance(int generation, PartyId partyId, long sequence) {
        return AggregateSequence.advance(jdbc, "party_view", "party_id", generation, partyId.value(),
                sequence);
    }

    /** Adds the names the party does not have yet (compared as {@link PartyNames#key}), in the order given. */
    private void addNames(int generation, PartyId partyId, LocalDate since, long sequence, String... names) {
        int order = 0;
        for (String name : names) {
            if (name == null) {
                continue;
            }
            jdbc.update("""
                    insert into party_name_view (generation, party_id, name_key, name, since, ordinal)
                    select ?, ?, ?, ?, ?, ?
                    where not exists (select 1 from party_name_view
                                      where generation = ? and party_id = ? and name_key = ?)""",
                    generation, partyId.value(), PartyNames.storedKey(name), name, Date.valueOf(since),
                    sequence * 10 + order++, generation, partyId.value(), PartyNames.storedKey(name));
        }
    }

    /** An event of a type this release does not know takes its number only ({@link AggregateSequence#passUnknown}). */
    @EventHandler
    void on(UnknownSerializedType unknown, EventMessage<?> message, TrackingToken token) {
        AggregateSequence.passUnknown(jdbc, "party_view", "party_id", generation(token), "Party", message);
    }

    /** Clears the generation these handlers write, and only that one: the others belong to other processors. */
    @ResetHandler
    void reset() {
        written.clear(this);
    }

    private int active() {
        return generations.of(PROCESSING_GROUP).active();
    }

    // ---------------------------------------------------------------------------------------------- queries

    @QueryHandler
    public List<PartyView> handle(FindPartiesQuery query) {
        int generation = active();
        List<Object> arguments = new ArrayList<>(List.of(generation));
        String where = "";
        if (query.municipality() != null) {
            where = " and lower(municipality) = ?";
            arguments.add(query.municipality().strip().toLowerCase(Locale.ROOT));
        }
        Map<String, List<PartyName>> names = names(generation, null);
        return jdbc.query("select * from party_view where generation = ?" + where + " order by name, party_id",
                (rs, row) -> view(rs, names), arguments.toArray());
    }

    @QueryHandler
    public Optional<PartyView> handle(FindPartyQuery query) {
        int generation = active();
        Map<String, List<PartyName>> names = names(generation, query.partyId());
        return jdbc.query("select * from party_view where generation = ? and party_id = ?",
                (rs, row) -> view(rs, names), generation, query.partyId().value()).stream().findFirst();
    }

    @QueryHandler
    public List<NamedParty> handle(FindPartiesNamedQuery query) {
        return List.copyOf(new LinkedHashSet<>(directory.named(query.names()).values()));
    }

    private Map<String, List<PartyName>> names(int generation, PartyId only) {
        Map<String, List<PartyName>> names = new LinkedHashMap<>();
        String sql = "select party_id, name, since from party_name_view where generation = ?"
                + (only == null ? "" : " and party_id = ?") + " order by ordinal";
        Object[] arguments = only == null ? new Object[] {generation} : new Object[] {generation, only.value()};
        jdbc.query(sql, rs -> {
            names.computeIfAbsent(rs.getString("party_id"), id -> new ArrayList<>())
                    .add(new PartyName(rs.getString("name"), rs.getDate("since").toLocalDate()));
        }, arguments);
        return names;
    }

    private static PartyView view(ResultSet rs, Map<String, List<PartyName>> names) throws SQLException {
        Date changedOn = rs.getDate("changed_on");
        return new PartyView(new PartyId(rs.getString("party_id")), rs.getString("name"),
                rs.getString("abbreviation"), PartyKind.valueOf(rs.getString("kind")), rs.getString("municipality"),
                rs.getDate("registered_on").toLocalDate(), changedOn == null ? null : changedOn.toLocalDate(),
                List.copyOf(names.getOrDefault(rs.getString("party_id"), List.of())), rs.getLong("last_sequence"));
    }
}
