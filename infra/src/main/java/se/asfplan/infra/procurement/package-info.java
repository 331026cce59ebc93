/**
 * Procurement's wiring: registers the aggregate, loads the cited legal data and direct-award limits, and answers
 * the domain's ports (register, reserved-award history, direct-award totals) with JDBC in the command's transaction.
 */
package se.asfplan.infra.procurement;
