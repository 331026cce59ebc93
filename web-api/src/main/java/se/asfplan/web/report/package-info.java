/**
 * How reports are answered: as JSON with when they were generated and which event position they reflect, or as
 * CSV with the same two facts in response headers.
 */
package se.asfplan.web.report;
