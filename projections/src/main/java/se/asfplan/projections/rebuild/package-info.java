/** Rebuilding a projection from the event store into a new generation of its tables while the active one answers. */
package se.asfplan.projections.rebuild;
