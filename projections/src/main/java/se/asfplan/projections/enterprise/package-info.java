/**
 * The enterprise register as it stands now: each enterprise's details, whether it counts as an ASF, its
 * Integrationspakten membership and reference group, and every recorded fact with the plan activity it carries out.
 */
package se.asfplan.projections.enterprise;
