/**
 * One translator of every refusal and every bad request into RFC 9457 problem details: the rule code of a domain
 * refusal, the kind of record a framework refusal concerns ({@link se.asfplan.web.api.problem.RecordKind}), and
 * every bad field of a body. Controllers throw or let the command's outcome through; they translate nothing.
 */
package se.asfplan.web.api.problem;
