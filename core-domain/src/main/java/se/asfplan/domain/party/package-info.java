/**
 * The register of parties: the contracting authorities and responsible parties a plan names (nämnder,
 * förvaltningar, kommunstyrelsen, bolag, external bodies), each with its name, abbreviation and the municipality or
 * region it belongs to, and every other name it was written under in earlier records.
 */
package se.asfplan.domain.party;
