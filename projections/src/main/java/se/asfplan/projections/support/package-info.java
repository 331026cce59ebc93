/**
 * What the fact projections share: an event's own position in the event store, and a retraction kept as a fact.
 */
package se.asfplan.projections.support;
