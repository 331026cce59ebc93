/**
 * The history of every record as the event store holds it, read directly from {@code domain_event_entry} and
 * decoded as JSON trees (never through today's event classes, so that an old or odd event still shows): who
 * recorded what, when, through which channel, and which event retracts which.
 */
package se.asfplan.infra.history;
