package se.asfplan.web.audit;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import se.asfplan.infra.chain.ChainVerifications;
import se.asfplan.infra.chain.ChainVerifications.Verification;
import se.asfplan.infra.chain.Checkpoint;
import se.asfplan.infra.chain.EventChainCheckpoints;
import se.asfplan.infra.chain.EventChainVerifier;
import se.asfplan.infra.chain.EventChainVerifier.SuppliedCheckpoint;
import se.asfplan.infra.chain.EventLogExport;
import se.asfplan.infra.chain.SigningKeys;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.api.http.Paging;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's tools for the log itself (coordinators may use them too; committees may not): verify the hash chain
 * (started, then polled), download the signed checkpoints and the public key that checks them, and export the whole
 * log as JSON Lines or each kind of record's history as CSV. Nothing here records an event.
 */
@RestController
@Tag(name = "Log verification", description = "The hash chain over the event log: verification, signed "
        + "checkpoints, public key, export")
public class LogController {

    private final ChainVerifications verifications;
    private final EventChainCheckpoints checkpoints;
    private final SigningKeys keys;
    private final EventLogExport export;
    private final HistoryCsv historyCsv;

    public LogController(ChainVerifications verifications, EventChainCheckpoints checkpoints, SigningKeys keys,
                         EventLogExport export, HistoryCsv historyCsv) {
        this.verifications = verifications;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.export = export;
        this.historyCsv = historyCsv;
    }

    /**
     * What a verification may be given: a checkpoint the auditor kept.
     *
     * @param checkpoint the position and head of a checkpoint downloaded earlier (optional)
     */
    public record VerificationRequest(CheckpointGiven checkpoint) {
    }

    /**
     * A checkpoint as the auditor kept it.
     *
     * @param position its position
     * @param head     its head, 64 lowercase hex digits
     */
    public record CheckpointGiven(@Schema(example = "1234") Long position,
                                  @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                                  String head) {
    }

    /**
     * A verification as it stands.
     *
     * @param id             its id
     * @param state          QUEUED, RUNNING, PASSED, BROKEN (breaks found), FAILED or ABANDONED
     * @param percent        how far it has come
     * @param eventsPerSecond its rate so far
     * @param timeLeftSeconds the time left at that rate, when known
     * @param result         once it has ended: the report, with every break's position, kind and detail
     */
    public record VerificationStatus(String id, String state, Instant startedAt, String startedBy, Long position,
                                     Long head, long events, double percent, Double eventsPerSecond,
                                     Long timeLeftSeconds, Instant finishedAt, int breakCount, JsonNode result,
                                     String link) {

        static VerificationStatus of(Verification v) {
            Duration left = v.timeLeft();
            return new VerificationStatus(v.id(), v.state(), v.startedAt(), v.startedBy(), v.position(), v.head(),
                    v.events(), Math.round(v.percent() * 10) / 10.0, v.eventsPerSecond() == null ? null
                    : (double) Math.round(v.eventsPerSecond()), left == null ? null : left.toSeconds(),
                    v.finishedAt(), v.breakCount(), v.result(), "/api/log/verifications/" + v.id());
        }
    }

    /** The checkpoint a request gives, checked; null when it gives none. */
    public static SuppliedCheckpoint supplied(VerificationRequest request) {
        if (request == null || request.checkpoint() == null) {
            return null;
        }
        CheckpointGiven given = request.checkpoint();
        if (given.position() == null || given.position() < 1) {
            throw new IllegalArgumentException("checkpoint.position must be a position of the log (1 or more)");
        }
        if (given.head() == null || !given.head().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("checkpoint.head must be 64 lowercase hex digits, as the checkpoint "
                    + "you downloaded has it");
        }
        return new SuppliedCheckpoint(given.position(), given.head());
    }

    /** Starts a verification; a verification already queued or running is answered instead of a second one. */
    @PostMapping("/api/log/verifications")
    @Operation(summary = "Start a verification of the hash chain over the whole log, against the stored signed "
            + "checkpoints and, if given, a checkpoint you kept; answers 202 with its Location to poll")
    public ResponseEntity<VerificationStatus> verify(@RequestBody(required = false) VerificationRequest request,
                                                     Principal principal) {
        String id = verifications.start(principal == null ? "unknown" : principal.getName(), supplied(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/log/verifications/" + id))
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(VerificationStatus.of(verifications.get(id).orElseThrow()));
    }

    @GetMapping("/api/log/verifications/{id}")
    @Operation(summary = "A verification: its progress (events/s, time left) while it runs, then its result with "
            + "every break's position and kind")
    public VerificationStatus verification(@PathVariable String id) {
        return verifications.get(id).map(VerificationStatus::of)
                .orElseThrow(() -> new NotFoundException("No verification " + id));
    }

    @GetMapping("/api/log/verifications")
    @Operation(summary = "The 20 most recent verifications, newest first")
    public ResponseEntity<List<VerificationStatus>> recentVerifications(@Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = Paging.SIZE_DOC) @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        return Paging.page(verifications.recent(20).stream().map(VerificationStatus::of).toList(), page, size);
    }

    @GetMapping("/api/log/checkpoints")
    @Operation(summary = "Every signed checkpoint of the chain: position, head, time, key id, Ed25519 signature "
            + "(base64) and the exact text signed. Keep them outside the system.")
    public ResponseEntity<List<Map<String, Object>>> checkpoints(@Parameter(description = Paging.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = Paging.SIZE_DOC) @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
        Paging.check(page, size);
        return Paging.page(checkpoints.all().stream().map(LogController::checkpoint).toList(), page, size);
    }

    /** A checkpoint as the API and the page give it, with the exact text signed. */
    public static Map<String, Object> checkpoint(Checkpoint checkpoint) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("position", checkpoint.position());
        map.put("head", checkpoint.head());
        map.put("createdAt", checkpoint.createdAt());
        map.put("keyId", checkpoint.keyId());
        map.put("signature", checkpoint.signature());
        map.put("signedText", checkpoint.signedText());
        return map;
    }

    @GetMapping("/api/log/public-key")
    @Operation(summary = "The Ed25519 public key that checks the checkpoints' signatures (PEM, as OpenSSL reads it)")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"asf-plan-tracker-checkpoints-" + keys.signer().keyId().substring(0, 12)
                        + ".pem\"").body(keys.signer().publicKeyPem());
    }

    @GetMapping("/api/log/export")
    @Operation(summary = "The whole log as JSON Lines: a header with the chain's head, then every event with its "
            + "position, ids, types, timestamp, payload, metadata and chain link, streamed")
    public ResponseEntity<StreamingResponseBody> exportLog() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/jsonl"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"event-log.jsonl\"")
                .body(out -> export.export(out, EventChainVerifier.Progress.NONE));
    }

    @GetMapping("/api/log/history/{kind}.csv")
    @Operation(summary = "The history of every record of one kind as CSV (Swedish Excel): one line per event with "
            + "who recorded it, when and through which channel, and its retraction links")
    public ResponseEntity<StreamingResponseBody> historyCsv(
            @Parameter(schema = @Schema(allowableValues = {"plan", "area", "activity", "goal", "enterprise",
                    "meeting", "procurement", "party", "round"})) @PathVariable String kind) {
        var recordKind = HistoryReader.kind(kind);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"historik-" + recordKind.pathName()
                        + ".csv\"")
                .body(out -> historyCsv.write(recordKind, out));
    }
}
