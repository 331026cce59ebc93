/**
 * Plans are data: a documented YAML or JSON file (format {@code action-plan/v1}, see docs/plan-file-format.md) is
 * read, checked and recorded as one all-or-nothing adoption command.
 */
package se.asfplan.infra.planfile;
