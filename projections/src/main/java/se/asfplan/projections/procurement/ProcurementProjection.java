package se.asfplan.projections.procurement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.procurement.BidsMayCover;
import se.asfplan.domain.procurement.ContractPeriod;
import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.CpvCode;
import se.asfplan.domain.procurement.DirectAwardTally;
import se.asfplan.domain.procurement.DisadvantagedEmployment;
import se.asfplan.domain.procurement.LegalGround;
import se.asfplan.domain.procurement.Procedure;
import se.asfplan.domain.procurement.ProcurementEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ContractAwardedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementAnnouncedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCancelledEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCompletedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementDividedIntoLotsEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementEvaluatedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementFactRetractedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementNotDividedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementPlannedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.TenderReceivedEvent;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.domain.procurement.ProcurementStatus;
import se.asfplan.domain.procurement.Supplier;
import se.asfplan.domain.retraction.FactType;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.projections.support.AggregateSequence;
import se.asfplan.projections.support.ListPage;
import se.asfplan.projections.generation.ReadModelTables;
import se.asfplan.projections.generation.ProjectionGenerations;
import se.asfplan.projections.generation.RebuildableProjection;
import se.asfplan.projections.generation.WrittenGeneration;
import se.asfplan.projections.procurement.ProcurementQueries.AwardView;
import se.asfplan.projections.procurement.ProcurementQueries.EvaluationView;
import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementPageQuery;
import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementQuery;
import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementStepsCarryingOutQuery;
import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementsQuery;
import se.asfplan.projections.procurement.ProcurementQueries.LotsView;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementPage;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementStepFactView;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementSummary;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementView;
import se.asfplan.projections.procurement.ProcurementQueries.StepView;
import se.asfplan.projections.procurement.ProcurementQueries.TenderView;

/**
 * Folds procurement events into the procurement tables. The event that begins a procurement inserts its row only
 * when none exists; every later handler first advances the procurement's {@code last_sequence}, so an event applied
 * before changes nothing and redelivery after a crash or a segment hand-over is harmless. Every row belongs to a
 * generation, and every read, update and guard names it: the live processor writes the active one
 * ({@link StateGenerations}), a rebuild's processor the one it fills ({@code ProjectionRebuilds}); the queries read
 * the active generation.
 */
@Component
@ProcessingGroup(ProcurementProjection.PROCESSING_GROUP)
@ReadModelTables({"procurement_evaluation_view", "procurement_tender_view", "procurement_step_view", "procurement_view"})
public class ProcurementProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "procurements";

    /** The procurement list's order: newest begun first, then by id, so that pages neither overlap nor skip. */
    private static final String LIST_ORDER = "order by begun_on desc, procurement_id";

    /** The tables of the projection, the one the others refer to last. */
    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final WrittenGeneration written;

    /**
     * The Spring bean is the set of handlers of the live processor named {@value #PROCESSING_GROUP}; {@link
     * #writing} makes those of a rebuild's processor.
     */
    public ProcurementProjection(JdbcTemplate jdbc, ProjectionGenerations generations, WrittenGeneration written) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.written = written;
    }

    @Override
    public ProcurementProjection writing(int generation) {
        return new ProcurementProjection(jdbc, generations, written.rebuilding(generation));
    }

    private int generation(TrackingToken token) {
        return written.forStateEvent(PROCESSING_GROUP, token);
    }

    private int active() {
        return generations.of(PROCESSING_GROUP).active();
    }

    // ---------------------------------------------------------------------------------------------- events

    @EventHandler
    void on(ProcurementPlannedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (begin(generation, event.procurementId(), event.authority(), event.subject(), event.cpvCodes(),
                event.procedure(), event.legalGround(), ProcurementStatus.PLANNED, event.occurredOn(), sequence)) {
            update(generation, event.procurementId(), "planned_on = ?", Date.valueOf(event.occurredOn()));
            step(generation, event, sequence);
        }
    }

    @EventHandler
    void on(ProcurementAnnouncedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        boolean applied = sequence == 0
                ? begin(generation, event.procurementId(), event.authority(), event.subject(), event.cpvCodes(),
                        event.procedure(), event.legalGround(), ProcurementStatus.ANNOUNCED, event.occurredOn(),
                        sequence)
                : advance(generation, event.procurementId(), sequence);
        if (applied) {
            update(generation, event.procurementId(), "status = ?, announced_on = ?",
                    ProcurementStatus.ANNOUNCED.name(), Date.valueOf(event.occurredOn()));
            step(generation, event, sequence);
        }
    }

    @EventHandler
    void on(ProcurementDividedIntoLotsEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.procurementId(), sequence)) {
            update(generation, event.procurementId(), "divided_into_lots = ?, number_of_lots = ?, bids_may_cover = ?, "
                            + "lots_decided_on = ?", true, event.numberOfLots(), event.bidsMayCover().name(),
                    Date.valueOf(event.occurredOn()));
            step(generation, event, sequence);
        }
    }

    @EventHandler
    void on(ProcurementNotDividedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.procurementId(), sequence)) {
            update(generation, event.procurementId(),
                    "divided_into_lots = ?, not_divided_reason = ?, lots_decided_on = ?",
                    false, event.reason(), Date.valueOf(event.occurredOn()));
            step(generation, event, sequence);
        }
    }

    @EventHandler
    void on(TenderReceivedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.procurementId(), sequence)) {
            jdbc.update("""
                    insert into procurement_tender_view (generation, procurement_id, event_sequence,
                                                         supplier_organisation_number, supplier_sole_trader,
                                                         supplier_is_asf, received_on)
                    values (?, ?, ?, ?, ?, ?, ?)""", generation, event.procurementId().value(), sequence,
                    number(event.supplier()), event.supplier().soleTrader(), event.supplierIsAsf(),
                    Date.valueOf(event.occurredOn()));
            step(generation, event, sequence);
        }
    }

    @EventHandler
    void on(ContractAwardedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.procurementId(), sequence)) {
            DisadvantagedEmployment employment = event.employment();
            DirectAwardTally tally = event.directAward();
            update(generation, event.procurementId(), """
                    status = ?, awarded_on = ?, supplier_organisation_number = ?, supplier_sole_trader = ?,
                    supplier_is_asf = ?, contract_value = ?, contract_from = ?, contract_to = ?,
                    disadvantaged_share = ?, share_tender_date = ?, evidence_reference = ?, purchase_kind = ?,
                    financial_year = ?, year_to_date_total = ?, direct_award_limit = ?, limit_exceeded = ?""",
                    ProcurementStatus.AWARDED.name(), Date.valueOf(event.occurredOn()), number(event.supplier()),
                    event.supplier().soleTrader(), event.supplierIsAsf(), event.value(),
                    Date.valueOf(event.contractPeriod().from()), Date.valueOf(event.contractPeriod().to()),
                    employment == null ? null : employment.sharePercent(),
                    employment == null ? null : Date.valueOf(employment.tenderDate()),
                    employment == null ? null : employment.evidenceReference(),
                    tally == null ? null : tally.purchaseKind(), tally == null ? null : tally.financialYear(),
                    tally == null ? null : tally.yearToDateTotal(), tally == null ? null : tally.limit(),
                    tally == null ? null : tally.limitExceeded());
            step(generation, event, sequence);
        }
    }

    @EventHandler
    void on(ProcurementCompletedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.procurementId(), sequence)) {
            update(generation, event.procurementId(), "status = ?, completed_on = ?",
                    ProcurementStatus.COMPLETED.name(), Date.valueOf(event.occurredOn()));
            step(generation, event, sequence);
        }
    }

    @EventHandler
    void on(ProcurementEvaluatedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.procurementId(), sequence)) {
            jdbc.update("insert into procurement_evaluation_view (generation, procurement_id, event_sequence, "
                            + "evaluated_on, evaluation) values (?, ?, ?, ?, ?)", generation,
                    event.procurementId().value(), sequence,
                    Date.valueOf(event.occurredOn()), event.text());
            step(generation, event, sequence);
        }
    }

    @EventHandler
    void on(ProcurementCancelledEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (advance(generation, event.procurementId(), sequence)) {
            update(generation, event.procurementId(), "status = ?, cancelled_on = ?, cancellation_reason = ?",
                    ProcurementStatus.CANCELLED.name(), Date.valueOf(event.occurredOn()), event.reason());
            step(generation, event, sequence);
        }
    }

    /**
     * A retraction undoes the retracted fact in the procurement as it stands: a retracted tender or evaluation leaves
     * the lists, a retracted decision on lots leaves the lots undecided, a retracted completion leaves the procurement
     * awarded. The steps keep the retracted event and list the retraction after it.
     */
    @EventHandler
    void on(ProcurementFactRetractedEvent event, @SequenceNumber long sequence, TrackingToken token) {
        int generation = generation(token);
        if (!advance(generation, event.procurementId(), sequence)) {
            return;
        }
        String id = event.procurementId().value();
        List<Long> retracted = jdbc.queryForList("select event_sequence from procurement_step_view "
                + "where generation = ? and procurement_id = ? and event_id = ?", Long.class, generation, id,
                event.retractedEventId());
        switch (FactType.named(event.retractedFact())) {
            case TENDER_RECEIVED -> retracted.forEach(step -> jdbc.update("delete from procurement_tender_view "
                    + "where generation = ? and procurement_id = ? and event_sequence = ?", generation, id, step));
            case PROCUREMENT_EVALUATED -> retracted.forEach(step -> jdbc.update(
                    "delete from procurement_evaluation_view where generation = ? and procurement_id = ? "
                            + "and event_sequence = ?", generation, id, step));
            case PROCUREMENT_DIVIDED_INTO_LOTS, PROCUREMENT_NOT_DIVIDED -> update(generation,
                    event.procurementId(), "divided_into_lots = null, number_of_lots = null, bids_may_cover = null, "
                            + "not_divided_reason = null, lots_decided_on = null");
            case PROCUREMENT_COMPLETED -> update(generation, event.procurementId(),
                    "status = ?, completed_on = null", ProcurementStatus.AWARDED.name());
            default -> {
            }
        }
        step(generation, event, sequence);
    }

    /** An event of a type this release does not know takes its number only ({@link AggregateSequence#passUnknown}). */
    @EventHandler
    void on(UnknownSerializedType unknown, EventMessage<?> message, TrackingToken token) {
        AggregateSequence.passUnknown(jdbc, "procurement_view", "procurement_id", generation(token), "Procurement", message);
    }

    /** Clears the generation these handlers write, and only that one: the others belong to other processors. */
    @ResetHandler
    void reset() {
        written.clear(this);
    }

    /** Inserts the procurement's row; false when it exists already (the event was applied before). */
    private boolean begin(int generation, ProcurementId id, ContractingAuthority authority, String subject,
                          List<CpvCode> cpvCodes,
                          Procedure procedure, LegalGround ground, ProcurementStatus status, LocalDate begunOn,
                          long sequence) {
        return jdbc.update("""
                insert into procurement_view (generation, procurement_id, authority, subject, cpv_codes,
                                              procedure_kind, legal_ground_id, legal_ground_citation, status,
                                              begun_on, begun_year, last_sequence)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from procurement_view where generation = ? and procurement_id = ?)""",
                generation, id.value(), authority.value(), subject,
                cpvCodes.stream().map(CpvCode::value).collect(Collectors.joining(",")), procedure.name(),
                ground == null ? null : ground.id(), ground == null ? null : ground.citation(), status.name(),
                Date.valueOf(begunOn), begunOn.getYear(), sequence, generation, id.value()) == 1;
    }

    /** Moves the procurement's applied sequence forward; false when this event was applied before, parked when
     * it is not the next one ({@link AggregateSequence}). */
    private boolean advance(int generation, ProcurementId id, long sequence) {
        return AggregateSequence.advance(jdbc, "procurement_view", "procurement_id", generation, id.value(),
                sequence);
    }

    private void update(int generation, ProcurementId id, String assignments, Object... values) {
        Object[] arguments = Arrays.copyOf(values, values.length + 2);
        arguments[values.length] = generation;
        arguments[values.length + 1] = id.value();
        jdbc.update("update procurement_view set " + assignments + " where generation = ? and procurement_id = ?",
                arguments);
    }

    /** Lists the step with the identifier of the event being handled, which a retraction names. */
    private void step(int generation, ProcurementEvent event, long sequence) {
        PlanActivityReference carriesOut = event.carriesOut();
        String eventId = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().getMessage().getIdentifier() : null;
        jdbc.update("""
                insert into procurement_step_view (generation, procurement_id, event_sequence, step, occurred_on,
                                                   carries_out_plan, carries_out_activity, event_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", generation, event.procurementId().value(), sequence,
                event.getClass().getSimpleName(), Date.valueOf(event.occurredOn()),
                carriesOut == null ? null : carriesOut.planId().value(),
                carriesOut == null ? null : carriesOut.activityId().value(), eventId);
    }

    private static String number(Supplier supplier) {
        return supplier.soleTrader() ? null : supplier.organisationNumber().value();
    }

    // ---------------------------------------------------------------------------------------------- queries

    @QueryHandler
    public List<ProcurementSummary> handle(FindProcurementsQuery query) {
        List<Object> arguments = new ArrayList<>();
        String where = listed(query, arguments);
        return jdbc.query("select * from procurement_view " + where + " " + LIST_ORDER, (rs, row) -> summary(rs),
                arguments.toArray());
    }

    /** A page of the list, cut in the database ({@link ListPage}). */
    @QueryHandler
    public ProcurementPage handle(FindProcurementPageQuery query) {
        List<Object> arguments = new ArrayList<>();
        String where = listed(query.filter(), arguments);
        ListPage<ProcurementSummary> listed = ListPage.read(jdbc, "procurement_view", where, LIST_ORDER, arguments,
                query.offset(), query.limit(), (rs, row) -> summary(rs));
        return new ProcurementPage(listed.items(), listed.total());
    }

    /** The where clause of the list's filters on the active generation. */
    private String listed(FindProcurementsQuery query, List<Object> arguments) {
        StringBuilder sql = new StringBuilder("where generation = ?");
        arguments.add(active());
        if (query.authority() != null) {
            sql.append(" and authority = ?");
            arguments.add(query.authority().value());
        }
        if (query.procedure() != null) {
            sql.append(" and procedure_kind = ?");
            arguments.add(query.procedure().name());
        }
        if (query.year() != null) {
            sql.append(" and begun_year = ?");
            arguments.add(query.year());
        }
        return sql.toString();
    }

    private ProcurementSummary summary(ResultSet rs) throws SQLException {
        return new ProcurementSummary(
                new ProcurementId(rs.getString("procurement_id")), new ContractingAuthority(rs.getString("authority")),
                rs.getString("subject"), Procedure.valueOf(rs.getString("procedure_kind")), legalGround(rs),
                ProcurementStatus.valueOf(rs.getString("status")), localDate(rs, "begun_on"),
                bool(rs, "divided_into_lots"), awardedSupplier(rs), bool(rs, "supplier_is_asf"),
                rs.getBigDecimal("contract_value"), bool(rs, "limit_exceeded"));
    }

    @QueryHandler
    public Optional<ProcurementView> handle(FindProcurementQuery query) {
        String id = query.procurementId().value();
        int generation = active();
        List<ProcurementView> found = jdbc.query(
                "select * from procurement_view where generation = ? and procurement_id = ?",
                (rs, row) -> new ProcurementView(new ProcurementId(rs.getString("procurement_id")),
                        new ContractingAuthority(rs.getString("authority")), rs.getString("subject"),
                        Arrays.stream(rs.getString("cpv_codes").split(",")).map(CpvCode::new).toList(),
                        Procedure.valueOf(rs.getString("procedure_kind")), legalGround(rs),
                        ProcurementStatus.valueOf(rs.getString("status")), localDate(rs, "begun_on"),
                        localDate(rs, "planned_on"), localDate(rs, "announced_on"), lots(rs),
                        tenders(generation, id), award(rs),
                        localDate(rs, "completed_on"), localDate(rs, "cancelled_on"),
                        rs.getString("cancellation_reason"), evaluations(generation, id),
                        lifecycle(generation, id), rs.getLong("last_sequence")), generation, id);
        return found.stream().findFirst();
    }

    @QueryHandler
    public List<ProcurementStepFactView> handle(FindProcurementStepsCarryingOutQuery query) {
        return jdbc.query("""
                select s.procurement_id, s.step, s.occurred_on, p.authority, p.subject, p.procedure_kind
                from procurement_step_view s
                join procurement_view p on p.generation = s.generation and p.procurement_id = s.procurement_id
                where s.generation = ? and s.carries_out_plan = ? and s.carries_out_activity = ?
                order by s.occurred_on, s.procurement_id, s.event_sequence""",
                (rs, row) -> new ProcurementStepFactView(new ProcurementId(rs.getString("procurement_id")),
                        new ContractingAuthority(rs.getString("authority")), rs.getString("subject"),
                        Procedure.valueOf(rs.getString("procedure_kind")), rs.getString("step"),
                        localDate(rs, "occurred_on")),
                active(), query.planId().value(), query.activityId().value());
    }

    private static LegalGround legalGround(ResultSet rs) throws SQLException {
        String id = rs.getString("legal_ground_id");
        return id == null ? null : new LegalGround(id, rs.getString("legal_ground_citation"));
    }

    private static LotsView lots(ResultSet rs) throws SQLException {
        Boolean divided = bool(rs, "divided_into_lots");
        if (divided == null) {
            return null;
        }
        int lots = rs.getInt("number_of_lots");
        Integer numberOfLots = rs.wasNull() ? null : lots;
        String cover = rs.getString("bids_may_cover");
        return new LotsView(divided, numberOfLots, cover == null ? null : BidsMayCover.valueOf(cover),
                rs.getString("not_divided_reason"), localDate(rs, "lots_decided_on"));
    }

    private static AwardView award(ResultSet rs) throws SQLException {
        LocalDate awardedOn = localDate(rs, "awarded_on");
        if (awardedOn == null) {
            return null;
        }
        DisadvantagedEmployment employment = rs.getBigDecimal("disadvantaged_share") == null ? null
                : new DisadvantagedEmployment(rs.getBigDecimal("disadvantaged_share"),
                localDate(rs, "share_tender_date"), rs.getString("evidence_reference"));
        DirectAwardTally tally = rs.getString("purchase_kind") == null ? null
                : new DirectAwardTally(rs.getString("purchase_kind"), rs.getInt("financial_year"),
                rs.getBigDecimal("year_to_date_total"), rs.getBigDecimal("direct_award_limit"),
                rs.getBoolean("limit_exceeded"));
        return new AwardView(awardedSupplier(rs), rs.getBoolean("supplier_is_asf"), rs.getBigDecimal("contract_value"),
                new ContractPeriod(localDate(rs, "contract_from"), localDate(rs, "contract_to")), employment, tally,
                awardedOn);
    }

    private static Supplier awardedSupplier(ResultSet rs) throws SQLException {
        Boolean soleTrader = bool(rs, "supplier_sole_trader");
        return soleTrader == null ? null : supplier(rs.getString("supplier_organisation_number"), soleTrader);
    }

    private static Supplier supplier(String number, boolean soleTrader) {
        return soleTrader ? Supplier.aSoleTrader() : new Supplier(new OrganisationNumber(number), false);
    }

    private List<TenderView> tenders(int generation, String id) {
        return jdbc.query("select * from procurement_tender_view where generation = ? and procurement_id = ? "
                        + "order by event_sequence",
                (rs, row) -> new TenderView(supplier(rs.getString("supplier_organisation_number"),
                        rs.getBoolean("supplier_sole_trader")), rs.getBoolean("supplier_is_asf"),
                        localDate(rs, "received_on")), generation, id);
    }

    private List<EvaluationView> evaluations(int generation, String id) {
        return jdbc.query("select * from procurement_evaluation_view where generation = ? and procurement_id = ? "
                        + "order by event_sequence",
                (rs, row) -> new EvaluationView(localDate(rs, "evaluated_on"), rs.getString("evaluation")),
                generation, id);
    }

    private List<StepView> lifecycle(int generation, String id) {
        return jdbc.query("select * from procurement_step_view where generation = ? and procurement_id = ? "
                        + "order by event_sequence",
                (rs, row) -> new StepView(rs.getString("step"), localDate(rs, "occurred_on"),
                        rs.getString("carries_out_plan") == null ? null : new PlanActivityReference(
                                new PlanId(rs.getString("carries_out_plan")),
                                new ActivityId(rs.getString("carries_out_activity"))), rs.getString("event_id")),
                generation, id);
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
