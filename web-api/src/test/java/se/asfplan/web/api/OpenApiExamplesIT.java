package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.web.support.PostgresApiTest;

/**
 * Swagger UI's "Try it out" works for every documented write: the OpenAPI document describes every typed id as a
 * plain string (path parameters and body fields alike), and the example body Swagger UI builds from the document for
 * each {@code POST} is accepted.
 * <p>
 * What it proves: for every POST operation of {@code /v3/api-docs} (but the plan-file import, whose body is a file,
 * and the admin endpoints, which rebuild projections), the body is built as Swagger UI's sample generator builds it —
 * the schema's {@code example}, else its {@code default}, else its first {@code enum} value, else by type: objects
 * with every property, arrays of one item, {@code format: date} today, integers their {@code minimum} or 0, strings
 * "string" (the test fails for a string with a {@code pattern} "string" does not match and no example, where Swagger
 * UI would generate a random value) — and sent as the coordinator with the ids of records created here in the path.
 * No answer may be 400 (the example is malformed) or 5xx; a 404, 409 or 422 must be a domain refusal naming its
 * rule, and only the rules that say a record the example names does not exist, or already exists or is in another
 * state because an earlier example in the run changed it, are accepted. Most examples record.
 */
class OpenApiExamplesIT extends PostgresApiTest {

    /** Rules an example may meet: it names a record that does not exist, or one an earlier example already made. */
    private static final Set<String> ACCEPTED_REFUSALS = Set.of(
            "plan-can-be-adopted-once", "area-id-must-be-unique", "activity-id-must-be-unique",
            "goal-id-must-be-unique", "decision-id-must-be-unique", "enterprise-id-must-be-unique",
            "organisation-number-must-be-unique", "meeting-can-be-recorded-once", "procurement-can-be-begun-once",
            "party-can-be-registered-once", "name-must-name-one-party", "id-must-not-name-another-record",
            "carried-out-activity-must-exist", "area-must-exist", "activity-must-exist", "goal-must-exist",
            "retracted-event-must-belong-to-the-record", "participant-must-be-registered",
            "scope-party-must-be-registered", "enterprise-must-be-registered-first",
            // the examples of /lots and /no-division are alternatives: whichever runs second finds it decided
            "division-into-lots-is-decided-once",
            // the level example is the level the membership example joined at
            "level-change-must-change-level",
            // the example enterprise is a legal person: only a sole trader's name is personal data to erase
            "only-a-sole-traders-name-can-be-erased",
            // completing and cancelling are alternatives: whichever runs second finds the record closed
            "closed-activity-cannot-change", "completed-procurement-can-only-be-evaluated",
            // returning and approving an assessment are alternatives: the return comes after the approval
            "assessment-is-already-approved");

    /**
     * The order Swagger UI users would try a record's steps in: begin it, then its steps in their order, and what
     * ends it last (closure, cancellation, withdrawal, leaving, retraction); the document lists them alphabetically.
     */
    private static final List<String> STEP_ORDER = List.of("start", "progress-reports", "reschedule",
            "responsibility", "membership", "level", "announcement", "lots", "no-division", "tenders", "award",
            "completion", "complete", "evaluations", "outcomes", "revisions", "participant-corrections", "leaving",
            "withdrawal", "cancellation", "cancel", "closure", "retractions",
            // a follow-up round: assessed, approved (or marked unanswered), reminded, closed, a reminder delivered
            "assessments", "approvals", "unanswered", "returns", "reminders", "closing", "delivery");

    @Autowired
    private ObjectMapper json;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> ids = new LinkedHashMap<>();

    @Test
    void describesEveryIdAsAPlainStringWithItsPattern() throws Exception {
        JsonNode docs = json.readTree(http.getForObject("/v3/api-docs", String.class));
        JsonNode schemas = docs.path("components").path("schemas");
        for (Class<?> type : IdentifierSchemas.identifierClasses()) {
            JsonNode schema = schemas.path(type.getSimpleName());
            assertThat(schema.isMissingNode() || "string".equals(schema.path("type").asText()))
                    .as(type.getSimpleName() + " is described as " + schema).isTrue();
        }
        assertThat(docs.toString()).doesNotContain("\"properties\":{\"value\":{\"type\":\"string\"}}");
        List<String> pathParameters = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("parameters").forEach(parameter -> {
                    if ("path".equals(parameter.path("in").asText())) {
                        pathParameters.add(path.getKey() + " " + parameter.path("name").asText());
                        assertThat(parameter.path("schema").path("type").asText())
                                .as(path.getKey() + " " + parameter).isEqualTo("string");
                    }
                })));
        assertThat(pathParameters).contains("/api/plans/{planId} planId",
                "/api/enterprises/{enterpriseId} enterpriseId");
        JsonNode planId = docs.path("paths").path("/api/plans/{planId}").path("get").path("parameters").get(0);
        assertThat(planId.path("schema").path("pattern").asText()).isEqualTo("^[a-z0-9][a-z0-9-]{1,62}$");
        JsonNode adopt = schemas.path("AdoptPlanRequest").path("properties").path("planId");
        assertThat(adopt.path("type").asText()).as(adopt.toString()).isEqualTo("string");
    }

    @Test
    void acceptsTheExampleBodyOfEveryPostAsSwaggerUiBuildsIt() throws Exception {
        createRecords();
        JsonNode docs = json.readTree(http.getForObject("/v3/api-docs", String.class));
        Map<String, String> answers = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int recorded = 0;
        List<Map.Entry<String, JsonNode>> paths = new ArrayList<>();
        iterable(docs.path("paths")).forEach(paths::add);
        paths.sort(java.util.Comparator.comparingInt(path -> step(path.getKey())));
        for (Map.Entry<String, JsonNode> path : paths) {
            JsonNode post = path.getValue().path("post");
            if (post.isMissingNode() || path.getKey().startsWith("/api/admin/")
                    || path.getKey().equals("/api/plans/import")) {
                continue;
            }
            JsonNode schema = post.path("requestBody").path("content").path("application/json").path("schema");
            String body = schema.isMissingNode() ? "{}" : json.writeValueAsString(sample(docs, schema, path.getKey()));
            String target = fill(path.getKey());
            ResponseEntity<Map<String, Object>> answer = post(COORDINATOR, target, body);
            int status = answer.getStatusCode().value();
            Object rule = answer.getBody() == null ? null : answer.getBody().get("rule");
            answers.put(path.getKey(), status + (rule == null ? "" : " " + rule));
            if (status < 300) {
                recorded++;
            } else if (status == 400 || status >= 500
                    || !(rule instanceof String code && ACCEPTED_REFUSALS.contains(code))) {
                failures.add(path.getKey() + " " + body + " -> " + status + " " + answer.getBody());
            }
        }
        System.out.println("POST examples as Swagger UI sends them: " + answers);
        assertThat(failures).as("examples refused as malformed or by a rule an example should not meet").isEmpty();
        assertThat(answers).hasSizeGreaterThan(40);
        assertThat(recorded).as("examples recorded, of " + answers.size()).isGreaterThanOrEqualTo(answers.size() / 2);
    }

    private static int step(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.startsWith("{") || !STEP_ORDER.contains(last) ? -1 : STEP_ORDER.indexOf(last);
    }

    /** The records the paths name: a plan with area, activity, goal and decision, an enterprise, meeting, ... */
    private void createRecords() {
        String plan = "it-openapi-" + suffix;
        ids.put("planId", plan);
        ids.put("areaId", "omrade");
        ids.put("activityId", "aktivitet");
        ids.put("goalId", "mal");
        ids.put("decisionId", "adoption");
        ids.put("enterpriseId", "it-openapi-asf-" + suffix);
        ids.put("meetingId", "it-openapi-mote-" + suffix);
        ids.put("procurementId", "it-openapi-upph-" + suffix);
        ids.put("partyId", "it-openapi-part-" + suffix);
        int year = LocalDate.now(BusinessCalendar.ZONE).getYear();
        created(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun", "adoption": {"body": "KS"},
                 "adoptedOn": "%d-01-02", "period": {"fromYear": %d, "toYear": %d}}"""
                .formatted(plan, year - 2, year - 2, year + 2)));
        created(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "omrade", "name": "Område", "occurredOn": "%d-01-02"}""".formatted(year - 2)));
        created(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "aktivitet", "areaId": "omrade", "kind": "ACTIVITY", "title": "Aktivitet",
                 "responsibility": {"lead": "AMN"}, "occurredOn": "%d-01-02"}""".formatted(year - 2)));
        created(post(COORDINATOR, "/api/plans/" + plan + "/goals", """
                {"goalId": "mal", "year": %d, "kind": "MANUAL", "indicator": "Antal",
                 "target": {"comparator": "AT_LEAST", "value": 3, "unit": "st"}, "decision": {"body": "KS"}}"""
                .formatted(year)));
        created(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "Kafé", "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"],
                 "municipality": "Stockholm", "criteria": {"integrationPurpose": true, "employeeParticipation": true,
                 "profitsReinvested": true, "independentOfPublicSector": true}, "occurredOn": "%d-01-10"}"""
                .formatted(ids.get("enterpriseId"), EnterpriseApiIT.organisationNumber(), year - 1)));
        created(post(COORDINATOR, "/api/meetings", """
                {"meetingId": "%s", "kind": "ROUND_TABLE", "title": "Rundabord", "occurredOn": "%d-02-01",
                 "organiser": "SBR", "participants": ["%s"]}""".formatted(ids.get("meetingId"), year - 1, ids.get("enterpriseId"))));
        created(post(COORDINATOR, "/api/procurements", """
                {"procurementId": "%s", "stage": "PLANNED", "authority": "Socialnämnden", "subject": "Städ",
                 "cpvCodes": ["90910000-9"], "procedure": "ORDINARY", "occurredOn": "%d-02-01"}"""
                .formatted(ids.get("procurementId"), year - 1)));
        // Swagger UI's samples name "string" for every id in a body (an activity carried out, a participant):
        // records under that id make those samples name records that exist (kept from an earlier run: 409)
        String same = "string";
        // all kinds of record share one id space, so only the plan is "string"; a participant "string" names no
        // enterprise, a scope party "string" no party
        createdOrKept(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun", "adoption": {"body": "KS"},
                 "adoptedOn": "%d-01-02", "period": {"fromYear": %d, "toYear": %d}}"""
                .formatted(same, year - 2, year - 2, year + 2)));
        createdOrKept(post(COORDINATOR, "/api/plans/" + same + "/areas", """
                {"areaId": "%s", "name": "Område", "occurredOn": "%d-01-02"}""".formatted(same, year - 2)));
        createdOrKept(post(COORDINATOR, "/api/plans/" + same + "/activities", """
                {"activityId": "%s", "areaId": "%s", "kind": "ACTIVITY", "title": "Aktivitet",
                 "responsibility": {"lead": "AMN"}, "occurredOn": "%d-01-02"}""".formatted(same, same, year - 2)));
        created(post(COORDINATOR, "/api/parties", """
                {"partyId": "%s", "name": "Nämnden %s", "kind": "COMMITTEE", "municipality": "Testkommun"}"""
                .formatted(ids.get("partyId"), suffix)));
        openRound(plan, year);
    }

    /** A follow-up round of the plan over its activity and goal, with a reminder queued for its reporter. */
    private void openRound(String plan, int year) {
        String round = "it-openapi-omg-" + suffix;
        ids.put("roundId", round);
        // the round's items are checked against the plan's read model, which follows the log within moments:
        // until it knows the plan, its activity and its goal the opening is refused and records nothing
        String opening = """
                {"roundId": "%s", "name": "Delår", "kind": "INTERIM", "cutOffDate": "%d-08-31",
                 "deadline": "%d-09-15", "items": [{"subject": "activity:aktivitet", "reporter": "AMN"},
                 {"subject": "goal:mal", "reporter": "AMN"}]}""".formatted(round, year - 1, year - 1);
        created(Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> post(COORDINATOR, "/api/plans/" + plan + "/rounds", opening),
                        answer -> answer.getStatusCode() == HttpStatus.CREATED
                                || !(answer.getStatusCode() == HttpStatus.NOT_FOUND
                                || answer.getStatusCode() == HttpStatus.UNPROCESSABLE_ENTITY)));
        String queued = Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            ResponseEntity<Map<String, Object>> answer = post(COORDINATOR, "/api/plans/" + plan + "/rounds/" + round
                    + "/reminders", "{}");
            return answer.getStatusCode().is2xxSuccessful()
                    && answer.getBody().get("messages") instanceof List<?> messages && !messages.isEmpty()
                    ? (String) ((Map<?, ?>) messages.get(0)).get("messageId") : null;
        }, java.util.Objects::nonNull);
        ids.put("messageId", queued);
    }

    private static void createdOrKept(ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
    }

    private static void created(ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private String fill(String template) {
        Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = ids.get(variable.group(1));
            assertThat(value).as("a record for " + variable.group(1) + " in " + template).isNotNull();
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        return path.toString();
    }

    /** The sample Swagger UI builds from the schema. */
    private JsonNode sample(JsonNode docs, JsonNode schema, String where) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return sample(docs, docs.path("components").path("schemas").path(name), where + " " + name);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        if (schema.has("allOf")) {
            ObjectNode merged = nodes.objectNode();
            schema.get("allOf").forEach(part -> {
                JsonNode sample = sample(docs, part, where);
                if (sample.isObject()) {
                    merged.setAll((ObjectNode) sample);
                }
            });
            return merged;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return sample(docs, schema.has("oneOf") ? schema.get("oneOf").get(0) : schema.get("anyOf").get(0), where);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                for (Map.Entry<String, JsonNode> property : iterable(schema.path("properties"))) {
                    if (!property.getValue().path("readOnly").asBoolean(false)) {
                        object.set(property.getKey(), sample(docs, property.getValue(), where + "." + property.getKey()));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(sample(docs, schema.path("items"), where + "[]"));
                return array;
            }
            case "integer", "number" -> {
                if (schema.has("minimum")) {
                    return schema.get("minimum");
                }
                if (schema.has("maximum") && schema.get("maximum").asDouble() < 0) {
                    return schema.get("maximum");
                }
                return nodes.numberNode(0);
            }
            case "boolean" -> {
                return nodes.booleanNode(true);
            }
            case "string" -> {
                String format = schema.path("format").asText("");
                if (format.equals("date")) {
                    // the date in Sweden, as a Swedish user's Swagger UI fills it in and as the service dates a step
                    // sent without one
                    return nodes.textNode(LocalDate.now(BusinessCalendar.ZONE).toString());
                }
                if (format.equals("date-time")) {
                    return nodes.textNode(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).toString());
                }
                if (format.equals("uuid")) {
                    return nodes.textNode("3fa85f64-5717-4562-b3fc-2c963f66afa6");
                }
                String pattern = schema.path("pattern").asText(null);
                assertThat(pattern == null || "string".matches(pattern))
                        .as(where + ": Swagger UI would make up a value for the pattern " + pattern
                                + "; give the schema an example").isTrue();
                return nodes.textNode("string");
            }
            default -> {
                return nodes.objectNode();
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}
