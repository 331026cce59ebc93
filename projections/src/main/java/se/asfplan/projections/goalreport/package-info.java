/** The yearly goal report: each goal's target in force, its outcome from the recorded events, and its status. */
package se.asfplan.projections.goalreport;
