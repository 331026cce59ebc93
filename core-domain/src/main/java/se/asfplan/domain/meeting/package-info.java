/**
 * Meetings held between buyers and social enterprises (dialogue forums, round tables, working meetings, tender
 * schools), with their organiser and the enterprises that took part.
 */
package se.asfplan.domain.meeting;
