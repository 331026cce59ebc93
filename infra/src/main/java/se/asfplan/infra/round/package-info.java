/**
 * Follow-up rounds in storage: the aggregate's registration and the outgoing reminder queue
 * ({@code round_reminder_message}) a mail system reads.
 */
package se.asfplan.infra.round;
