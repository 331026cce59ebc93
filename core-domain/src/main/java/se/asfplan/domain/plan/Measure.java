package se.asfplan.domain.plan;

/**
 * What a goal measures: which recorded events make up its outcome. A closed catalogue, so that every outcome the
 * yearly goal report shows can be traced to the events behind it. A goal without a measure (a {@link GoalKind#MANUAL}
 * or {@link GoalKind#SHARE} goal, or a goal recorded before measures existed) is followed up by figures reported by
 * hand with their source. No measure in the catalogue is a share: a share needs a denominator (all Plusmedlemmar and
 * Jobbpartners, all companies that received advice) that the log does not record, so share goals are reported by
 * hand.
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
    /** Count of procurements begun in the year as reserved (any RESERVED_* procurement form). */
    RESERVED_PROCUREMENTS_BEGUN(Shape.COUNT),
    /** Count of procurements divided into lots (ProcurementDividedIntoLotsEvent) dated in the year. */
    PROCUREMENTS_DIVIDED_INTO_LOTS(Shape.COUNT),
    /** Count of contracts awarded to a supplier that is an ASF, dated in the year. */
    CONTRACTS_AWARDED_TO_ASF(Shape.COUNT),
    /** Milestone: the activity the goal follows was completed (ActivityCompletedEvent) in the year. */
    ACTIVITY_COMPLETED(Shape.MILESTONE),
    /**
     * Count of the ASF known at year end that are members of Integrationspakten at level Plusmedlem or Jobbpartner at
     * year end.
     */
    PLUS_AND_JOBBPARTNER_ASF(Shape.COUNT);

    /** The kind of figure a measure yields, which decides the goal kinds it can serve. */
    public enum Shape { COUNT, COVERAGE, MILESTONE }

    private final Shape shape;

    Measure(Shape shape) {
        this.shape = shape;
    }

    public Shape shape() {
        return shape;
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
