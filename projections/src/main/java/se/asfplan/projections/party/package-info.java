/** The register of parties as read: every party with its details and every name it has had. */
package se.asfplan.projections.party;
