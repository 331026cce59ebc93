package se.asfplan.web.page.form;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form for one API command.
 *
 * @param id             the form's stable name in its address ({@code /formular/{id}}), such as {@code activity-start}
 * @param group          the Swedish heading it is listed under on the forms page, such as {@code Aktiviteter}
 * @param title          the Swedish title, an imperative ("Registrera att aktiviteten har startat")
 * @param apiPath        the API endpoint the form posts to, with its record variables: {@code
 *                       /api/plans/{planId}/activities/{activityId}/start}
 * @param recordVariable the variable naming the record the command changes (its expected version is checked), or
 *                       {@code null} when the command creates a record
 * @param recordPage     the page showing the record afterwards, with the same variables, or {@code null}
 * @param fields         the fields, in order
 */
public record CommandForm(String id, String group, String title, String apiPath, String recordVariable,
                          String recordPage, List<FormField> fields) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern FORM_ID = Pattern.compile("[a-z][a-z0-9-]{1,60}");
    /** What a record variable may hold: the ids of this service are slugs, UUIDs or numbers. */
    static final Pattern VARIABLE_VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    public CommandForm {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(group, "group");
        if (id == null || !FORM_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("form id must be lower-case kebab-case: " + id);
        }
        if (apiPath == null || !apiPath.startsWith("/api/")) {
            throw new IllegalArgumentException(id + ": the form must post to the API, not " + apiPath);
        }
        fields = List.copyOf(fields);
        if (recordVariable != null && !variables(apiPath).contains(recordVariable)) {
            throw new IllegalArgumentException(id + ": " + recordVariable + " is not a variable of " + apiPath);
        }
    }

    /** The variables the API path needs, in order. */
    public List<String> variables() {
        return variables(apiPath);
    }

    private static List<String> variables(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The API path for these variables, each URL-encoded; refuses a missing or malformed one. */
    public String apiPath(Map<String, String> values) {
        return expand(apiPath, values);
    }

    /** The record's page for these variables, or {@code null}. */
    public String recordPage(Map<String, String> values) {
        return recordPage == null ? null : expand(recordPage, values);
    }

    private static String expand(String template, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null || !VARIABLE_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException(matcher.group(1));
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value,
                    StandardCharsets.UTF_8)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    public FormField field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst().orElse(null);
    }
}
