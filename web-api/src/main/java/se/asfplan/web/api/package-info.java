/**
 * The REST API: one controller per feature, request bodies validated at the edge, every refusal and every bad
 * field answered as RFC 9457 problem details.
 */
package se.asfplan.web.api;
