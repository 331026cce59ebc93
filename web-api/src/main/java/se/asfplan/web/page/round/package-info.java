/**
 * The pages of follow-up rounds ({@code /planer/{planId}/omgangar}): the rounds of a plan, a round with its items,
 * states, overdue items and reminders, the presented report with its downloads (JSON, CSV, PDF) and the comparison
 * with the report as known now; and the forms for the round's commands.
 */
package se.asfplan.web.page.round;
