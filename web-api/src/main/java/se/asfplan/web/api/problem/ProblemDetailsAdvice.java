package se.asfplan.web.api.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import se.asfplan.domain.shared.RecordRule;
import se.asfplan.domain.shared.RuleCode;
import se.asfplan.domain.shared.RuleViolationException;
import se.asfplan.infra.planfile.PlanFileException;
import se.asfplan.web.api.http.ApiRule;
import se.asfplan.web.api.http.KnownQueryParametersOnly;
import se.asfplan.web.api.http.ProblemLanguage;

/**
 * One error model from domain to HTTP (RFC 9457 problem details):
 * <ul>
 *   <li>malformed input: 400 with {@code errors}, one entry per bad field with its path;</li>
 *   <li>a refused command: 404, 409 or 422 with the broken {@code rule}'s code and, where there is one, its
 *       {@code legalReference};</li>
 *   <li>anything unexpected: 500 with no internals (no stack trace, SQL or class name).</li>
 * </ul>
 * Nothing is recorded in any of these cases: commands are refused before their events are applied.
 *
 * <p>This is the only place that turns the outcome of a command into an answer; controllers catch nothing. The
 * refusals the framework reports before the domain sees the command get one rule code per situation, the same on
 * every endpoint of a kind of record:
 * <ul>
 *   <li>nothing is recorded under the id: 404 with the kind's own rule, {@code plan-must-be-adopted-first},
 *       {@code enterprise-must-be-registered-first}, {@code meeting-must-be-recorded-first} or
 *       {@code procurement-must-exist} (see {@link RecordKind});</li>
 *   <li>the id names another kind of record (a plan's id used for a meeting, say), whether the command begins a
 *       record or changes one: 409 {@code id-must-not-name-another-record} on every endpoint (the procurement
 *       refuses it in the domain with the same {@link RecordRule});</li>
 *   <li>another request began the same record at the same moment: 409 with the kind's rule for beginning it
 *       twice, {@code plan-can-be-adopted-once}, {@code enterprise-id-must-be-unique},
 *       {@code meeting-can-be-recorded-once} or {@code procurement-can-be-begun-once}.</li>
 * </ul>
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final JsonBodyErrors bodyErrors;
    private final ProblemLanguage language;

    ProblemDetailsAdvice(JsonBodyErrors bodyErrors, ProblemLanguage language) {
        this.bodyErrors = bodyErrors;
        this.language = language;
    }
    private static final String TYPE_BASE = "https://asf-plan-tracker.example/problems/";

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> refused(RuleViolationException e) {
        return refusal(e.rule(), e.getMessage());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> failedCommand(CommandExecutionException e) {
        Object details = e.getDetails().orElse(null);
        if (e.getCause() instanceof RuleViolationException violation) {
            return refused(violation);
        }
        if (details instanceof RuleCode rule) {
            return refusal(rule, e.getMessage());
        }
        return unexpected(e);
    }

    /**
     * A command named an id under which nothing is recorded: refused by the rule of the kind of record the endpoint
     * serves, the same on each of its endpoints ({@link RecordKind#mustExist}).
     */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> recordNotFound(AggregateNotFoundException e, HandlerMethod endpoint) {
        return RecordKind.servedBy(endpoint.getBeanType())
                .map(kind -> refusal(kind.mustExist, kind.notFound(e.getAggregateIdentifier())))
                .orElseGet(() -> unexpected(e));
    }

    /** Another request began the same record at the same moment: refused as beginning it twice would be. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> begunConcurrently(AggregateStreamCreationException e, HandlerMethod endpoint) {
        return RecordKind.servedBy(endpoint.getBeanType())
                .map(kind -> refusal(kind.begunOnce, kind.begunConcurrently))
                .orElseGet(() -> unexpected(e));
    }

    /**
     * All kinds of record share one identifier space in the event store: an id whose history belongs to another
     * kind (a plan id used for an enterprise, say) can neither begin nor change a record of this kind
     * ({@link RecordRule#ID_MUST_NOT_NAME_ANOTHER_RECORD} on every endpoint).
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> idOfAnotherKindOfRecord(IncompatibleAggregateException e) {
        return refusal(RecordRule.ID_MUST_NOT_NAME_ANOTHER_RECORD, "The id already names another kind of record "
                + "(a plan, an enterprise, a meeting or a procurement); choose another id");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ApiRule.CONCURRENT_MODIFICATION.code(),
                "Changed concurrently", language.refusalDetail(ApiRule.CONCURRENT_MODIFICATION.code(),
                        "The record was changed by another request at the same moment; nothing was recorded. "
                                + "Read it again and retry"));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * The client's {@code If-Match} named another version than the record has: somebody changed it since the client
     * read it. The answer names the current version (also as {@code ETag}) so that the client can read and decide.
     */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> expectedVersionDiffers(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "rules/expected-version-must-match",
                "Refused: expected-version-must-match", language.refusalDetail(
                        ApiRule.EXPECTED_VERSION_MUST_MATCH.code(), "The record is at version "
                        + e.getActualVersion() + ", not at the version " + e.getExpectedVersion() + " that If-Match "
                        + "expects: it was changed since; read it again and decide; nothing was recorded"));
        problem.setProperty("rule", ApiRule.EXPECTED_VERSION_MUST_MATCH.code());
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("currentVersion", e.getActualVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag("\"" + e.getActualVersion() + "\"").body(problem);
    }

    /**
     * A unique key the command's transaction wrote was written by another transaction at the same moment (for
     * instance by another application node sharing the database): the same answer as any concurrent change.
     */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> writtenConcurrently(DuplicateKeyException e) {
        return concurrentChange(new ConcurrencyException("written concurrently", e));
    }

    /**
     * So many requests changed the record at once that this one could not wait its turn (Axon's aggregate lock):
     * answered like any concurrent change, nothing recorded.
     */
    @ExceptionHandler(LockAcquisitionFailedException.class)
    ResponseEntity<ProblemDetail> tooManyConcurrentChanges(LockAcquisitionFailedException e) {
        return concurrentChange(new ConcurrencyException("lock not acquired", e));
    }

    @ExceptionHandler(PlanFileException.class)
    ResponseEntity<ProblemDetail> badPlanFile(PlanFileException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-plan-file", "Invalid plan file",
                "The plan file has " + e.problems().size() + " problem(s); nothing was recorded");
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("field", p.path(), "message", p.message())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /** A read named a query parameter its endpoint does not know: 400 naming it (and the ones it knows). */
    @ExceptionHandler(KnownQueryParametersOnly.UnknownQueryParameterException.class)
    ResponseEntity<Object> unknownQueryParameter(KnownQueryParametersOnly.UnknownQueryParameterException e) {
        String known = e.known().isEmpty() ? "it takes no query parameters" : "it takes " + String.join(", ", e.known());
        return badRequest(e.unknown().stream().map(name -> Map.of("field", name,
                "message", "is not a query parameter of this request; " + known)).toList());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidValue(IllegalArgumentException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value", e.getMessage());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure while handling a request", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The request could not be completed; nothing was recorded. "
                        + "If it persists, tell the administrator the time of the request."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> errors.add(
                Map.of("field", error.getField(), "message", fieldMessage(error))));
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                Map.of("field", "", "message", String.valueOf(error.getDefaultMessage()))));
        return badRequest(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping) {
            List<Map<String, String>> all = request instanceof ServletWebRequest servlet
                    ? bodyErrors.of(servlet.getRequest(), ProblemDetailsAdvice::describe) : List.of();
            return badRequest(all.isEmpty()
                    ? List.of(Map.of("field", path(mapping), "message", describe(mapping))) : all);
        }
        if (cause instanceof JsonProcessingException parsing) {
            String where = parsing.getLocation() == null ? ""
                    : " (line " + parsing.getLocation().getLineNr() + ", column " + parsing.getLocation().getColumnNr()
                    + ")";
            return badRequest(List.of(Map.of("field", "", "message", "the body is not valid JSON" + where)));
        }
        return badRequest(List.of(Map.of("field", "", "message", "the body is missing or cannot be read")));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(e.getPropertyName());
        Throwable root = e.getMostSpecificCause();
        Class<?> required = e.getRequiredType();
        String message;
        if (required != null && required.isEnum()) {
            message = "must be one of " + List.of(required.getEnumConstants()) + ", but was '" + e.getValue() + "'";
        } else if (root instanceof IllegalArgumentException && speaksPlainly(root.getMessage())) {
            message = root.getMessage();
        } else {
            message = "has the wrong format: '" + e.getValue() + "'";
        }
        return badRequest(List.of(Map.of("field", name, "message", message)));
    }

    /**
     * A bean validation message; in Swedish by the constraint for a request that prefers Swedish (the validator's
     * own bundle has no Swedish).
     */
    private String fieldMessage(org.springframework.validation.FieldError error) {
        String message = String.valueOf(error.getDefaultMessage());
        if (!language.swedish()) {
            return message;
        }
        String code = error.getCode() == null ? "" : error.getCode();
        return switch (code) {
            case "NotNull", "NotBlank", "NotEmpty" -> "måste anges";
            default -> ProblemLanguage.swedishMessage(message);
        };
    }

    private ResponseEntity<Object> badRequest(List<Map<String, String>> errors) {
        if (language.swedish()) {
            List<Map<String, String>> swedish = errors.stream().map(error -> Map.of("field", error.get("field"),
                    "message", ProblemLanguage.swedishMessage(error.get("message")))).toList();
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    swedish.size() == 1 ? describeSwedish(swedish.get(0))
                            : swedish.size() + " fält är felaktiga. " + ProblemLanguage.NOTHING_RECORDED_SV);
            problem.setProperty("errors", swedish);
            return ResponseEntity.badRequest().body(problem);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                errors.size() == 1 ? describe(errors.get(0)) : errors.size() + " fields are invalid; nothing was recorded");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String describeSwedish(Map<String, String> error) {
        String field = error.get("field");
        return (field.isEmpty() ? "" : field + ": ") + error.get("message") + ". " + ProblemLanguage.NOTHING_RECORDED_SV;
    }

    private static String describe(Map<String, String> error) {
        String field = error.get("field");
        return (field.isEmpty() ? "" : field + ": ") + error.get("message") + "; nothing was recorded";
    }

    private ResponseEntity<ProblemDetail> refusal(RuleCode rule, String message) {
        HttpStatus status = switch (rule.refusal()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = problem(status, "rules/" + rule.code(), "Refused: " + rule.code(),
                language.refusalDetail(rule.code(), message + "; nothing was recorded"));
        problem.setProperty("rule", rule.code());
        if (rule.legalReference() != null) {
            problem.setProperty("legalReference", rule.legalReference());
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A Java or package name such as {@code se.asfplan.domain} or {@code java.lang.String}. */
    private static final java.util.regex.Pattern QUALIFIED_NAME =
            java.util.regex.Pattern.compile("\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[A-Za-z]");

    /** Whether a library's message can go to the client as it is: it names no class or type. */
    private static boolean speaksPlainly(String message) {
        return message != null && !message.contains("`") && !QUALIFIED_NAME.matcher(message).find();
    }

    /** A message for the client that never shows Java class names. */
    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        if (e instanceof InvalidFormatException invalid) {
            String message = invalid.getOriginalMessage();
            if (speaksPlainly(message) && !message.startsWith("Cannot ")) {
                return message;
            }
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + List.of(target.getEnumConstants()) + ", but was '" + invalid.getValue() + "'";
            }
            if (target == java.time.LocalDate.class) {
                return "must be a date written YYYY-MM-DD, but was '" + invalid.getValue() + "'";
            }
            return "has the wrong format: '" + invalid.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (mismatch.getOriginalMessage() != null && mismatch.getOriginalMessage().contains("null")) {
                return "must be given";
            }
            if (mismatch.getPath().isEmpty()) {
                return "the body must be a JSON object";
            }
            return "has the wrong type";
        }
        return "is invalid";
    }
}
