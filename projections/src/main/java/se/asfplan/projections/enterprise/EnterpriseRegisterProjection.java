package se.asfplan.projections.enterprise;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.domain.enterprise.DefinitionCriteria;
import se.asfplan.domain.enterprise.EnterpriseDetails;
import se.asfplan.domain.enterprise.EnterpriseEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.BusinessAdviceReceivedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EnterpriseFactRetractedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.EventParticipationRecordedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.IntegrationspaktenLevelChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToBusinessDialogueEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.InvitedToReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedReferenceGroupEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.LeftIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseClosedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseDetailsChangedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseRegisteredEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SoleTraderNameErasedEvent;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.retraction.FactType;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.projections.support.AggregateSequence;
import se.asfplan.projections.support.ListPage;
import se.asfplan.domain.shared.PersonalNames;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseFactView;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterprisePage;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseSummary;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseView;
import se.asfplan.projections.enterprise.EnterpriseQueries.FactView;
import se.asfplan.projections.enterprise.EnterpriseQueries.FindEnterpriseFactsCarryingOutQuery;
import se.asfplan.projections.enterprise.EnterpriseQueries.FindEnterpriseQuery;
import se.asfplan.projections.enterprise.EnterpriseQueries.FindEnterprisePageQuery;
import se.asfplan.projections.enterprise.EnterpriseQueries.FindEnterprisesQuery;
import se.asfplan.projections.enterprise.EnterpriseQueries.IntegrationspaktenView;
import se.asfplan.projections.enterprise.EnterpriseQueries.ReferenceGroupView;
import se.asfplan.projections.generation.ReadModelTables;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.generation.WrittenGeneration;

/**
 * Folds social enterprise events into the register tables. Every handler first advances the enterprise's
 * {@code last_sequence}; an event whose sequence number was already applied changes nothing, so redelivery after
 * a crash or a segment hand-over is harmless. Every event also becomes a row of {@code enterprise_fact_view},
 * which answers "which facts carried out this plan activity". Every row belongs to a generation, and every read,
 * update and guard names it: the live processor writes the active one ({@link StateGenerations}), a rebuild's
 * processor the one it fills ({@code ProjectionRebuilds}); the queries read the active generation.
 */
@Component
@ProcessingGroup(EnterpriseRegisterProjection.PROCESSING_GROUP)
@ReadModelTables({"enterprise_fact_view", "enterprise_view"})
public class EnterpriseRegisterProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "enterprise-register";

    /** The register's order: by name, then by id, so that pages neither overlap nor skip. */
    private static final String LIST_ORDER = "order by name, enterprise_id";

    /** The tables of the projection, the one the others refer to last. */
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ProjectionGenerations generations;
    private final WrittenGeneration written;

    /**
     * The Spring bean is the set of handlers of the live processor named {@value #PROCESSING_GROUP}; {@link
     * #writing} makes those of a rebuild's processor.
     */
    public EnterpriseRegisterProjection(JdbcTemplate jdbc, ObjectMapper json, ProjectionGenerations generations,
                                        WrittenGeneration written) {
        this.jdbc = jdbc;
        this.json = json;
        this.generations = generations;
        this.written = written;
    }

    @Override
    public EnterpriseRegisterProjection writing(int generation) {
        return new EnterpriseRegisterProjection(jdbc, json, generations, written.rebuilding(generation));
    }

    private int generation(TrackingToken token) {
        return written.forStateEvent(PROCESSING_GROUP, token);
    }

    private int active() {
        return generations.of(PROCESSING_GROUP).active();
    }

    // ---------------------------------------------------------------------------------------------- events

    @EventHandler
    void on(SocialEnterpriseRegisteredEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        EnterpriseDetails details = event.details();
        DefinitionCriteria criteria = details.criteria();
        int inserted = jdbc.update("""
                insert into enterprise_view (generation, enterprise_id, organisation_number, name, legal_form,
                                             lines_of_business, municipality, district, integration_purpose,
                                             employee_participation, profits_reinvested,
                                             independent_of_public_sector, counts_as_asf, certifications,
                                             registered_on, last_sequence)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from enterprise_view where generation = ? and enterprise_id = ?)""",
                generation, event.enterpriseId().value(),
                event.organisationNumber() == null ? null : event.organisationNumber().value(), details.name(),
                details.legalForm().name(), toJson(details.linesOfBusiness()), details.municipality(),
                details.district(), criteria.integrationPurpose(), criteria.employeeParticipation(),
                criteria.profitsReinvested(), criteria.independentOfPublicSector(), details.countsAsAsf(),
                toJson(details.certifications()), Date.valueOf(event.occurredOn()), sequence, generation,
                event.enterpriseId().value());
        if (inserted == 1) {
            insertFact(generation, event, sequence,
                    "Registered as " + details.legalForm().swedishName() + asfStatus(details));
        }
    }

    @EventHandler
    void on(SocialEnterpriseDetailsChangedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            EnterpriseDetails details = event.details();
            DefinitionCriteria criteria = details.criteria();
            update(generation, event.enterpriseId(), """
                    name = ?, legal_form = ?, lines_of_business = ?, municipality = ?, district = ?,
                    integration_purpose = ?, employee_participation = ?, profits_reinvested = ?,
                    independent_of_public_sector = ?, counts_as_asf = ?, certifications = ?, details_changed_on = ?""",
                    details.name(), details.legalForm().name(), toJson(details.linesOfBusiness()),
                    details.municipality(), details.district(), criteria.integrationPurpose(),
                    criteria.employeeParticipation(), criteria.profitsReinvested(),
                    criteria.independentOfPublicSector(), details.countsAsAsf(), toJson(details.certifications()),
                    Date.valueOf(event.occurredOn()));
            insertFact(generation, event, sequence, "Details changed" + asfStatus(details));
        }
    }

    @EventHandler
    void on(SocialEnterpriseClosedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            update(generation, event.enterpriseId(), "closed_on = ?, closing_reason = ?",
                    Date.valueOf(event.occurredOn()),
                    event.reason());
            insertFact(generation, event, sequence, "Closed: " + event.reason());
        }
    }

    /**
     * A sole trader's name erased (gallring): the register's copy of it goes too, in every generation this
     * processor writes; a rebuild reads the name from the log as erased already, since its key is destroyed.
     */
    @EventHandler
    void on(SoleTraderNameErasedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            update(generation, event.enterpriseId(), "name = ?", PersonalNames.ERASED);
            insertFact(generation, event, sequence, "Name erased (gallring, " + event.gallringDecision() + "): "
                    + event.reason());
        }
    }

    @EventHandler
    void on(InvitedToIntegrationspaktenEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            // an invitation recorded late must not hide a newer one: keep the latest by business date
            jdbc.update("update enterprise_view set integrationspakten_invited_on = ? where generation = ? and "
                            + "enterprise_id = ? and "
                            + "(integrationspakten_invited_on is null or integrationspakten_invited_on < ?)",
                    Date.valueOf(event.occurredOn()), generation, event.enterpriseId().value(),
                    Date.valueOf(event.occurredOn()));
            insertFact(generation, event, sequence, "Invited to Integrationspakten");
        }
    }

    @EventHandler
    void on(JoinedIntegrationspaktenEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            update(generation, event.enterpriseId(), "integrationspakten_level = ?, integrationspakten_joined_on = ?, "
                    + "integrationspakten_left_on = null", event.level().value(), Date.valueOf(event.occurredOn()));
            insertFact(generation, event, sequence, "Joined Integrationspakten at level " + event.level());
        }
    }

    @EventHandler
    void on(IntegrationspaktenLevelChangedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            update(generation, event.enterpriseId(), "integrationspakten_level = ?", event.to().value());
            insertFact(generation, event, sequence, "Integrationspakten level changed from " + event.from() + " to "
                    + event.to());
        }
    }

    @EventHandler
    void on(LeftIntegrationspaktenEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            update(generation, event.enterpriseId(), "integrationspakten_level = null, integrationspakten_left_on = ?",
                    Date.valueOf(event.occurredOn()));
            insertFact(generation, event, sequence, "Left Integrationspakten");
        }
    }

    @EventHandler
    void on(InvitedToReferenceGroupEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            jdbc.update("update enterprise_view set reference_group_invited_on = ? where generation = ? and "
                            + "enterprise_id = ? and "
                            + "(reference_group_invited_on is null or reference_group_invited_on < ?)",
                    Date.valueOf(event.occurredOn()), generation, event.enterpriseId().value(),
                    Date.valueOf(event.occurredOn()));
            insertFact(generation, event, sequence, "Invited to Integrationspakten's reference group");
        }
    }

    @EventHandler
    void on(JoinedReferenceGroupEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            update(generation, event.enterpriseId(), "reference_group_joined_on = ?", Date.valueOf(event.occurredOn()));
            insertFact(generation, event, sequence, "Joined Integrationspakten's reference group");
        }
    }

    @EventHandler
    void on(InvitedToBusinessDialogueEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            insertFact(generation, event, sequence, "Invited to a business dialogue"
                    + (event.dialogue() == null ? "" : ": " + event.dialogue()));
        }
    }

    @EventHandler
    void on(BusinessAdviceReceivedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            insertFact(generation, event, sequence, "Business advice from " + event.provider() + ", "
                    + event.hours().toPlainString() + " hours");
        }
    }

    @EventHandler
    void on(EventParticipationRecordedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.enterpriseId(), sequence)) {
            String kind = switch (event.kind()) {
                case EVENT -> "an event";
                case SEMINAR -> "a seminar";
                case TENDER_SCHOOL -> "a tender school";
            };
            insertFact(generation, event, sequence, "Took part in " + kind + ": " + event.eventName());
        }
    }

    /** An event of a type this release does not know takes its number only ({@link AggregateSequence#passUnknown}). */
    @EventHandler
    void on(UnknownSerializedType unknown, EventMessage<?> message, TrackingToken token) {
        AggregateSequence.passUnknown(jdbc, "enterprise_view", "enterprise_id", generation(token), "SocialEnterprise", message);
    }

    /** Clears the generation these handlers write, and only that one: the others belong to other processors. */
    @ResetHandler
    void reset() {
        written.clear(this);
    }

    /** Moves the enterprise's applied sequence forward; false when this event was applied before, parked when
     * it is not the next one ({@link AggregateSequence}). */
    private boolean advance(int generation, EnterpriseId enterpriseId, long sequence) {
        return AggregateSequence.advance(jdbc, "enterprise_view", "enterprise_id", generation, enterpriseId.value(),
                sequence);
    }

    private void update(int generation, EnterpriseId enterpriseId, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 2];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = generation;
        arguments[values.length + 1] = enterpriseId.value();
        jdbc.update("update enterprise_view set " + assignments + " where generation = ? and enterprise_id = ?",
                arguments);
    }

    /**
     * Enters the fact with the identifier of the event being handled (which a retraction names) and the
     * Integrationspakten membership as it stands after it (so a retracted membership step can restore the one before).
     */
    private void insertFact(int generation, EnterpriseEvent event, long sequence, String summary) {
        String name = eventName(event);
        PlanActivityReference carriesOut = event.carriesOut();
        String eventId = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage().getIdentifier() : null;
        jdbc.update("""
                insert into enterprise_fact_view (generation, enterprise_id, event_sequence, fact, occurred_on,
                                                  summary, plan_id, activity_id, event_id, ip_level, ip_joined_on,
                                                  ip_left_on)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, integrationspakten_level, integrationspakten_joined_on,
                       integrationspakten_left_on
                from enterprise_view where generation = ? and enterprise_id = ?""",
                generation, event.enterpriseId().value(), sequence, name.substring(0, name.length() - "Event".length()),
                Date.valueOf(event.occurredOn()), summary,
                carriesOut == null ? null : carriesOut.planId().value(),
                carriesOut == null ? null : carriesOut.activityId().value(), eventId, generation,
                event.enterpriseId().value());
    }

    /**
     * A retraction marks the retracted fact (it stays listed, with the day and reason), is listed as a fact of its
     * own, and undoes what the fact did to the enterprise's state: the latest invitation is the latest one not
     * retracted, a retracted membership step leaves the membership after the step before it (or none), a retracted
     * reference-group membership leaves the enterprise outside the group.
     */
    @EventHandler
    void on(EnterpriseFactRetractedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (!advance(generation, event.enterpriseId(), sequence)) {
            return;
        }
        String enterpriseId = event.enterpriseId().value();
        jdbc.update("update enterprise_fact_view set retracted_on = ?, retraction_reason = ? "
                        + "where generation = ? and enterprise_id = ? and event_id = ?",
                Date.valueOf(event.occurredOn()), event.reason(), generation, enterpriseId, event.retractedEventId());
        FactType retracted = FactType.named(event.retractedFact());
        switch (retracted) {
            case INVITED_TO_INTEGRATIONSPAKTEN -> latestInvitation(generation, enterpriseId,
                    factName(FactType.INVITED_TO_INTEGRATIONSPAKTEN), "integrationspakten_invited_on");
            case INVITED_TO_REFERENCE_GROUP -> latestInvitation(generation, enterpriseId,
                    factName(FactType.INVITED_TO_REFERENCE_GROUP), "reference_group_invited_on");
            case JOINED_REFERENCE_GROUP -> update(generation, event.enterpriseId(),
                    "reference_group_joined_on = null");
            case JOINED_INTEGRATIONSPAKTEN, INTEGRATIONSPAKTEN_LEVEL_CHANGED, LEFT_INTEGRATIONSPAKTEN -> {
                List<Object[]> before = jdbc.query("""
                        select ip_level, ip_joined_on, ip_left_on from enterprise_fact_view
                        where generation = ? and enterprise_id = ? and retracted_on is null
                          and fact in (?, ?, ?)
                        order by event_sequence desc""",
                        (rs, row) -> new Object[] {rs.getString("ip_level"), rs.getDate("ip_joined_on"),
                                rs.getDate("ip_left_on")}, generation, enterpriseId,
                        factName(FactType.JOINED_INTEGRATIONSPAKTEN),
                        factName(FactType.INTEGRATIONSPAKTEN_LEVEL_CHANGED),
                        factName(FactType.LEFT_INTEGRATIONSPAKTEN));
                Object[] membership = before.isEmpty() ? new Object[3] : before.get(0);
                update(generation, event.enterpriseId(), "integrationspakten_level = ?, "
                        + "integrationspakten_joined_on = ?, integrationspakten_left_on = ?", membership);
            }
            default -> {
            }
        }
        insertFact(generation, event, sequence, "Retracted " + factName(retracted)
                + " (" + event.retractedEventId() + "): " + event.reason());
    }

    /**
     * An event's name as the fact list shows it (with "Event" cut off there): a retractable fact's by its stable
     * {@link FactType} name, which the retraction handler above compares with; any other event's by its type.
     */
    private static String eventName(EnterpriseEvent event) {
        return FactType.recordedBy(event.getClass()).map(FactType::storedName)
                .orElseGet(() -> event.getClass().getSimpleName());
    }

    /** A retractable fact's name in the fact list: its stored name without "Event". */
    private static String factName(FactType fact) {
        return fact.storedName().replaceFirst("Event$", "");
    }

    private void latestInvitation(int generation, String enterpriseId, String fact, String column) {
        jdbc.update("update enterprise_view set " + column + " = (select max(occurred_on) from enterprise_fact_view "
                        + "where generation = ? and enterprise_id = ? and fact = ? and retracted_on is null) "
                        + "where generation = ? and enterprise_id = ?",
                generation, enterpriseId, fact, generation, enterpriseId);
    }

    private static String asfStatus(EnterpriseDetails details) {
        return details.countsAsAsf() ? "; counts as ASF" : "; does not count as ASF (not all four criteria met)";
    }

    // ---------------------------------------------------------------------------------------------- queries

    @QueryHandler
    public List<EnterpriseSummary> handle(FindEnterprisesQuery query) {
        List<Object> arguments = new ArrayList<>();
        String where = listed(query.countsAsAsf(), query.district(), query.text(), false, arguments);
        return jdbc.query("select * from enterprise_view " + where + " " + LIST_ORDER, (rs, row) -> summary(rs),
                arguments.toArray());
    }

    /** A page of the list, cut in the database ({@link ListPage}). */
    @QueryHandler
    public EnterprisePage handle(FindEnterprisePageQuery query) {
        List<Object> arguments = new ArrayList<>();
        String where = listed(query.countsAsAsf(), query.district(), query.text(),
                query.withOrganisationNumberOnly(), arguments);
        ListPage<EnterpriseSummary> listed = ListPage.read(jdbc, "enterprise_view", where, LIST_ORDER, arguments,
                query.offset(), query.limit(), (rs, row) -> summary(rs));
        return new EnterprisePage(listed.items(), listed.total());
    }

    /** The where clause of the list's filters on the active generation; their values are added to the arguments. */
    private String listed(Boolean countsAsAsf, String district, String text, boolean withOrganisationNumberOnly,
                          List<Object> arguments) {
        StringBuilder sql = new StringBuilder("where generation = ?");
        arguments.add(active());
        if (countsAsAsf != null) {
            sql.append(" and counts_as_asf = ?");
            arguments.add(countsAsAsf);
        }
        if (district != null) {
            sql.append(" and district = ?");
            arguments.add(district);
        }
        if (withOrganisationNumberOnly) {
            List<String> forms = Arrays.stream(LegalForm.values()).filter(LegalForm::hasOrganisationNumber)
                    .map(LegalForm::name).toList();
            sql.append(" and legal_form in (").append(String.join(", ", Collections.nCopies(forms.size(), "?")))
                    .append(")");
            arguments.addAll(forms);
        }
        if (text != null && !text.isBlank()) {
            String stripped = text.strip();
            sql.append(" and (lower(name) like ? escape '!'");
            arguments.add("%" + ListPage.likeEscaped(stripped.toLowerCase(Locale.ROOT)) + "%");
            String digits = stripped.replaceAll("[\\s-]", "");
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
                sql.append(" or replace(organisation_number, '-', '') like ?");
                arguments.add("%" + digits + "%");
            }
            sql.append(")");
        }
        return sql.toString();
    }

    private static EnterpriseSummary summary(ResultSet rs) throws SQLException {
        return new EnterpriseSummary(new EnterpriseId(rs.getString("enterprise_id")), rs.getString("name"),
                rs.getString("organisation_number"), LegalForm.valueOf(rs.getString("legal_form")),
                rs.getString("municipality"), rs.getString("district"), rs.getBoolean("counts_as_asf"),
                rs.getDate("closed_on") != null, level(rs), rs.getDate("reference_group_joined_on") != null);
    }

    @QueryHandler
    public Optional<EnterpriseView> handle(FindEnterpriseQuery query) {
        String enterpriseId = query.enterpriseId().value();
        int generation = active();
        // the facts are read after the enterprise row and up to its sequence, so the view is one consistent moment
        // even while the projection commits newer events between the two reads
        List<EnterpriseView> enterprises = jdbc.query(
                "select * from enterprise_view where generation = ? and enterprise_id = ?",
                (rs, row) -> enterprise(rs, facts(generation, enterpriseId, rs.getLong("last_sequence"))),
                generation, enterpriseId);
        return enterprises.stream().findFirst();
    }

    @QueryHandler
    public List<EnterpriseFactView> handle(FindEnterpriseFactsCarryingOutQuery query) {
        return jdbc.query("""
                select f.*, e.name from enterprise_fact_view f
                join enterprise_view e on e.generation = f.generation and e.enterprise_id = f.enterprise_id
                where f.generation = ? and f.plan_id = ? and f.activity_id = ?
                order by f.occurred_on, e.name, f.event_sequence""",
                (rs, row) -> new EnterpriseFactView(new EnterpriseId(rs.getString("enterprise_id")),
                        rs.getString("name"), rs.getString("fact"), localDate(rs, "occurred_on"),
                        rs.getString("summary"), rs.getString("event_id"), localDate(rs, "retracted_on")),
                active(), query.planId().value(), query.activityId().value());
    }

    private EnterpriseView enterprise(ResultSet rs, List<FactView> facts) throws SQLException {
        String number = rs.getString("organisation_number");
        EnterpriseDetails details = new EnterpriseDetails(rs.getString("name"),
                LegalForm.valueOf(rs.getString("legal_form")), fromJson(rs.getString("lines_of_business")),
                rs.getString("municipality"), rs.getString("district"),
                new DefinitionCriteria(rs.getBoolean("integration_purpose"), rs.getBoolean("employee_participation"),
                        rs.getBoolean("profits_reinvested"), rs.getBoolean("independent_of_public_sector")),
                fromJson(rs.getString("certifications")));
        IntegrationspaktenLevel level = level(rs);
        return new EnterpriseView(new EnterpriseId(rs.getString("enterprise_id")),
                number == null ? null : new OrganisationNumber(number), details, rs.getBoolean("counts_as_asf"),
                localDate(rs, "registered_on"), localDate(rs, "details_changed_on"), rs.getDate("closed_on") != null,
                localDate(rs, "closed_on"), rs.getString("closing_reason"),
                new IntegrationspaktenView(level != null, level, level == null ? null
                        : localDate(rs, "integrationspakten_joined_on"), localDate(rs, "integrationspakten_invited_on"),
                        localDate(rs, "integrationspakten_left_on")),
                new ReferenceGroupView(rs.getDate("reference_group_joined_on") != null,
                        localDate(rs, "reference_group_invited_on"), localDate(rs, "reference_group_joined_on")),
                facts, rs.getLong("last_sequence"));
    }

    private List<FactView> facts(int generation, String enterpriseId, long upToSequence) {
        return jdbc.query("select * from enterprise_fact_view where generation = ? and enterprise_id = ? "
                        + "and event_sequence <= ? order by occurred_on, event_sequence",
                (rs, row) -> new FactView(rs.getString("fact"), localDate(rs, "occurred_on"), rs.getString("summary"),
                        rs.getString("plan_id") == null ? null : new PlanActivityReference(
                                new PlanId(rs.getString("plan_id")), new ActivityId(rs.getString("activity_id"))),
                        rs.getString("event_id"), localDate(rs, "retracted_on"), rs.getString("retraction_reason")),
                generation, enterpriseId, upToSequence);
    }

    private static IntegrationspaktenLevel level(ResultSet rs) throws SQLException {
        String level = rs.getString("integrationspakten_level");
        return level == null ? null : new IntegrationspaktenLevel(level);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private String toJson(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of names could not be written as JSON", e);
        }
    }

    private List<String> fromJson(String values) {
        try {
            return json.readValue(values, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored list of names is not a JSON array", e);
        }
    }
}
