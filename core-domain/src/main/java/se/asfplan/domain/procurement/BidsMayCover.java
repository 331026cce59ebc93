package se.asfplan.domain.procurement;

/** Whether a supplier may bid for one, several or all lots of a divided contract (LOU 4 kap. 14 §). */
public enum BidsMayCover {
    ONE, SEVERAL, ALL
}
