package se.asfplan.domain.plan;

/** Where an activity stands. Completed and cancelled are final. */
public enum ActivityStatus {
    NOT_STARTED, STARTED, COMPLETED, CANCELLED;

    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
