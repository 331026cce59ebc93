/**
 * The plan catalogue: every plan's areas, activities (with status and latest progress note) and goals (with
 * their target history), as they stand now.
 */
package se.asfplan.projections.plan;
