package se.asfplan.web.page.form;

/** How a form field is entered and how its value goes into the command's JSON body. */
public enum FieldType {
    /** One line of text: a JSON string. */
    TEXT,
    /** Several lines of text: a JSON string. */
    TEXTAREA,
    /** A business date ({@code yyyy-MM-dd}, the browser's date picker): a JSON string. */
    DATE,
    /** A whole number: a JSON number. */
    INTEGER,
    /** A number that may have decimals, written with a decimal comma or point: a JSON number. */
    DECIMAL,
    /** One choice from a list: a JSON string. */
    SELECT,
    /** Any number of choices from a list (check boxes): a JSON array of strings. */
    MULTI_SELECT,
    /** Yes or no (one check box): a JSON boolean. */
    CHECKBOX,
    /** One value per line: a JSON array of strings. */
    LINES,
    /** Carried along from the page that opened the form (for example the event a correction retracts). */
    HIDDEN
}
