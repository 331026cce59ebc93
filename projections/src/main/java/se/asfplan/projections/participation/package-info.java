/**
 * The participation report: how many meetings and events were held and how many ASF took part, per year and kind,
 * with small participant counts shown as "&lt;5".
 */
package se.asfplan.projections.participation;
