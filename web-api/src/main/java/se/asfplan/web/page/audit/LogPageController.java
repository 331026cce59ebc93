package se.asfplan.web.page.audit;

import java.security.Principal;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.infra.chain.ChainBreak;
import se.asfplan.infra.chain.ChainVerifications;
import se.asfplan.infra.chain.ChainVerifications.Verification;
import se.asfplan.infra.chain.EventChainCheckpoints;
import se.asfplan.infra.chain.EventChainVerifier;
import se.asfplan.infra.chain.EventChainVerifier.SuppliedCheckpoint;
import se.asfplan.infra.chain.EventLogExport;
import se.asfplan.infra.chain.SigningKeys;
import se.asfplan.infra.history.RecordKind;
import se.asfplan.web.audit.HistoryCsv;
import se.asfplan.web.page.PageNotFoundException;

/**
 * {@code /granskning/logg}: the auditor starts a verification of the log's hash chain (optionally against a
 * checkpoint they kept), follows its progress and reads its result with every break; and downloads the signed
 * checkpoints, the public key, the whole log (JSON Lines) and each kind of record's history (CSV). Coordinators and
 * auditors open it (PageSecurity); the downloads are the API's, through the pages' session.
 */
@Controller
public class LogPageController {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static final Map<String, String> STATES = Map.of("QUEUED", "I kö", "RUNNING", "Pågår", "PASSED",
            "Godkänd: inga brott i kedjan", "BROKEN", "Brott i kedjan", "FAILED", "Kunde inte slutföras",
            "ABANDONED", "Avbruten (noden stannade)");

    static final Map<String, String> KINDS = kinds();

    private final ChainVerifications verifications;
    private final EventChainCheckpoints checkpoints;
    private final SigningKeys keys;
    private final EventLogExport export;
    private final HistoryCsv historyCsv;

    public LogPageController(ChainVerifications verifications, EventChainCheckpoints checkpoints, SigningKeys keys,
                             EventLogExport export, HistoryCsv historyCsv) {
        this.verifications = verifications;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.export = export;
        this.historyCsv = historyCsv;
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put(ChainBreak.Kind.CHANGED_PAYLOAD.name(), "Ändrat innehåll");
        kinds.put(ChainBreak.Kind.CHANGED_METADATA.name(), "Ändrad metadata (vem, kanal, begäran)");
        kinds.put(ChainBreak.Kind.CHANGED_EVENT.name(), "Ändrat fält (post, ordningsnummer, typ eller tid)");
        kinds.put(ChainBreak.Kind.DELETED.name(), "Borttagen händelse");
        kinds.put(ChainBreak.Kind.INSERTED.name(), "Tillagd händelse");
        kinds.put(ChainBreak.Kind.REORDERED.name(), "Flyttad händelse (ändrad ordning)");
        kinds.put(ChainBreak.Kind.CHANGED_LINK.name(), "Ändrad länk i kedjan");
        kinds.put(ChainBreak.Kind.CHECKPOINT_MISMATCH.name(), "Kontrollpunkten stämmer inte");
        kinds.put(ChainBreak.Kind.CHECKPOINT_SIGNATURE.name(), "Ogiltig signatur på kontrollpunkt");
        return kinds;
    }

    /** One break as the page shows it. */
    public record BreakRow(long position, String kind, String eventId, String detail) {
    }

    @GetMapping("/granskning/logg")
    public String page(@RequestParam(required = false) String kontroll, Model model) {
        Verification shown = null;
        if (kontroll != null && !kontroll.isBlank()) {
            shown = verifications.get(kontroll.strip()).orElse(null);
            if (shown == null) {
                model.addAttribute("notFound", "Ingen kontroll har id " + kontroll.strip() + ".");
            }
        }
        return show(model, shown, null, null, null);
    }

    @PostMapping("/granskning/logg/kontroll")
    public String start(@RequestParam(required = false) String position, @RequestParam(required = false) String huvud,
                        Principal principal, Model model) {
        String positionText = position == null ? "" : position.strip();
        String head = huvud == null ? "" : huvud.strip().toLowerCase(java.util.Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        SuppliedCheckpoint supplied = null;
        if (!positionText.isEmpty() || !head.isEmpty()) {
            if (!positionText.matches("\\d{1,18}") || Long.parseLong(positionText) < 1) {
                errors.put("position", "Positionen ska vara ett heltal, 1 eller större, som i kontrollpunkten du "
                        + "sparade.");
            }
            if (!head.matches("[0-9a-f]{64}")) {
                errors.put("huvud", "Huvudet ska vara 64 hexadecimala tecken (0–9, a–f), som i kontrollpunkten du "
                        + "sparade.");
            }
            if (errors.isEmpty()) {
                supplied = new SuppliedCheckpoint(Long.parseLong(positionText), head);
            }
        }
        if (!errors.isEmpty()) {
            return show(model, null, errors, positionText, head);
        }
        String id = verifications.start(principal == null ? "unknown" : principal.getName(), supplied);
        return "redirect:/granskning/logg?kontroll=" + id;
    }

    private String show(Model model, Verification shown, Map<String, String> errors, String position, String head) {
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("position", position);
        model.addAttribute("huvud", head);
        model.addAttribute("shown", shown == null ? null : view(shown));
        model.addAttribute("recent", verifications.recent(10).stream().map(LogPageController::view).toList());
        model.addAttribute("checkpointCount", checkpoints.all().size());
        model.addAttribute("lastCheckpoint", checkpoints.last().orElse(null));
        model.addAttribute("keyId", keys.signer().keyId());
        model.addAttribute("recordKinds", AuditPageController.KIND_NAMES.entrySet().stream()
                .map(e -> Map.of("path", e.getKey().pathName(), "name", e.getValue())).toList());
        return "audit/log";
    }

    /** A verification as the page shows it. */
    public record VerificationView(String id, String state, String stateName, boolean ended, boolean passed,
                                   String startedAt, String startedBy, String finishedAt, long events,
                                   String percent, String rate, String timeLeft, int breakCount,
                                   List<BreakRow> breaks, boolean moreBreaks, JsonNode supplied, String head,
                                   String headLink, String error) {
    }

    static VerificationView view(Verification v) {
        List<BreakRow> breaks = new ArrayList<>();
        JsonNode result = v.result();
        if (result != null) {
            result.path("breaks").forEach(b -> breaks.add(new BreakRow(b.path("position").asLong(),
                    KINDS.getOrDefault(b.path("kind").asText(), b.path("kind").asText()),
                    b.path("eventId").isNull() ? null : b.path("eventId").asText(null), b.path("detail").asText())));
        }
        Double rate = v.eventsPerSecond();
        var left = v.timeLeft();
        return new VerificationView(v.id(), v.state(), STATES.getOrDefault(v.state(), v.state()), v.ended(),
                "PASSED".equals(v.state()), shown(v.startedAt()), v.startedBy(), shown(v.finishedAt()), v.events(),
                String.format(java.util.Locale.ROOT, "%.1f", v.percent()).replace('.', ','),
                rate == null ? "–" : String.format(java.util.Locale.ROOT, "%,.0f", rate).replace(',', '\u00a0'),
                left == null ? "okänd" : left.toSeconds() + " s", v.breakCount(), breaks,
                result != null && result.path("breakCount").asLong() > breaks.size(),
                result == null ? null : result.get("suppliedCheckpoint"),
                result == null || result.path("head").isNull() ? null : result.path("head").asText(),
                result == null ? null : result.path("headLink").asText(null),
                result == null ? null : result.path("error").asText(null));
    }

    private static String shown(Instant instant) {
        return instant == null ? null : ZonedDateTime.ofInstant(instant, BusinessCalendar.ZONE).format(SHOWN);
    }

    @GetMapping(value = "/granskning/logg/kontrollpunkter.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<List<Map<String, Object>>> checkpoints() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"kontrollpunkter.json\"")
                .body(checkpoints.all().stream().map(se.asfplan.web.audit.LogController::checkpoint).toList());
    }

    @GetMapping(value = "/granskning/logg/publik-nyckel.pem", produces = "application/x-pem-file")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"publik-nyckel.pem\"").body(keys.signer().publicKeyPem());
    }

    @GetMapping("/granskning/logg/logg.jsonl")
    public ResponseEntity<StreamingResponseBody> exportLog() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/jsonl"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"logg.jsonl\"")
                .body(out -> export.export(out, EventChainVerifier.Progress.NONE));
    }

    @GetMapping("/granskning/logg/historik/{kind}.csv")
    public ResponseEntity<StreamingResponseBody> historyCsv(@PathVariable String kind) {
        RecordKind recordKind = RecordKind.fromPath(kind).orElseThrow(() -> new PageNotFoundException(
                "Det finns inget slags post som heter " + kind + "."));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"historik-" + recordKind.pathName()
                        + ".csv\"")
                .body(out -> historyCsv.write(recordKind, out));
    }
}
