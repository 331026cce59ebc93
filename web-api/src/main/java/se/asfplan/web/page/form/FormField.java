package se.asfplan.web.page.form;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One field of a command form.
 *
 * @param name      the field's path in the command's JSON body, dotted for nested objects
 *                  ({@code responsibility.lead}); the API's errors name the same path
 * @param label     the Swedish label
 * @param type      how it is entered
 * @param required  whether the form refuses to send without it
 * @param help      a Swedish hint shown under the field, or {@code null}
 * @param options   the choices of a list field, or {@code null}
 * @param rules     rule codes whose refusal concerns this field: their message is shown next to it
 */
public record FormField(String name, String label, FieldType type, boolean required, String help,
                        OptionSource options, Set<String> rules) {

    public FormField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        rules = rules == null ? Set.of() : Set.copyOf(rules);
        if ((type == FieldType.SELECT || type == FieldType.MULTI_SELECT) && options == null) {
            throw new IllegalArgumentException(name + ": a list field needs its options");
        }
    }

    public static FormField of(String name, String label, FieldType type) {
        return new FormField(name, label, type, false, null, null, Set.of());
    }

    public static FormField text(String name, String label) {
        return of(name, label, FieldType.TEXT);
    }

    public static FormField textarea(String name, String label) {
        return of(name, label, FieldType.TEXTAREA);
    }

    public static FormField date(String name, String label) {
        return of(name, label, FieldType.DATE);
    }

    public static FormField integer(String name, String label) {
        return of(name, label, FieldType.INTEGER);
    }

    public static FormField decimal(String name, String label) {
        return of(name, label, FieldType.DECIMAL);
    }

    public static FormField checkbox(String name, String label) {
        return of(name, label, FieldType.CHECKBOX);
    }

    public static FormField lines(String name, String label) {
        return of(name, label, FieldType.LINES);
    }

    public static FormField hidden(String name, String label) {
        return of(name, label, FieldType.HIDDEN);
    }

    public static FormField select(String name, String label, OptionSource options) {
        return new FormField(name, label, FieldType.SELECT, false, null, options, Set.of());
    }

    public static FormField multiSelect(String name, String label, OptionSource options) {
        return new FormField(name, label, FieldType.MULTI_SELECT, false, null, options, Set.of());
    }

    public FormField mandatory() {
        return new FormField(name, label, type, true, help, options, rules);
    }

    public FormField help(String text) {
        return new FormField(name, label, type, required, text, options, rules);
    }

    /** Refusals by these rules are shown next to this field. */
    public FormField rules(String... codes) {
        return new FormField(name, label, type, required, help, options, Set.of(codes));
    }

    /** The HTML id of the field's input. */
    public String inputId() {
        return "f-" + name.replace('.', '-');
    }

    public List<FormOption> choices(java.util.Map<String, String> variables) {
        return options == null ? List.of() : options.options(variables);
    }
}
