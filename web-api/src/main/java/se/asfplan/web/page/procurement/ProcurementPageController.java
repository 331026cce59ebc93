package se.asfplan.web.page.procurement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.procurement.ContractingAuthority;
import se.asfplan.domain.procurement.Procedure;
import se.asfplan.domain.procurement.ProcurementId;
import se.asfplan.domain.procurement.ProcurementStatus;
import se.asfplan.domain.procurement.Supplier;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.projections.procurement.ProcurementQueries.AwardView;
import se.asfplan.projections.procurement.ProcurementQueries.FindProcurementsQuery;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementSummary;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementView;
import se.asfplan.projections.procurement.ProcurementQueries.StepView;
import se.asfplan.web.api.ProcurementReader;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.page.PageNotFoundException;
import se.asfplan.web.page.form.FormOption;

/**
 * {@code /upphandlingar}: the recorded procurements, filtered by procedure, status, contracting authority and the
 * year they were begun; {@code /upphandlingar/{procurementId}}: one procurement from announcement to award and
 * after, with its legal ground, the plan activities it carries out and, for the coordinator, every form for it.
 */
@Controller
class ProcurementPageController {

    private final ProcurementReader procurements;
    private final RecordChoices choices;

    ProcurementPageController(ProcurementReader procurements, RecordChoices choices) {
        this.procurements = procurements;
        this.choices = choices;
    }

    /** A procurement as a row of the list. */
    public record Row(String id, String subject, String authority, String procedure, String legalGround,
                      String status, String statusClass, LocalDate begunOn, String supplier, boolean supplierIsAsf,
                      String value, boolean directAwardLimitExceeded) {
    }

    @GetMapping("/upphandlingar")
    String list(@RequestParam(required = false) Procedure procedure,
                @RequestParam(required = false) ProcurementStatus status,
                @RequestParam(required = false) String authority,
                @RequestParam(required = false) Integer year, Model model) {
        List<ProcurementSummary> all = procurements.procurements(new FindProcurementsQuery(null, null, null));
        String chosenAuthority = authority == null || authority.isBlank() ? null : authority.strip();
        List<ProcurementSummary> shown = procurements.procurements(new FindProcurementsQuery(
                        chosenAuthority == null ? null : new ContractingAuthority(chosenAuthority), procedure, year))
                .stream().filter(procurement -> status == null || procurement.status() == status).toList();
        Map<String, String> names = supplierNames(shown.stream().map(ProcurementSummary::supplier).toList());
        model.addAttribute("rows", shown.stream().map(procurement -> new Row(procurement.procurementId().value(),
                procurement.subject(), procurement.authority().value(),
                ProcurementTexts.procedure(procurement.procedure()),
                procurement.legalGround() == null ? null : procurement.legalGround().citation(),
                ProcurementTexts.status(procurement.status()), ProcurementTexts.statusClass(procurement.status()),
                procurement.begunOn(), supplier(procurement.supplier(), names),
                Boolean.TRUE.equals(procurement.supplierIsAsf()), ProcurementTexts.sek(procurement.contractValue()),
                Boolean.TRUE.equals(procurement.directAwardLimitExceeded()))).toList());
        model.addAttribute("total", all.size());
        model.addAttribute("procedures", ProcurementTexts.procedures());
        model.addAttribute("statuses", ProcurementTexts.statuses());
        model.addAttribute("authorities", all.stream().map(procurement -> procurement.authority().value()).distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList());
        model.addAttribute("years", all.stream().map(procurement -> procurement.begunOn().getYear()).distinct()
                .sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("procedure", procedure == null ? "" : procedure.name());
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("authority", chosenAuthority == null ? "" : chosenAuthority);
        model.addAttribute("year", year);
        model.addAttribute("filtered", procedure != null || status != null || chosenAuthority != null
                || year != null);
        return "procurement/list";
    }

    /** A lifecycle step as the page lists it. */
    public record Step(String name, LocalDate occurredOn, String activity, String activityLink, String eventId,
                       String retractLink) {
    }

    /** A tender as the page lists it. */
    public record Tender(String supplier, String number, boolean asf, LocalDate receivedOn) {
    }

    /** A plan activity the procurement carries out, with a link to it. */
    public record Activity(String title, String link) {
    }

    @GetMapping("/upphandlingar/{procurementId}")
    String procurement(@PathVariable String procurementId, Model model) {
        ProcurementView procurement;
        try {
            procurement = procurements.procurement(new ProcurementId(procurementId));
        } catch (NotFoundException | IllegalArgumentException e) {
            throw new PageNotFoundException("Ingen upphandling med det id:t är registrerad.");
        }
        String id = procurement.procurementId().value();
        List<Supplier> suppliers = new ArrayList<>();
        procurement.tenders().forEach(tender -> suppliers.add(tender.supplier()));
        if (procurement.award() != null) {
            suppliers.add(procurement.award().supplier());
        }
        Map<String, String> names = supplierNames(suppliers);
        Map<String, Optional<PlanView>> plansSeen = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        Map<String, Activity> activities = new LinkedHashMap<>();
        for (StepView step : procurement.lifecycle()) {
            String activity = null;
            String activityLink = null;
            if (step.carriesOut() != null) {
                activity = choices.activityTitle(step.carriesOut(), plansSeen);
                activityLink = activityLink(step.carriesOut());
                activities.putIfAbsent(activityLink, new Activity(activity, activityLink));
            }
            String retract = step.eventId() != null && ProcurementTexts.retractable(step.event())
                    ? "/formular/procurement-retraction?procurementId=" + encode(id) + "&eventId="
                    + encode(step.eventId()) : null;
            steps.add(new Step(ProcurementTexts.step(step.event()), step.occurredOn(), activity, activityLink,
                    step.eventId(), retract));
        }
        model.addAttribute("p", procurement);
        model.addAttribute("procedure", ProcurementTexts.procedure(procurement.procedure()));
        model.addAttribute("status", ProcurementTexts.status(procurement.status()));
        model.addAttribute("statusClass", ProcurementTexts.statusClass(procurement.status()));
        model.addAttribute("bidsMayCover", procurement.lots() == null ? null
                : ProcurementTexts.bidsMayCover(procurement.lots().bidsMayCover()));
        model.addAttribute("tenders", procurement.tenders().stream().map(tender -> new Tender(
                supplierName(tender.supplier(), names), ProcurementTexts.supplierNumber(tender.supplier()),
                tender.supplierIsAsf(), tender.receivedOn())).toList());
        AwardView award = procurement.award();
        if (award != null) {
            model.addAttribute("awardSupplier", supplierName(award.supplier(), names));
            model.addAttribute("awardNumber", ProcurementTexts.supplierNumber(award.supplier()));
            model.addAttribute("awardValue", ProcurementTexts.sek(award.value()));
            model.addAttribute("awardShare", award.employment() == null ? null
                    : ProcurementTexts.percent(award.employment().sharePercent()));
            model.addAttribute("tallyTotal", award.directAward() == null ? null
                    : ProcurementTexts.sek(award.directAward().yearToDateTotal()));
            model.addAttribute("tallyLimit", award.directAward() == null ? null
                    : ProcurementTexts.sek(award.directAward().limit()));
        }
        model.addAttribute("steps", steps);
        model.addAttribute("activities", List.copyOf(activities.values()));
        model.addAttribute("historyLink", "/granskning/historik/procurement/" + encode(id));
        model.addAttribute("formLinks", formLinks(id, procurement));
        return "procurement/procurement";
    }

    /**
     * Every form for this procurement, prefilled with it and with the plan activity its latest step carrying one
     * out names (the person may choose another).
     */
    private static List<FormOption> formLinks(String id, ProcurementView procurement) {
        PlanActivityReference carriesOut = procurement.lifecycle().stream().map(StepView::carriesOut)
                .filter(Objects::nonNull).reduce((first, second) -> second).orElse(null);
        String query = "?procurementId=" + encode(id) + (carriesOut == null ? ""
                : "&carriesOut.planId=" + encode(carriesOut.planId().value()) + "&carriesOut.activityId="
                + encode(carriesOut.activityId().value()));
        List<FormOption> links = new ArrayList<>();
        links.add(new FormOption("/formular/procurement-announcement" + query, "Registrera att den har annonserats"));
        links.add(new FormOption("/formular/procurement-lots" + query, "Registrera uppdelning i delkontrakt"));
        links.add(new FormOption("/formular/procurement-no-division" + query,
                "Registrera beslutet att inte dela upp kontraktet"));
        links.add(new FormOption("/formular/procurement-tender" + query,
                "Registrera ett anbud från ett registrerat företag"));
        links.add(new FormOption("/formular/procurement-tender-other" + query,
                "Registrera ett anbud från en leverantör utanför registret"));
        links.add(new FormOption("/formular/procurement-award" + query,
                "Registrera tilldelning till ett registrerat företag"));
        links.add(new FormOption("/formular/procurement-award-other" + query,
                "Registrera tilldelning till en leverantör utanför registret"));
        links.add(new FormOption("/formular/procurement-completion" + query, "Registrera att den är avslutad"));
        links.add(new FormOption("/formular/procurement-evaluation" + query, "Registrera en utvärdering"));
        links.add(new FormOption("/formular/procurement-cancellation" + query, "Registrera att den avbröts"));
        return links;
    }

    private Map<String, String> supplierNames(List<Supplier> suppliers) {
        if (suppliers.stream().noneMatch(supplier -> supplier != null && !supplier.soleTrader())) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        choices.organisations().forEach(organisation -> names.putIfAbsent(organisation.organisationNumber(),
                organisation.name()));
        return names;
    }

    private static String supplierName(Supplier supplier, Map<String, String> names) {
        if (supplier == null) {
            return "";
        }
        if (supplier.soleTrader()) {
            return "Enskild firma";
        }
        return names.getOrDefault(supplier.organisationNumber().value(), "Ej i ASF-registret");
    }

    private static String supplier(Supplier supplier, Map<String, String> names) {
        if (supplier == null) {
            return null;
        }
        return supplier.soleTrader() ? "Enskild firma" : supplierName(supplier, names) + " ("
                + supplier.organisationNumber().value() + ")";
    }

    static String activityLink(PlanActivityReference reference) {
        return "/planer/" + encode(reference.planId().value()) + "/aktiviteter/"
                + encode(reference.activityId().value());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
