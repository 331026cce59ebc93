/**
 * The auditor's pages ({@code /granskning}): look up an event or a record, the history of any record with who
 * recorded what and when, and one event with its payload and metadata; for the coordinator a "Rätta" link from each
 * retractable event to the retraction form.
 */
package se.asfplan.web.page.audit;
