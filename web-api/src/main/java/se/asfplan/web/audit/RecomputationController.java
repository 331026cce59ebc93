package se.asfplan.web.audit;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.projections.recompute.RecomputationConflictException;
import se.asfplan.projections.recompute.RecomputationReport;
import se.asfplan.projections.recompute.Recomputations;
import se.asfplan.web.api.http.Paging;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Independent recomputation: every read model rebuilt from the event store into a generation that never answers a
 * live read, compared with the live tables and reports (docs/auditing.md, "Independent recomputation"). Auditors
 * and coordinators start it and read its report; committees may not.
 */
@RestController
@RequestMapping("/api/audit/recomputations")
@Tag(name = "Audit", description = "Recompute every read model from the log and compare it with the live one")
public class RecomputationController {

    private static final Logger log = LoggerFactory.getLogger(RecomputationController.class);

    private final Recomputations recomputations;

    public RecomputationController(Recomputations recomputations) {
        this.recomputations = recomputations;
    }

    @PostMapping
    @Operation(summary = "Rebuild every read model from the event store into a generation of its own, never switched "
            + "live, and compare it with the live tables and reports; answers 202 with the report's address "
            + "(Location) to poll; 409 while another recomputation runs")
    public ResponseEntity<RecomputationReport> start(Principal user) {
        RecomputationReport started = recomputations.start(user == null ? null : user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, URI.create("/api/audit/recomputations/" + started.id()).toString())
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(started);
    }

    @GetMapping
    @Operation(summary = "The latest ten recomputations, newest first, each with its outcome and report")
    public ResponseEntity<List<RecomputationReport>> latest(@Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = Paging.SIZE_DOC) @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        return Paging.page(recomputations.latest(10), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A recomputation: while it runs, each read model's progress; then EQUAL, or every "
            + "difference (table, key, columns; report, question, figures), or why a read model was not compared")
    public ResponseEntity<?> one(@PathVariable String id) {
        // an id is a number, described as a plain string like every id of the API; anything else names none
        Optional<RecomputationReport> found = id.matches("[0-9]{1,18}")
                ? recomputations.find(Long.parseLong(id)) : Optional.empty();
        return found.<ResponseEntity<?>>map(report -> {
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
            if (report.outcome().equals(RecomputationReport.RUNNING)) {
                ok.header(HttpHeaders.RETRY_AFTER, "2");
            }
            return ok.body(report);
        }).orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No recomputation " + id,
                "No recomputation " + id + " has been started"));
    }

    @ExceptionHandler(RecomputationConflictException.class)
    ResponseEntity<ProblemDetail> conflict(RecomputationConflictException e) {
        return problem(HttpStatus.CONFLICT, "Not now", e.getMessage());
    }

    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<ProblemDetail> failed(org.springframework.dao.DataAccessException e) {
        log.warn("A recomputation could not be started or read", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Recomputation unavailable",
                "the recomputation could not be started or read: the database answered with an error (the "
                        + "service's log has it); try again in a moment");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
