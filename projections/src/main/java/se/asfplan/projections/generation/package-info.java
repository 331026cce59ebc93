/**
 * Generations of the read models: every read model keeps one set of rows per generation, the live processor writes
 * the active one, and a rebuild fills the next one from the event store before the switch. The seam every read model
 * implements ({@link se.asfplan.projections.generation.RebuildableProjection}), the generation its handlers write,
 * and the one implementation of deleting a generation's rows.
 */
package se.asfplan.projections.generation;
