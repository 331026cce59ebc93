/**
 * The business core: aggregates, commands, events, value objects and the rules a municipal action plan lives by.
 * Depends on Axon's modelling and messaging APIs only; Spring registers the aggregates from the {@code infra} module.
 */
package se.asfplan.domain;
