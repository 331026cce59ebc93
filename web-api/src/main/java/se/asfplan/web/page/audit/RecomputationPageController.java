package se.asfplan.web.page.audit;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.asfplan.projections.recompute.RecomputationConflictException;
import se.asfplan.projections.recompute.RecomputationReport;
import se.asfplan.projections.recompute.Recomputations;
import se.asfplan.web.page.PageNotFoundException;

/**
 * {@code /granskning/omrakning}: start an independent recomputation of every read model, follow it, and read its
 * comparison with the live read models and reports (docs/web-audit.md). Coordinators and auditors (PageSecurity).
 */
@Controller
public class RecomputationPageController {

    static final String PATH = "/granskning/omrakning";
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Europe/Stockholm"));

    /** Outcomes and states in Swedish. */
    static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry(RecomputationReport.RUNNING, "Pågår"),
            Map.entry(RecomputationReport.EQUAL, "Lika"),
            Map.entry(RecomputationReport.DIFFERENT, "Skillnader"),
            Map.entry(RecomputationReport.INCOMPLETE, "Ofullständig"),
            Map.entry(RecomputationReport.INTERRUPTED, "Avbruten"),
            Map.entry("WAITING", "Väntar"),
            Map.entry("REBUILDING", "Räknas om"),
            Map.entry("COMPARING", "Jämförs"),
            Map.entry("FAILED", "Inte jämförd"),
            Map.entry("ROW", "Rad"),
            Map.entry("REPORT", "Rapport"),
            Map.entry("ONLY_LIVE", "Bara i den som svarar"),
            Map.entry("ONLY_RECOMPUTED", "Bara i den omräknade"));

    private final Recomputations recomputations;

    public RecomputationPageController(Recomputations recomputations) {
        this.recomputations = recomputations;
    }

    @GetMapping(PATH)
    public String overview(Model model) {
        model.addAttribute("latest", recomputations.latest(10).stream().map(report -> new Listed(report.id(),
                moment(report.startedAt()), report.startedBy(),
                WORDS.getOrDefault(report.outcome(), report.outcome()), report.differenceCount())).toList());
        model.addAttribute("words", WORDS);
        model.addAttribute("readModels", recomputations.readModels());
        return "audit/recomputations";
    }

    @PostMapping(PATH)
    public String start(Principal user, RedirectAttributes redirect) {
        try {
            RecomputationReport started = recomputations.start(user == null ? null : user.getName());
            return "redirect:" + PATH + "/" + started.id();
        } catch (RecomputationConflictException e) {
            redirect.addFlashAttribute("conflict", "En omräkning pågår redan. Vänta tills den är klar.");
            return recomputations.latest(1).stream().findFirst()
                    .map(running -> "redirect:" + PATH + "/" + running.id()).orElse("redirect:" + PATH);
        }
    }

    @GetMapping(PATH + "/{id}")
    public String one(@PathVariable long id, Model model) {
        RecomputationReport report = recomputations.find(id)
                .orElseThrow(() -> new PageNotFoundException("Ingen omräkning " + id + " har startats."));
        model.addAttribute("report", report);
        model.addAttribute("words", WORDS);
        model.addAttribute("running", report.outcome().equals(RecomputationReport.RUNNING));
        model.addAttribute("startedAt", moment(report.startedAt()));
        model.addAttribute("finishedAt", moment(report.finishedAt()));
        return "audit/recomputation";
    }

    /** One recomputation in the list: its number, start (Swedish time), starter, outcome in Swedish, differences. */
    public record Listed(long id, String startedAt, String startedBy, String outcome, int differences) {
    }

    static String moment(Instant instant) {
        return instant == null ? null : MOMENT.format(instant);
    }
}
