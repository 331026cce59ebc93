/**
 * Follow-up rounds over the API: opening a round, the reporters' assessments and their review, reminders and their
 * outgoing queue, closing with the presented report (stored with its SHA-256, retrievable byte for byte) and the
 * comparison of that report with the same report as known now. See docs/rounds.md.
 */
package se.asfplan.web.round;
