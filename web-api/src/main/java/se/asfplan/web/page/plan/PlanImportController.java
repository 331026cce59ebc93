package se.asfplan.web.page.plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import se.asfplan.web.page.form.ApiCall;
import se.asfplan.web.page.form.RuleTexts;

/**
 * {@code /formular/planfil}: a whole plan from a plan file (YAML or JSON, format action-plan/v1), uploaded and sent
 * to the API's {@code POST /api/plans/import} through {@link ApiCall}, with an idempotency key so that a double
 * click imports once. The API's problems with the file are listed in Swedish with the place in the file each
 * concerns. A literal mapping, so it is chosen before the command forms' {@code /formular/{formId}}.
 */
@Controller
@RequestMapping("/formular/planfil")
public class PlanImportController {

    static final long MAX_BYTES = 1024 * 1024;
    private static final Pattern KEY_VALUE = Pattern.compile("[A-Za-z0-9-]{8,80}");

    private final RuleTexts rules;
    private final ObjectMapper json;

    public PlanImportController(RuleTexts rules, ObjectMapper json) {
        this.rules = rules;
        this.json = json;
    }

    /** One problem the API found, at its place in the file ({@code null}: the file as a whole). */
    public record Problem(String place, String message) {
    }

    @GetMapping
    public String show(Model model) {
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("problems", List.of());
        return "plan/import";
    }

    @PostMapping
    public String upload(@RequestParam(name = "planfil", required = false) MultipartFile file,
                         @RequestParam(name = "_nyckel", required = false) String key,
                         HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException, ServletException {
        String idempotencyKey = key != null && KEY_VALUE.matcher(key).matches() ? key : UUID.randomUUID().toString();
        model.addAttribute("key", idempotencyKey);
        List<Problem> problems = new ArrayList<>();
        model.addAttribute("problems", problems);
        if (file == null || file.isEmpty()) {
            problems.add(new Problem(null, "Välj en planfil att läsa in."));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "plan/import";
        }
        if (file.getSize() > MAX_BYTES) {
            problems.add(new Problem(null, "Planfilen är större än 1 MB. Inget registrerades."));
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return "plan/import";
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        String type = name.endsWith(".json") ? MediaType.APPLICATION_JSON_VALUE : "application/yaml";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", "web-import-" + idempotencyKey);
        ApiCall.Answer answer = ApiCall.post(request, response, "/api/plans/import", file.getBytes(), type, headers);
        JsonNode body = read(answer.body());
        if (answer.succeeded()) {
            model.addAttribute("imported", body);
            model.addAttribute("replayed", "true".equals(answer.header("Idempotency-Replayed")));
            model.addAttribute("fileName", file.getOriginalFilename());
            return "plan/imported";
        }
        explain(answer, body, problems);
        response.setStatus(answer.status() >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR.value() : answer.status());
        return "plan/import";
    }

    private void explain(ApiCall.Answer answer, JsonNode problem, List<Problem> problems) {
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asText(null);
            problems.add(new Problem(field == null || field.isBlank() ? null : field,
                    error.path("message").asText("Värdet godtas inte.")));
        }
        String rule = problem.path("rule").asText(null);
        if (rule != null) {
            problems.add(new Problem(null, rules.text(rule, problem.path("detail").asText(rule))));
        }
        if (problems.isEmpty()) {
            problems.add(new Problem(null, switch (answer.status()) {
                case 403 -> "Din roll får inte läsa in planer. Inget registrerades.";
                case 413 -> "Planfilen är för stor. Inget registrerades.";
                case 415 -> "Filen är varken YAML eller JSON. Inget registrerades.";
                default -> answer.status() >= 500
                        ? "Något gick fel hos tjänsten. Inget registrerades; försök igen om en stund."
                        : "Planfilen godtogs inte. Inget registrerades. " + problem.path("detail").asText("");
            }));
        }
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }
}
