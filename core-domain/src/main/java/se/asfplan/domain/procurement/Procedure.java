package se.asfplan.domain.procurement;

/** How a procurement is carried out, as far as following up the plan needs to know. */
public enum Procedure {
    /** Open to every supplier. */
    ORDINARY,
    /** Participation reserved for suppliers integrating disabled or disadvantaged people (LOU 4 kap. 18 §). */
    RESERVED_FOR_EMPLOYMENT,
    /** Reserved procurement of certain welfare services (LOU 19 kap. 6 a §, since 2022 25 § and 25 a §). */
    RESERVED_WELFARE_SERVICES,
    /** Direct award (direktupphandling) below the year's value limit (LOU 19 a kap. since 2022). */
    DIRECT_AWARD
}
