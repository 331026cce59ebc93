package se.asfplan.domain.procurement;

/** Where a procurement stands in its lifecycle. */
public enum ProcurementStatus {
    PLANNED, ANNOUNCED, AWARDED, COMPLETED, CANCELLED
}
