/**
 * Read models: JDBC tables owned by Flyway, folded from the event stream by Axon pooled streaming processors, one
 * processing group per projection, each with its queries beside it.
 */
package se.asfplan.projections;
