/** Follow-up rounds as read: each round's items and where they stand, and the presented report of a closed round. */
package se.asfplan.projections.round;
