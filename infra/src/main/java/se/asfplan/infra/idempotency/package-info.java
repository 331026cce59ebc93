/**
 * Idempotent recording: a client's {@code Idempotency-Key} is stored with the answer to its request, in the same
 * database transaction as the events the request records, so that a retried request is answered from the stored
 * answer and records nothing twice. The HTTP side (headers, body capture) lives in the web module.
 */
package se.asfplan.infra.idempotency;
