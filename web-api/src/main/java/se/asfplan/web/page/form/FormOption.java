package se.asfplan.web.page.form;

/** One choice of a list field: the value sent to the API and the Swedish text shown. */
public record FormOption(String value, String label) {
}
