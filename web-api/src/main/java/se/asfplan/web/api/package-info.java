/**
 * The REST API's controllers, one per kind of record, with the readers they answer from and the sender that records
 * their commands. Request bodies are validated at the edge; the HTTP plumbing before a controller lives in
 * {@code api.http}, the one translator of refusals into problem details in {@code api.problem}.
 */
package se.asfplan.web.api;
