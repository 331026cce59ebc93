/**
 * The yearly-goal dashboard (target against outcome per goal and year, the trend across years, the events behind
 * each figure) and the committee's yearly follow-up report (as a page, PDF, CSV and .xlsx). Both read the yearly goal
 * report and the activity follow-up through the same queries as the API.
 */
package se.asfplan.web.page.report;
