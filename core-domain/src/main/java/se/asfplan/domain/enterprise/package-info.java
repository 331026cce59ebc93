/**
 * The register of social enterprises (ASF) and what happens to them: registered, changed, closed, invited to and
 * members of Integrationspakten and its reference group, invited to business dialogues, advised, taking part in
 * events and tender schools.
 */
package se.asfplan.domain.enterprise;
