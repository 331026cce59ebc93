package se.asfplan.web.page.enterprise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import se.asfplan.domain.enterprise.EnterpriseDetails;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseSummary;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseView;
import se.asfplan.projections.enterprise.EnterpriseQueries.FactView;
import se.asfplan.web.security.ReadPolicy;
import se.asfplan.web.api.EnterpriseReader;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.page.enterprise.RegisterEntry.IntegrationspaktenStatus;

/**
 * {@code /foretag}: the ASF register, searched by name or organisation number and filtered by whether an enterprise
 * counts as ASF and by its Integrationspakten status and level (every role: the organisations' names and numbers are
 * public); {@code /foretag/{enterpriseId}}: one enterprise with every recorded fact (coordinator and auditor).
 */
@Controller
class EnterprisePageController {

    private final EnterpriseReader reader;
    private final EnterpriseTexts texts;
    private final PlanReader plans;

    EnterprisePageController(EnterpriseReader reader, EnterpriseTexts texts, PlanReader plans) {
        this.reader = reader;
        this.texts = texts;
        this.plans = plans;
    }

    /** A choice of a filter list: its value in the address, its Swedish text and whether it is the chosen one. */
    public record Choice(String value, String label, boolean chosen) {
    }

    @GetMapping("/foretag")
    String register(@RequestParam(name = "q", required = false) String search,
                    @RequestParam(name = "asf", required = false) String asf,
                    @RequestParam(name = "status", required = false) String status,
                    @RequestParam(name = "niva", required = false) String level,
                    Model model) {
        Boolean countsAsAsf = switch (blankToNull(asf) == null ? "" : asf) {
            case "" -> null;
            case "ja" -> Boolean.TRUE;
            case "nej" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("asf must be ja or nej");
        };
        IntegrationspaktenStatus wanted = blankToNull(status) == null ? null
                : IntegrationspaktenStatus.ofCode(status);
        String wantedLevel = blankToNull(level);
        if (wantedLevel != null && texts.levels().keySet().stream()
                .noneMatch(configured -> configured.value().equals(wantedLevel))) {
            throw new IllegalArgumentException("no such level " + wantedLevel);
        }
        String query = search == null ? "" : search.strip();
        if (query.length() > 200) {
            throw new IllegalArgumentException("search too long");
        }
        // a committee sees legal persons only, as on the API (ReadPolicy): a sole trader's name is personal data
        ReadPolicy policy = ReadPolicy.current();
        List<EnterpriseSummary> summaries = reader.enterprises(countsAsAsf, null).stream()
                .filter(summary -> policy.listsByName(summary.legalForm())).toList();
        int registered = summaries.size();
        List<RegisterEntry> entries = new ArrayList<>();
        for (EnterpriseSummary summary : summaries) {
            String summaryLevel = summary.integrationspaktenLevel() == null ? null
                    : summary.integrationspaktenLevel().value();
            // what the summary already tells is filtered before the enterprise itself is read
            if (wantedLevel != null && !wantedLevel.equals(summaryLevel)
                    || wanted == IntegrationspaktenStatus.MEMBER && summaryLevel == null
                    || wanted != null && wanted != IntegrationspaktenStatus.MEMBER && summaryLevel != null) {
                continue;
            }
            boolean byNumber = query.replace("-", "").replace(" ", "").matches("\\d{2,10}");
            boolean byName = query.isEmpty() || new RegisterEntry(null, summary.name(), null, null, null, false,
                    false, null, null, null, null).matches(query);
            // only a number can still match what the name does not: a sole trader is registered without one
            if (!byName && (!byNumber || !summary.legalForm().hasOrganisationNumber())) {
                continue;
            }
            RegisterEntry entry = RegisterEntry.of(reader.enterprise(summary.enterpriseId()), texts);
            if (entry.matches(query) && (wanted == null || entry.status() == wanted)) {
                entries.add(entry);
            }
        }
        model.addAttribute("entries", entries);
        model.addAttribute("registered", registered);
        model.addAttribute("search", query);
        model.addAttribute("filtered", !query.isEmpty() || countsAsAsf != null || wanted != null
                || wantedLevel != null);
        model.addAttribute("asfChoices", List.of(new Choice("", "Alla", countsAsAsf == null),
                new Choice("ja", "Räknas som ASF", Boolean.TRUE.equals(countsAsAsf)),
                new Choice("nej", "Räknas inte som ASF", Boolean.FALSE.equals(countsAsAsf))));
        List<Choice> statusChoices = new ArrayList<>();
        statusChoices.add(new Choice("", "Alla", wanted == null));
        for (IntegrationspaktenStatus each : IntegrationspaktenStatus.values()) {
            statusChoices.add(new Choice(each.code(), each.swedishName(), each == wanted));
        }
        model.addAttribute("statusChoices", statusChoices);
        List<Choice> levelChoices = new ArrayList<>();
        levelChoices.add(new Choice("", "Alla", wantedLevel == null));
        texts.levels().forEach((code, name) -> levelChoices.add(new Choice(code.value(), name,
                code.value().equals(wantedLevel))));
        model.addAttribute("levelChoices", levelChoices);
        return "enterprise/register";
    }

    /** One fact of the enterprise's list, in Swedish, with the activity it carried out and its correction link. */
    public record FactRow(String occurredOn, String name, String summary, String activityTitle, String activityLink,
                          String eventId, String retractedOn, String retractionReason, String correctLink) {
    }

    /** A link to a form about the enterprise. */
    public record FormLink(String title, String href) {
    }

    @GetMapping("/foretag/{enterpriseId}")
    String enterprise(@PathVariable String enterpriseId, Model model) {
        EnterpriseView enterprise = reader.enterprise(new EnterpriseId(enterpriseId));
        Map<String, String> activityTitles = new HashMap<>();
        List<FactRow> facts = new ArrayList<>();
        for (FactView fact : enterprise.facts()) {
            PlanActivityReference carried = fact.carriesOut();
            String activityTitle = null;
            String activityLink = null;
            if (carried != null) {
                activityTitle = activityTitles.computeIfAbsent(carried.planId().value() + "/"
                        + carried.activityId().value(), key -> activityTitle(carried));
                activityLink = "/planer/" + carried.planId().value() + "/aktiviteter/" + carried.activityId().value();
            }
            String correct = EnterpriseTexts.RETRACTABLE.contains(fact.fact()) && fact.retractedOn() == null
                    && fact.eventId() != null
                    ? UriComponentsBuilder.fromPath("/formular/enterprise-retraction")
                    .queryParam("enterpriseId", enterpriseId).queryParam("eventId", fact.eventId())
                    .encode().build().toUriString() : null;
            facts.add(new FactRow(Objects.toString(fact.occurredOn(), ""), texts.factName(fact.fact()),
                    texts.summary(fact.fact(), fact.summary()), activityTitle, activityLink, fact.eventId(),
                    fact.retractedOn() == null ? null : fact.retractedOn().toString(), fact.retractionReason(),
                    correct));
        }
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("entry", RegisterEntry.of(enterprise, texts));
        String legalForm = enterprise.details().legalForm().swedishName();
        model.addAttribute("legalForm", legalForm.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + legalForm.substring(1));
        model.addAttribute("facts", facts);
        model.addAttribute("forms", formLinks(enterprise));
        model.addAttribute("history", "/granskning/historik/enterprise/" + enterpriseId);
        return "enterprise/enterprise";
    }

    private String activityTitle(PlanActivityReference carried) {
        try {
            return plans.plan(carried.planId()).activities().stream()
                    .filter(activity -> activity.activityId().equals(carried.activityId()))
                    .map(activity -> activity.title()).findFirst().orElse(carried.activityId().value());
        } catch (RuntimeException e) {
            return carried.activityId().value();
        }
    }

    /** Every form about an enterprise, opened for this one; the details form filled in with its details now. */
    private static List<FormLink> formLinks(EnterpriseView enterprise) {
        String id = enterprise.enterpriseId().value();
        EnterpriseDetails details = enterprise.details();
        UriComponentsBuilder detailsLink = UriComponentsBuilder.fromPath("/formular/enterprise-details")
                .queryParam("enterpriseId", id).queryParam("name", details.name())
                .queryParam("legalForm", details.legalForm().name())
                .queryParam("municipality", details.municipality());
        if (details.district() != null) {
            detailsLink.queryParam("district", details.district());
        }
        if (!details.linesOfBusiness().isEmpty()) {
            detailsLink.queryParam("linesOfBusiness", String.join("\n", details.linesOfBusiness()));
        }
        if (!details.certifications().isEmpty()) {
            detailsLink.queryParam("certifications", String.join("\n", details.certifications()));
        }
        Map<String, Boolean> criteria = Map.of("integrationPurpose", details.criteria().integrationPurpose(),
                "employeeParticipation", details.criteria().employeeParticipation(),
                "profitsReinvested", details.criteria().profitsReinvested(),
                "independentOfPublicSector", details.criteria().independentOfPublicSector());
        criteria.forEach((name, met) -> {
            if (met) {
                detailsLink.queryParam("criteria." + name, "true");
            }
        });
        List<FormLink> links = new ArrayList<>();
        if (!enterprise.nameErased()) {
            links.add(new FormLink("Ändra företagets uppgifter", detailsLink.encode().build().toUriString()));
        }
        // a name can be erased once, for a closed sole trader
        boolean erasable = details.legalForm() == LegalForm.ENSKILD_FIRMA && enterprise.closed()
                && !enterprise.nameErased();
        for (EnterpriseForms.EnterpriseForm form : EnterpriseForms.ABOUT_AN_ENTERPRISE) {
            if (!form.id().equals("enterprise-details") && !form.id().equals("enterprise-retraction")
                    && (erasable || !form.id().equals(EnterpriseForms.NAME_ERASURE))) {
                links.add(new FormLink(form.title(), UriComponentsBuilder.fromPath("/formular/" + form.id())
                        .queryParam("enterpriseId", id).encode().build().toUriString()));
            }
        }
        return links;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
