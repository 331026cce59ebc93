package se.asfplan.web.page.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A form as filled in: its record variables, each field's value as entered and the messages to show. Builds the
 * command's JSON body, refusing (in Swedish, at the field) what can be told without asking the API: a missing
 * required value, a number or date that is none.
 */
public final class FormState {

    /** One field with what was entered and its message, if any. */
    public record FieldState(FormField field, String value, List<String> values, List<FormOption> choices,
                             String error) {

        public boolean chosen(String option) {
            return values.contains(option);
        }

        public String errorId() {
            return field.inputId() + "-fel";
        }

        public String helpId() {
            return field.inputId() + "-hjalp";
        }

        /** The ids the input is described by: its hint and its message. */
        public String describedBy() {
            List<String> ids = new ArrayList<>();
            if (field.help() != null) {
                ids.add(helpId());
            }
            if (error != null) {
                ids.add(errorId());
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }

        /** The value as a reader sees it on the confirmation: the chosen options' labels, "Ja"/"Nej". */
        public String shown() {
            if (field.type() == FieldType.CHECKBOX) {
                return "true".equals(value) ? "Ja" : "Nej";
            }
            if (field.type() == FieldType.SELECT || field.type() == FieldType.MULTI_SELECT) {
                List<String> labels = new ArrayList<>();
                for (String chosen : values) {
                    labels.add(choices.stream().filter(option -> option.value().equals(chosen))
                            .map(FormOption::label).findFirst().orElse(chosen));
                }
                return String.join(", ", labels);
            }
            return value;
        }
    }

    /** A message in the error summary, linking to its field (or to nothing, for the form as a whole). */
    public record Message(String inputId, String text) {
    }

    private final CommandForm form;
    private final Map<String, String> variables;
    private final Map<String, FieldState> fields = new LinkedHashMap<>();
    private final List<Message> general = new ArrayList<>();

    private FormState(CommandForm form, Map<String, String> variables) {
        this.form = form;
        this.variables = variables;
    }

    /** The form as the request filled it in ({@code parameters} as the servlet gives them). */
    public static FormState of(CommandForm form, Map<String, String> variables, Map<String, String[]> parameters) {
        FormState state = new FormState(form, variables);
        for (FormField field : form.fields()) {
            String[] given = parameters.getOrDefault(field.name(), new String[0]);
            List<String> values = Arrays.stream(given).map(String::strip).filter(value -> !value.isEmpty()).toList();
            String value = field.type() == FieldType.MULTI_SELECT ? String.join(",", values)
                    : given.length == 0 ? "" : field.type() == FieldType.CHECKBOX
                    ? Boolean.toString(Arrays.asList(given).contains("true"))
                    // a protective tab before a formula character stays (see Values.trimmed)
                    : se.asfplan.domain.shared.Values.trimmed(given[0]);
            List<FormOption> choices = field.choices(variables);
            state.fields.put(field.name(), new FieldState(field, value,
                    field.type() == FieldType.MULTI_SELECT ? values : value.isEmpty() ? List.of() : List.of(value),
                    choices, null));
        }
        return state;
    }

    public CommandForm form() {
        return form;
    }

    public Map<String, String> variables() {
        return variables;
    }

    public List<FieldState> fields() {
        return List.copyOf(fields.values());
    }

    /** The fields the person sees (not the hidden ones). */
    public List<FieldState> visibleFields() {
        return fields.values().stream().filter(state -> state.field().type() != FieldType.HIDDEN).toList();
    }

    public List<FieldState> hiddenFields() {
        return fields.values().stream().filter(state -> state.field().type() == FieldType.HIDDEN).toList();
    }

    public boolean hasErrors() {
        return !general.isEmpty() || fields.values().stream().anyMatch(state -> state.error() != null);
    }

    /** Every message, the field ones first in the form's order: the error summary at the top of the form. */
    public List<Message> messages() {
        List<Message> all = new ArrayList<>();
        fields.values().stream().filter(state -> state.error() != null)
                .forEach(state -> all.add(new Message(state.field().inputId(), state.field().label() + ": "
                        + state.error())));
        all.addAll(general);
        return all;
    }

    /** Puts a message at the field with this JSON path, or at the form when no field has it. */
    public void reject(String path, String message) {
        FieldState state = path == null ? null : fields.get(path);
        if (state == null && path != null) {
            // an error inside a field's value (items[0].name) belongs to that field
            state = fields.values().stream().filter(candidate -> path.startsWith(candidate.field().name() + ".")
                    || path.startsWith(candidate.field().name() + "[")).findFirst().orElse(null);
        }
        if (state == null && path != null && !path.isEmpty()) {
            // an error about an object the form enters field by field (carriesOut) goes to its first field
            state = fields.values().stream().filter(candidate -> candidate.field().name().startsWith(path + "."))
                    .findFirst().orElse(null);
        }
        if (state == null) {
            general.add(new Message(null, message));
            return;
        }
        String joined = state.error() == null ? message : state.error() + " " + message;
        fields.put(state.field().name(), new FieldState(state.field(), state.value(), state.values(),
                state.choices(), joined));
    }

    /**
     * Puts a refused rule's message at the field that declares the rule; a rule about a date that no field declares
     * goes to the form's only date field; anything else to the form as a whole.
     */
    public void rejectRule(String rule, String message) {
        String path = form.fields().stream().filter(field -> field.rules().contains(rule)).map(FormField::name)
                .findFirst().orElse(null);
        if (path == null && rule.contains("date")) {
            List<FormField> dates = form.fields().stream().filter(field -> field.type() == FieldType.DATE).toList();
            path = dates.size() == 1 ? dates.get(0).name() : null;
        }
        reject(path, message);
    }

    /** The command's body; {@link #hasErrors()} tells whether anything entered could not be used. */
    public ObjectNode body(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        for (FieldState state : List.copyOf(fields.values())) {
            FormField field = state.field();
            if (state.value().isEmpty() && field.type() != FieldType.CHECKBOX) {
                if (field.required()) {
                    reject(field.name(), "Fyll i " + field.label().toLowerCase(java.util.Locale.ROOT) + ".");
                }
                continue;
            }
            JsonNode value = switch (field.type()) {
                case INTEGER -> integer(state);
                case DECIMAL -> decimal(state);
                case DATE -> date(state);
                case CHECKBOX -> json.getNodeFactory().booleanNode("true".equals(state.value()));
                case MULTI_SELECT -> array(json, state.values());
                case LINES -> array(json, state.value().lines().map(String::strip)
                        .filter(line -> !line.isEmpty()).toList());
                case SELECT -> choice(state);
                default -> json.getNodeFactory().textNode(state.value());
            };
            if (value != null) {
                put(body, field.name(), value);
            }
        }
        return body;
    }

    private JsonNode integer(FieldState state) {
        try {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(
                    Long.parseLong(state.value().replace(" ", "").replace("\u00a0", "")));
        } catch (NumberFormatException e) {
            reject(state.field().name(), "Ange ett heltal, till exempel 12.");
            return null;
        }
    }

    private JsonNode decimal(FieldState state) {
        try {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(new BigDecimal(
                    state.value().replace(" ", "").replace("\u00a0", "").replace(',', '.')));
        } catch (NumberFormatException e) {
            reject(state.field().name(), "Ange ett tal, till exempel 12,5.");
            return null;
        }
    }

    private JsonNode date(FieldState state) {
        try {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(
                    LocalDate.parse(state.value()).toString());
        } catch (DateTimeParseException e) {
            reject(state.field().name(), "Ange ett datum som åååå-mm-dd, till exempel 2024-03-31.");
            return null;
        }
    }

    private JsonNode choice(FieldState state) {
        if (state.choices().stream().noneMatch(option -> option.value().equals(state.value()))) {
            reject(state.field().name(), "Välj ett av alternativen i listan.");
            return null;
        }
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(state.value());
    }

    private static ArrayNode array(ObjectMapper json, List<String> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static void put(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }
}
