package se.asfplan.web.page.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.infra.history.RecordKind;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.audit.HistoryEvent;
import se.asfplan.web.audit.HistoryReader;
import se.asfplan.web.audit.HistoryReader.EventAnswer;
import se.asfplan.web.audit.HistoryReader.Filter;
import se.asfplan.web.audit.HistoryReader.HistoryPage;
import se.asfplan.web.audit.RecordReference;
import se.asfplan.web.audit.RecordingMoments;
import se.asfplan.web.page.PageNotFoundException;

/**
 * The auditor's pages: {@code /granskning} (look up an event by position or id, or a record by kind and id),
 * {@code /granskning/historik/...} (a record's history with filters and retraction links) and
 * {@code /granskning/handelser/{positionOrId}} (one event). Coordinators and auditors open them (PageSecurity).
 */
@Controller
public class AuditPageController {

    static final int PAGE_SIZE = 100;

    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The kinds in Swedish, in the order the search offers them. */
    static final Map<RecordKind, String> KIND_NAMES = kindNames();

    /** The kinds as nouns in the definite form, for "hör till aktiviteten traffar". */
    static final Map<RecordKind, String> KIND_NOUNS = Map.of(RecordKind.PLAN, "planen", RecordKind.AREA, "området",
            RecordKind.ACTIVITY, "aktiviteten", RecordKind.GOAL, "målet", RecordKind.ENTERPRISE, "företaget",
            RecordKind.MEETING, "mötet", RecordKind.PROCUREMENT, "upphandlingen", RecordKind.PARTY, "parten",
            RecordKind.ROUND, "uppföljningsomgången");

    private final HistoryReader reader;
    private final PlanReader plans;

    public AuditPageController(HistoryReader reader, PlanReader plans) {
        this.reader = reader;
        this.plans = plans;
    }

    private static Map<RecordKind, String> kindNames() {
        Map<RecordKind, String> names = new LinkedHashMap<>();
        names.put(RecordKind.PLAN, "Plan");
        names.put(RecordKind.AREA, "Område i en plan");
        names.put(RecordKind.ACTIVITY, "Aktivitet i en plan");
        names.put(RecordKind.GOAL, "Mål i en plan");
        names.put(RecordKind.ENTERPRISE, "Företag");
        names.put(RecordKind.MEETING, "Möte");
        names.put(RecordKind.PROCUREMENT, "Upphandling");
        names.put(RecordKind.PARTY, "Part");
        names.put(RecordKind.ROUND, "Uppföljningsomgång");
        return names;
    }

    // ------------------------------------------------------------------------------------------- search

    @GetMapping("/granskning")
    public String search(@RequestParam(required = false) String handelse, @RequestParam(required = false) String slag,
                         @RequestParam(required = false) String plan, @RequestParam(required = false) String id,
                         Model model) {
        model.addAttribute("kinds", KIND_NAMES);
        model.addAttribute("plans", plans.plans());
        model.addAttribute("handelse", handelse);
        model.addAttribute("slag", slag);
        model.addAttribute("plan", plan);
        model.addAttribute("id", id);
        if (handelse != null) {
            if (handelse.isBlank()) {
                model.addAttribute("eventError", "Skriv händelsens position (siffror) eller id.");
                return "audit/search";
            }
            try {
                EventAnswer answer = reader.event(handelse);
                return "redirect:/granskning/handelser/" + answer.event().eventId();
            } catch (NotFoundException | IllegalArgumentException e) {
                model.addAttribute("eventError", "Ingen händelse har position eller id " + handelse.strip() + ".");
                return "audit/search";
            }
        }
        if (slag != null) {
            RecordKind kind = RecordKind.fromPath(slag).orElse(null);
            if (kind == null) {
                model.addAttribute("recordError", "Välj vilket slags post du söker.");
                return "audit/search";
            }
            if ((id == null || id.isBlank()) && kind == RecordKind.PLAN && plan != null && !plan.isBlank()) {
                // a plan chosen from the list needs no id typed
                id = plan;
            }
            if (id == null || id.isBlank()) {
                model.addAttribute("recordError", "Skriv postens id.");
                return "audit/search";
            }
            if (kind.partOfPlan() && (plan == null || plan.isBlank())) {
                model.addAttribute("recordError", "Välj planen som posten hör till.");
                return "audit/search";
            }
            try {
                reader.history(kind, kind.partOfPlan() ? plan.strip() : id.strip(),
                        kind.partOfPlan() ? id.strip() : null, new Filter(null, null, null), 0, 1);
            } catch (NotFoundException e) {
                model.addAttribute("recordError", "Ingen händelse är registrerad för " + KIND_NAMES.get(kind)
                        .toLowerCase() + " med id " + id.strip() + ".");
                return "audit/search";
            }
            return "redirect:" + historyPath(kind, kind.partOfPlan() ? plan.strip() : id.strip(),
                    kind.partOfPlan() ? id.strip() : null);
        }
        return "audit/search";
    }

    // ------------------------------------------------------------------------------------------- history

    @GetMapping("/granskning/historik/{kind}/{id}")
    public String history(@PathVariable String kind, @PathVariable String id,
                          @RequestParam(required = false) String aktivitet,
                          @RequestParam(required = false) String omrade,
                          @RequestParam(required = false) String mal,
                          @RequestParam(required = false) String anvandare,
                          @RequestParam(required = false) String fran,
                          @RequestParam(required = false) String till,
                          @RequestParam(defaultValue = "0") int sida, Model model) {
        RecordKind recordKind = pageKind(kind);
        if (recordKind.partOfPlan()) {
            throw new PageNotFoundException("Ett område, en aktivitet eller ett mål visas med planens id och sitt eget "
                    + "id i adressen.");
        }
        if (recordKind == RecordKind.PLAN) {
            if (aktivitet != null && !aktivitet.isBlank()) {
                return show(RecordKind.ACTIVITY, id, aktivitet.strip(), anvandare, fran, till, sida, model);
            }
            if (mal != null && !mal.isBlank()) {
                return show(RecordKind.GOAL, id, mal.strip(), anvandare, fran, till, sida, model);
            }
            if (omrade != null && !omrade.isBlank()) {
                return show(RecordKind.AREA, id, omrade.strip(), anvandare, fran, till, sida, model);
            }
        }
        return show(recordKind, id, null, anvandare, fran, till, sida, model);
    }

    @GetMapping("/granskning/historik/{kind}/{planId}/{partId}")
    public String partHistory(@PathVariable String kind, @PathVariable String planId, @PathVariable String partId,
                              @RequestParam(required = false) String anvandare,
                              @RequestParam(required = false) String fran,
                              @RequestParam(required = false) String till,
                              @RequestParam(defaultValue = "0") int sida, Model model) {
        RecordKind recordKind = pageKind(kind);
        if (!recordKind.partOfPlan()) {
            throw new PageNotFoundException("Den här sortens post visas med bara sitt eget id i adressen.");
        }
        return show(recordKind, planId, partId, anvandare, fran, till, sida, model);
    }

    private static RecordKind pageKind(String kind) {
        return RecordKind.fromPath(kind).orElseThrow(() -> new PageNotFoundException(
                "Det finns ingen historik för \"" + kind + "\". Välj plan, område, aktivitet, mål, företag, möte, "
                        + "upphandling, part eller uppföljningsomgång."));
    }

    private String show(RecordKind kind, String id, String partId, String user, String from, String to, int page,
                        Model model) {
        model.addAttribute("kind", kind.pathName());
        model.addAttribute("kindName", KIND_NAMES.get(kind));
        model.addAttribute("recordId", kind.partOfPlan() ? partId : id);
        model.addAttribute("planId", kind.partOfPlan() ? id : null);
        model.addAttribute("anvandare", user);
        model.addAttribute("fran", from);
        model.addAttribute("till", to);
        model.addAttribute("action", historyPath(kind, id, partId));
        List<String> errors = new ArrayList<>();
        Instant fromMoment = moment(from, true, "Från", errors);
        Instant toMoment = moment(to, false, "Till", errors);
        if (fromMoment != null && toMoment != null && fromMoment.isAfter(toMoment)) {
            errors.add("Från får inte vara senare än till.");
            fromMoment = null;
            toMoment = null;
        }
        model.addAttribute("filterErrors", errors);
        HistoryPage history;
        try {
            history = reader.history(kind, id, partId,
                    new Filter(user == null || user.isBlank() ? null : user.strip(), fromMoment, toMoment),
                    Math.max(0, page), PAGE_SIZE);
        } catch (NotFoundException e) {
            throw new PageNotFoundException("Ingen händelse är registrerad för " + KIND_NAMES.get(kind).toLowerCase()
                    + " " + (kind.partOfPlan() ? partId + " i planen " + id : id) + ".");
        }
        model.addAttribute("history", history);
        model.addAttribute("rows", history.events().stream().map(event -> row(event, kind, id)).toList());
        model.addAttribute("previousPage", page > 0 ? pageLink(kind, id, partId, user, from, to, page - 1) : null);
        model.addAttribute("nextPage", (long) (page + 1) * PAGE_SIZE < history.total()
                ? pageLink(kind, id, partId, user, from, to, page + 1) : null);
        model.addAttribute("planHistory", kind.partOfPlan() ? historyPath(RecordKind.PLAN, id, null) : null);
        return "audit/history";
    }

    private static Instant moment(String value, boolean start, String label, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return start ? RecordingMoments.startOf(value) : RecordingMoments.endOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(label + ": " + RecordingMoments.FORMS_SV);
            return null;
        }
    }

    private static String pageLink(RecordKind kind, String id, String partId, String user, String from, String to,
                                   int page) {
        StringBuilder link = new StringBuilder(historyPath(kind, id, partId)).append("?sida=").append(page);
        append(link, "anvandare", user);
        append(link, "fran", from);
        append(link, "till", to);
        return link.toString();
    }

    private static void append(StringBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.append('&').append(name).append('=').append(enc(value.strip()));
        }
    }

    static String historyPath(RecordKind kind, String id, String partId) {
        return kind.partOfPlan() ? "/granskning/historik/" + kind.pathName() + "/" + enc(id) + "/" + enc(partId)
                : "/granskning/historik/" + kind.pathName() + "/" + enc(id);
    }

    static String historyPath(RecordReference record) {
        RecordKind kind = RecordKind.fromPath(record.kind()).orElseThrow();
        return kind.partOfPlan() ? historyPath(kind, record.planId(), record.id()) : historyPath(kind, record.id(), null);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One row of the history table, formatted for the page. */
    public record Row(HistoryEvent event, String recordedAt, String businessDate, String eventPage,
                      String retractsPage, String retractedByPage, String correction) {
    }

    private static Row row(HistoryEvent event, RecordKind kind, String id) {
        return new Row(event, recorded(event.recordedAt()),
                event.businessDate() == null ? "–" : event.businessDate().toString(),
                "/granskning/handelser/" + event.eventId(),
                event.retracts() == null ? null : "/granskning/handelser/" + event.retracts(),
                event.retractedBy() == null ? null : "/granskning/handelser/" + event.retractedBy(),
                event.retractable() ? correction(kind, id, event.eventId()) : null);
    }

    /**
     * The retraction form for a retractable event of the record's stream; null for a party or a round (none of their
     * events is retractable: a round's assessment is returned or marked unanswered instead).
     */
    static String correction(RecordKind kind, String id, String eventId) {
        String form = switch (kind) {
            case PLAN, AREA, ACTIVITY, GOAL -> "plan-retraction?planId=";
            case ENTERPRISE -> "enterprise-retraction?enterpriseId=";
            case MEETING -> "meeting-retraction?meetingId=";
            case PROCUREMENT -> "procurement-retraction?procurementId=";
            case PARTY, ROUND -> null;
        };
        return form == null ? null : "/formular/" + form + enc(id) + "&eventId=" + enc(eventId);
    }

    static String recorded(Instant instant) {
        return instant == null ? "–" : RECORDED.format(ZonedDateTime.ofInstant(instant, BusinessCalendar.ZONE));
    }

    // ------------------------------------------------------------------------------------------- one event

    @GetMapping("/granskning/handelser/{positionOrId}")
    public String event(@PathVariable String positionOrId, Model model) {
        EventAnswer answer;
        try {
            answer = reader.event(positionOrId);
        } catch (NotFoundException | IllegalArgumentException e) {
            throw new PageNotFoundException("Ingen händelse har position eller id " + positionOrId + ".");
        }
        HistoryEvent event = answer.event();
        model.addAttribute("answer", answer);
        model.addAttribute("event", event);
        model.addAttribute("recordedAt", recorded(event.recordedAt()));
        model.addAttribute("recordHistory", answer.record() == null ? null : historyPath(answer.record()));
        model.addAttribute("recordName", answer.record() == null ? null
                : KIND_NOUNS.get(RecordKind.fromPath(answer.record().kind()).orElseThrow()));
        model.addAttribute("streamHistory", answer.stream() == null || answer.stream().equals(answer.record()) ? null
                : historyPath(answer.stream()));
        model.addAttribute("payload", flatten(answer.payload()));
        model.addAttribute("metaData", flatten(answer.metaData()));
        model.addAttribute("correction", answer.stream() == null || !event.retractable() ? null
                : correction(RecordKind.fromPath(answer.stream().kind()).orElseThrow(), answer.stream().id(),
                event.eventId()));
        return "audit/event";
    }

    /** A JSON tree as name-value pairs, nested names dotted and list items numbered from 1 ("sections[1].title"). */
    static List<Map.Entry<String, String>> flatten(JsonNode node) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        if (node != null) {
            flatten("", node, entries);
        }
        return entries;
    }

    private static void flatten(String prefix, JsonNode node, List<Map.Entry<String, String>> entries) {
        if (node.isObject()) {
            if (node.isEmpty() && !prefix.isEmpty()) {
                entries.add(Map.entry(prefix, "(tomt)"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), entries);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                entries.add(Map.entry(prefix, "(ingen)"));
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + (i + 1) + "]", node.get(i), entries);
            }
        } else {
            entries.add(Map.entry(prefix.isEmpty() ? "värde" : prefix, node.isNull() ? "(saknas)" : node.asText()));
        }
    }
}
