/**
 * The procurement read model: each procurement with its lifecycle, lots, tenders, award and evaluations, and a list
 * filterable by authority, procedure and year.
 */
package se.asfplan.projections.procurement;
