/** The register of parties: its aggregate's registration with Axon, and the names each party has, in SQL. */
package se.asfplan.infra.party;
