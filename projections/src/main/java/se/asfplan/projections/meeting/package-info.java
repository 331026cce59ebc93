/** Meetings held with social enterprises, with their current participant list and the activity they carry out. */
package se.asfplan.projections.meeting;
