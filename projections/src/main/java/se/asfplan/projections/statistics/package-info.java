/**
 * Register and procurement statistics: every relevant enterprise and procurement event kept as a fact row with its
 * business date and recording time, folded at query time into counts as recorded at a past moment and for a
 * business-date range, each count traceable to the events that make it up.
 */
package se.asfplan.projections.statistics;
