/**
 * Reading stored events without today's input rules, and what happens to an event that still cannot be read or whose
 * type this release does not know: it is recorded with its position and record ({@link
 * se.asfplan.infra.storedevents.StoredEventProblems}), its record's commands are refused, health and metrics name it.
 * Also reads one stored event as the store and the current upcasters give it ({@link
 * se.asfplan.infra.storedevents.StoredEventReader}), which the dead-letter retry uses.
 */
package se.asfplan.infra.storedevents;
