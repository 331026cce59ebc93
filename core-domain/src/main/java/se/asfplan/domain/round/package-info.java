/**
 * Follow-up rounds (tertial, delårsrapport, årsredovisning): a round is opened for a plan with a cut-off date and a
 * deadline and the activities and goals in scope, each with the responsible party that reports it; reporters submit
 * assessments, the coordination function returns or approves them, and closing the round fixes the report the
 * committee is presented, for good.
 */
package se.asfplan.domain.round;
