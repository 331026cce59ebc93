package se.asfplan.domain.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a goal measures: which recorded events make up its outcome. A closed catalogue, so that every outcome the
 * yearly goal report shows can be traced to the events behind it. A goal without a measure (a {@link GoalKind#MANUAL}
 * or {@link GoalKind#SHARE} goal, or a goal recorded before measures existed) is followed up by figures reported by
 * hand with their source. No measure in the catalogue is a share: a share needs a denominator (all Plusmedlemmar and
 * Jobbpartners, all companies that received advice) that the log does not record, so share goals are reported by
 * hand.
 *
 * <p>Every count is of events whose business date lies in the goal's year, as recorded at the moment the report is
 * asked for, without the facts retracted by then. A measure's name is stored in events and plan files: a measure is
 * never renamed without keeping its {@link #formerNames() former name}, by which stored events, read-model rows and
 * plan files still name it.
 */
public enum Measure {
    /** Count of ASF invited to Integrationspakten (InvitedToIntegrationspaktenEvent) dated in the year. */
    INTEGRATIONSPAKTEN_INVITATIONS(Shape.COUNT),
    /**
     * Coverage: of the ASF known at year end (registered on or before 31 December and not closed by then), the share
     * invited to Integrationspakten on or before 31 December.
     */
    INTEGRATIONSPAKTEN_INVITATION_COVERAGE(Shape.COVERAGE),
    /** Count of ASF invited to Integrationspakten's reference group dated in the year. */
    REFERENCE_GROUP_INVITATIONS(Shape.COUNT),
    /** Count of ASF invited to an SBR business dialogue dated in the year. */
    BUSINESS_DIALOGUE_INVITATIONS(Shape.COUNT),
    /** Count of business advice given to an ASF (BusinessAdviceReceivedEvent) dated in the year. */
    BUSINESS_ADVICE_TO_ASF(Shape.COUNT),
    /** Count of ASF participations in events (EventParticipationRecordedEvent) dated in the year. */
    EVENT_PARTICIPATIONS(Shape.COUNT),
    /**
     * Count of procurements <em>begun</em> in the year as reserved ({@code RESERVED_FOR_EMPLOYMENT} or
     * {@code RESERVED_WELFARE_SERVICES}): the procurement's first event, ProcurementPlannedEvent, or
     * ProcurementAnnouncedEvent when it was not planned first, dated in the year. It counts whatever became of the
     * procurement: one only planned, never awarded, or cancelled counts too. It is no count of reserved contracts;
     * that is {@link #RESERVED_CONTRACTS_AWARDED}. Formerly named {@code RESERVED_PROCUREMENTS_BEGUN}.
     */
    RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED(Shape.COUNT, "RESERVED_PROCUREMENTS_BEGUN"),
    /**
     * Count of reserved procurements announced in the year: ProcurementAnnouncedEvent of a procurement begun as
     * {@code RESERVED_FOR_EMPLOYMENT} or {@code RESERVED_WELFARE_SERVICES}, dated in the year, whether it was planned
     * first or begun by the announcement, and whatever became of it afterwards (a later cancellation or award changes
     * nothing). A procurement only planned does not count.
     */
    RESERVED_PROCUREMENTS_ANNOUNCED(Shape.COUNT),
    /**
     * Count of reserved contracts awarded in the year: ContractAwardedEvent dated in the year in a procurement begun
     * as {@code RESERVED_FOR_EMPLOYMENT} or {@code RESERVED_WELFARE_SERVICES} (the procedure is fixed when the
     * procurement is begun), to any supplier. An award does not count when its procurement's cancellation
     * (ProcurementCancelledEvent, whatever its date: cancelling after the award means the contract never came about)
     * or a retraction of the award is recorded by the moment asked for; recorded later, the award still counts as it
     * did then.
     */
    RESERVED_CONTRACTS_AWARDED(Shape.COUNT),
    /** Count of procurements divided into lots (ProcurementDividedIntoLotsEvent) dated in the year. */
    PROCUREMENTS_DIVIDED_INTO_LOTS(Shape.COUNT),
    /**
     * Count of contracts awarded to a supplier that is an ASF (ContractAwardedEvent whose supplierIsAsf, the
     * enterprise register on the award date, is true) dated in the year, in any procedure, reserved or not, also
     * when the procurement was cancelled afterwards. Formerly named {@code CONTRACTS_AWARDED_TO_ASF}.
     */
    CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE(Shape.COUNT, "CONTRACTS_AWARDED_TO_ASF"),
    /** Milestone: the activity the goal follows was completed (ActivityCompletedEvent) in the year. */
    ACTIVITY_COMPLETED(Shape.MILESTONE),
    /**
     * Count of the ASF known at year end that are members of Integrationspakten at level Plusmedlem or Jobbpartner at
     * year end.
     */
    PLUS_AND_JOBBPARTNER_ASF(Shape.COUNT, Set.of("plusmedlem", "jobbpartner")),
    /**
     * Count of the ASF known on 31 December that are members of Integrationspakten then, at any level: their latest
     * membership step on or before that day (JoinedIntegrationspaktenEvent or IntegrationspaktenLevelChangedEvent)
     * is not LeftIntegrationspaktenEvent.
     */
    INTEGRATIONSPAKTEN_ASF_MEMBERS(Shape.COUNT, Set.of()),
    /** As {@link #INTEGRATIONSPAKTEN_ASF_MEMBERS}, counting only members at the configured level {@code member}. */
    INTEGRATIONSPAKTEN_ASF_AT_LEVEL_MEMBER(Shape.COUNT, Set.of("member")),
    /** As {@link #INTEGRATIONSPAKTEN_ASF_MEMBERS}, counting only members at the configured level {@code plusmedlem}. */
    INTEGRATIONSPAKTEN_ASF_AT_LEVEL_PLUSMEDLEM(Shape.COUNT, Set.of("plusmedlem")),
    /**
     * As {@link #INTEGRATIONSPAKTEN_ASF_MEMBERS}, counting only members at the configured level {@code jobbpartner}.
     */
    INTEGRATIONSPAKTEN_ASF_AT_LEVEL_JOBBPARTNER(Shape.COUNT, Set.of("jobbpartner"));

    /** The kind of figure a measure yields, which decides the goal kinds it can serve. */
    public enum Shape { COUNT, COVERAGE, MILESTONE }

    private final Shape shape;
    private final List<String> formerNames;
    private final Set<String> membershipLevels;

    Measure(Shape shape) {
        this(shape, null, null);
    }

    Measure(Shape shape, String formerName) {
        this(shape, formerName, null);
    }

    Measure(Shape shape, Set<String> membershipLevels) {
        this(shape, null, membershipLevels);
    }

    Measure(Shape shape, String formerName, Set<String> membershipLevels) {
        this.shape = shape;
        this.formerNames = formerName == null ? List.of() : List.of(formerName);
        this.membershipLevels = membershipLevels;
    }

    public Shape shape() {
        return shape;
    }

    /** The names this measure had before it was renamed, which stored events and plan files may still use. */
    public List<String> formerNames() {
        return formerNames;
    }

    /**
     * For a count of Integrationspakten members at year end, the configured level codes it counts (empty: every
     * level); empty for any other measure. See {@link #countsIntegrationspaktenMembers()}.
     */
    public Set<String> membershipLevels() {
        return membershipLevels == null ? Set.of() : membershipLevels;
    }

    /** Whether this measure counts the known ASF that are members of Integrationspakten on 31 December. */
    public boolean countsIntegrationspaktenMembers() {
        return membershipLevels != null;
    }

    /** The measure with this name, or the one that had it before a rename. */
    public static Optional<Measure> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(measure -> measure.name().equals(name) || measure.formerNames.contains(name))
                .findFirst();
    }

    /** Whether a goal of the given kind can be measured by this measure. */
    public boolean fits(GoalKind kind) {
        return switch (kind) {
            case COUNT, CHANGE -> shape == Shape.COUNT;
            case COVERAGE -> shape == Shape.COVERAGE;
            case MILESTONE -> shape == Shape.MILESTONE;
            case SHARE, MANUAL -> false;
        };
    }
}
