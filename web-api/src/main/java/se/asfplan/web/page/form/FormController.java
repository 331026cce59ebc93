package se.asfplan.web.page.form;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import se.asfplan.infra.concurrency.AggregateVersions;
import se.asfplan.web.page.PageNotFoundException;

/**
 * {@code /formular}: the forms page, and every command form: {@code GET} shows it (its record variables as lists
 * when the form was opened without them), {@code POST} sends it through the API ({@link ApiCall}) and shows what was
 * recorded, or the form again with the refusal in Swedish next to the field it concerns.
 */
@Controller
@RequestMapping("/formular")
public class FormController {

    static final String KEY = "_nyckel";
    static final String VERSION = "_version";
    private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z0-9-]{8,80}");
    private static final Pattern VERSION_VALUE = Pattern.compile("\\d{1,18}");

    private final CommandForms forms;
    private final Map<String, RecordVariableSource> variableSources = new LinkedHashMap<>();
    private final AggregateVersions versions;
    private final RuleTexts rules;
    private final ObjectMapper json;

    public FormController(CommandForms forms, List<RecordVariableSource> variableSources, AggregateVersions versions,
                          RuleTexts rules, ObjectMapper json) {
        this.forms = forms;
        variableSources.forEach(source -> this.variableSources.put(source.variable(), source));
        this.versions = versions;
        this.rules = rules;
        this.json = json;
    }

    /** One record variable of a form: chosen (its value), or to be chosen from {@code choices}. */
    public record VariableState(String name, String label, String value, String shown, List<FormOption> choices,
                                boolean ready) {

        public String inputId() {
            return "v-" + name;
        }
    }

    @GetMapping
    public String index(Model model) {
        Map<String, List<CommandForm>> groups = new LinkedHashMap<>();
        forms.all().forEach(form -> groups.computeIfAbsent(form.group(), group -> new ArrayList<>()).add(form));
        model.addAttribute("groups", groups);
        return "forms/index";
    }

    @GetMapping("/{formId}")
    public String show(@PathVariable String formId, HttpServletRequest request, Model model) {
        CommandForm form = form(formId);
        // every value of a repeated parameter: a multi-select is prefilled from ?party=a&party=b
        Map<String, String[]> given = new TreeMap<>(request.getParameterMap());
        Map<String, String> parameters = new LinkedHashMap<>();
        given.forEach((name, values) -> parameters.put(name, values.length == 0 ? "" : values[0]));
        Map<String, String> variables = variables(form, parameters);
        FormState state = FormState.of(form, variables, given);
        return render(form, state, variables, UUID.randomUUID().toString(), currentVersion(form, variables), model);
    }

    @PostMapping("/{formId}")
    public String submit(@PathVariable String formId, HttpServletRequest request, HttpServletResponse response,
                         Model model) throws ServletException, IOException {
        CommandForm form = form(formId);
        Map<String, String> single = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> single.put(name, values.length == 0 ? "" : values[0]));
        Map<String, String> variables = variables(form, single);
        FormState state = FormState.of(form, variables, request.getParameterMap());
        String key = Optional.ofNullable(single.get(KEY)).filter(value -> KEY_VALUE.matcher(value).matches())
                .orElse(UUID.randomUUID().toString());
        String version = Optional.ofNullable(single.get(VERSION)).filter(value -> VERSION_VALUE.matcher(value)
                .matches()).orElse(null);
        List<String> missing = form.variables().stream().filter(name -> !variables.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            missing.forEach(name -> state.reject(null, "Välj " + label(name).toLowerCase() + " först."));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(form, state, variables, key, version, model);
        }
        byte[] body = json.writeValueAsBytes(state.body(json));
        if (state.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(form, state, variables, key, version, model);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", "web-" + key);
        if (version != null) {
            headers.put(HttpHeaders.IF_MATCH, "\"" + version + "\"");
        }
        ApiCall.Answer answer = ApiCall.post(request, response, form.apiPath(variables), body, headers);
        if (answer.succeeded()) {
            return recorded(form, state, variables, answer, model);
        }
        explain(state, answer);
        response.setStatus(answer.status() >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR.value() : answer.status());
        return render(form, state, variables, key, version, model);
    }

    private String recorded(CommandForm form, FormState state, Map<String, String> variables, ApiCall.Answer answer,
                            Model model) throws IOException {
        JsonNode recorded = answer.body().isBlank() ? json.createObjectNode() : json.readTree(answer.body());
        List<String> eventIds = new ArrayList<>();
        recorded.path("eventIds").forEach(id -> eventIds.add(id.asText()));
        model.addAttribute("form", form);
        model.addAttribute("state", state);
        model.addAttribute("variables", variableStates(form, variables));
        model.addAttribute("eventType", recorded.path("recorded").asText(null));
        // an API token is in the answer to its creation only: shown this once, stored nowhere
        model.addAttribute("shownOnce", recorded.path("token").isTextual() ? recorded.path("token").asText() : null);
        model.addAttribute("version", recorded.path("version").isNumber() ? recorded.path("version").asLong()
                : null);
        model.addAttribute("eventIds", eventIds);
        model.addAttribute("replayed", "true".equals(answer.header("Idempotency-Replayed")));
        String created = pageOf(answer.header(HttpHeaders.LOCATION));
        model.addAttribute("recordPage", created != null ? created : form.recordPage(variables));
        model.addAttribute("again", againLink(form, variables));
        return "forms/recorded";
    }

    /** Puts the API's refusal into the form, in Swedish. */
    private void explain(FormState state, ApiCall.Answer answer) {
        JsonNode problem;
        try {
            problem = json.readTree(answer.body());
        } catch (IOException | RuntimeException e) {
            problem = json.createObjectNode();
        }
        String rule = problem.path("rule").asText(null);
        if ("expected-version-must-match".equals(rule)) {
            state.reject(null, "Någon annan har registrerat något på den här posten sedan du öppnade formuläret. "
                    + "Inget registrerades. Öppna formuläret på nytt och kontrollera uppgifterna innan du skickar.");
            return;
        }
        boolean placed = false;
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asText(null);
            String message = error.path("message").asText("Värdet godtas inte.");
            state.reject(field, message);
            placed = true;
        }
        if (rule != null) {
            String reference = problem.path("legalReference").asText(null);
            String text = rules.text(rule, problem.path("detail").asText(rule));
            state.rejectRule(rule, reference == null ? text : text + " (" + reference + ")");
            placed = true;
        }
        if (!placed) {
            state.reject(null, switch (answer.status()) {
                case 403 -> "Din roll får inte registrera detta. Inget registrerades.";
                case 404 -> "Posten finns inte. Inget registrerades.";
                case 413 -> "Uppgifterna är för långa. Inget registrerades.";
                default -> answer.status() >= 500
                        ? "Något gick fel hos tjänsten. Inget registrerades; försök igen om en stund."
                        : "Uppgifterna godtogs inte. Inget registrerades. " + problem.path("detail").asText("");
            });
        }
    }

    private String render(CommandForm form, FormState state, Map<String, String> variables, String key,
                          String version, Model model) {
        List<VariableState> variableStates = variableStates(form, variables);
        model.addAttribute("form", form);
        model.addAttribute("state", state);
        model.addAttribute("variables", variableStates);
        model.addAttribute("ready", variableStates.stream().allMatch(VariableState::ready)
                && variableStates.stream().allMatch(variable -> variable.value() != null));
        model.addAttribute("key", key);
        model.addAttribute("version", version);
        model.addAttribute("recordPage", form.variables().stream().allMatch(variables::containsKey)
                ? form.recordPage(variables) : null);
        return "forms/form";
    }

    private List<VariableState> variableStates(CommandForm form, Map<String, String> variables) {
        List<VariableState> states = new ArrayList<>();
        for (String name : form.variables()) {
            RecordVariableSource source = variableSources.get(name);
            boolean ready = source == null || source.dependsOn().stream().allMatch(variables::containsKey);
            List<FormOption> choices = ready && source != null ? source.options().options(variables) : List.of();
            String value = variables.get(name);
            String shown = value == null ? null : choices.stream().filter(option -> option.value().equals(value))
                    .map(FormOption::label).findFirst().orElse(value);
            states.add(new VariableState(name, label(name), value, shown, choices, ready));
        }
        return states;
    }

    private String label(String variable) {
        RecordVariableSource source = variableSources.get(variable);
        return source == null ? variable : source.label();
    }

    /** The form's record variables as given, each only if it is a well-formed id. */
    private static Map<String, String> variables(CommandForm form, Map<String, String> parameters) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : form.variables()) {
            String value = parameters.get(name);
            if (value != null && CommandForm.VARIABLE_VALUE.matcher(value.strip()).matches()) {
                variables.put(name, value.strip());
            }
        }
        return variables;
    }

    private String currentVersion(CommandForm form, Map<String, String> variables) {
        if (form.recordVariable() == null || !variables.containsKey(form.recordVariable())) {
            return null;
        }
        Long version = versions.version(variables.get(form.recordVariable()));
        return version == null ? null : version.toString();
    }

    /**
     * The page showing what an API location names: a creation form's answer leads straight to the new record. Only
     * the service's own API paths are turned into pages; anything else gives none.
     */
    static String pageOf(String location) {
        if (location == null) {
            return null;
        }
        String path = location.replaceFirst("^https?://[^/]+", "");
        String[][] pages = {
                {"^/api/plans/([A-Za-z0-9._:-]+)/activities/([A-Za-z0-9._:-]+)$", "/planer/$1/aktiviteter/$2"},
                {"^/api/plans/([A-Za-z0-9._:-]+)/goals/[A-Za-z0-9._:-]+$", "/planer/$1/mal"},
                {"^/api/plans/([A-Za-z0-9._:-]+)$", "/planer/$1"},
                {"^/api/enterprises/([A-Za-z0-9._:-]+)$", "/foretag/$1"},
                {"^/api/procurements/([A-Za-z0-9._:-]+)$", "/upphandlingar/$1"},
                {"^/api/meetings/([A-Za-z0-9._:-]+)$", "/moten/$1"},
                {"^/api/parties/([A-Za-z0-9._:-]+)$", "/parter/$1"}};
        for (String[] page : pages) {
            if (path.matches(page[0])) {
                return path.replaceFirst(page[0], page[1]);
            }
        }
        return null;
    }

    private static String againLink(CommandForm form, Map<String, String> variables) {
        StringBuilder link = new StringBuilder("/formular/").append(form.id());
        String separator = "?";
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            link.append(separator).append(variable.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(variable.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return link.toString();
    }

    private CommandForm form(String formId) {
        return forms.form(formId).orElseThrow(() -> new PageNotFoundException("Det finns inget formulär som heter "
                + formId + "."));
    }

    Collection<CommandForm> forms() {
        return forms.all();
    }
}
