/**
 * What every report shares: the event position its read model reflects, and the moment it was generated.
 */
package se.asfplan.projections.support;
