/**
 * The auditor's API: the history of every record and the look-up of one event, read from the event store as it is
 * stored (through {@code se.asfplan.infra.history}), and the recording moments ({@code asOf}) every endpoint accepts
 * as a timestamp or a date.
 */
package se.asfplan.web.audit;
