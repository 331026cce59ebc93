/**
 * The action plan: its adoption, areas, activities with their lifecycle, and the yearly goals set for it.
 */
package se.asfplan.domain.plan;
