/**
 * Operations' view of the projections: a health contributor ({@code /actuator/health/projections}) and Micrometer
 * gauges with each processor's lag behind the event store and its count of parked events.
 */
package se.asfplan.web.health;
