/**
 * Building blocks every feature shares: identifiers, the refusal model and the business calendar.
 */
package se.asfplan.domain.shared;
