/**
 * Public procurement (upphandling) as the plan's area "Inköp och upphandling" follows it: planned or announced,
 * divided into lots or not, reserved under LOU, tenders, the award, completion, evaluation and cancellation.
 */
package se.asfplan.domain.procurement;
