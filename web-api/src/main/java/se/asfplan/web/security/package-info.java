/**
 * Who may do what: coordinators record, auditors and committee readers read. Deny by default.
 */
package se.asfplan.web.security;
