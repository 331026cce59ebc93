/**
 * The register of social enterprises on our database: the JDBC register port, Integrationspakten's configured
 * levels, and the registration of the enterprise and meeting aggregates with Axon.
 */
package se.asfplan.infra.enterprise;
