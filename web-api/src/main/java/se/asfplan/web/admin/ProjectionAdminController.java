package se.asfplan.web.admin;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.projections.rebuild.ProjectionRebuilds;
import se.asfplan.projections.rebuild.RebuildConflictException;
import se.asfplan.projections.rebuild.RebuildStatus;

/**
 * Rebuilding a projection from the event store into a new generation of its tables, without stopping anything, and
 * switching to it. Reading the state is open to every role; starting a rebuild and switching, like every POST, to
 * the coordinator.
 */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Projections", description = "Rebuild a projection into a new generation and switch to it")
public class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;

    public ProjectionAdminController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @Operation(summary = "Every projection that has generations: active generation, rebuild progress, time left")
    public List<RebuildStatus> all() {
        return rebuilds.groups().stream().map(rebuilds::status).toList();
    }

    @GetMapping("/{group}")
    @Operation(summary = "One projection's generations: active generation, rebuild progress, time left")
    public RebuildStatus one(@PathVariable String group) {
        return rebuilds.status(group);
    }

    @PostMapping("/{group}/rebuilds")
    @Operation(summary = "Start rebuilding the projection into a new generation from the event store; with "
            + "switchWhenCaughtUp=false it waits for an explicit switch, so the generations can be compared "
            + "(report parameter 'generation')")
    public ResponseEntity<RebuildStatus> rebuild(@PathVariable String group,
                                                 @RequestParam(defaultValue = "true") boolean switchWhenCaughtUp) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.start(group, switchWhenCaughtUp));
    }

    @PostMapping("/{group}/switch")
    @Operation(summary = "Make the rebuilt generation, once caught up, the one that answers")
    public RebuildStatus switchOver(@PathVariable String group) {
        return rebuilds.switchOver(group);
    }

    @ExceptionHandler(RebuildConflictException.class)
    ResponseEntity<ProblemDetail> conflict(RebuildConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not now");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
