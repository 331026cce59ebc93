/**
 * Independent recomputation: every read model rebuilt from the event store into a generation of its own that never
 * answers a live read, and compared with the live generation row by row and report by report (docs/auditing.md).
 */
package se.asfplan.projections.recompute;
