/**
 * The API's HTTP plumbing, before a controller sees a request: only JSON or YAML bodies within the size limit,
 * {@code Idempotency-Key} answered once and replayed after, and a JSON body kept so that a 400 can name every bad
 * field. Depends on nothing else of the API.
 */
package se.asfplan.web.api.http;
