/**
 * Forms for the commands the API accepts, without a second implementation of any of them: a form is declared once
 * ({@link se.asfplan.web.page.form.CommandForm}, collected from every {@link se.asfplan.web.page.form.CommandFormCatalogue}),
 * rendered by one template, and submitted through the API itself ({@link se.asfplan.web.page.form.ApiCall}): the same
 * validation, rules, idempotency key and expected version, so a double-clicked button records once and a stale form
 * is refused. Refusals come back in Swedish next to the field they concern.
 */
package se.asfplan.web.page.form;
