/**
 * The activity follow-up: per area and per responsible party, each activity's status, latest progress note and
 * whether it runs late, folded at query time from dated facts so that it can be asked as recorded at a past moment
 * or for a business-date range.
 */
package se.asfplan.projections.followup;
