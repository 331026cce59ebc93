package se.asfplan.web.page.procurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseSummary;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseView;
import se.asfplan.projections.party.PartyQueries.FindPartiesQuery;
import se.asfplan.projections.party.PartyQueries.PartyView;
import se.asfplan.projections.plan.PlanQueries.PlanSummary;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.api.EnterpriseReader;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.page.form.FormField;
import se.asfplan.web.page.form.FormOption;

/**
 * The lists the procurement and meeting forms and pages choose from and name things by: the registered parties (as
 * contracting authorities and organisers), the plans and their activities, the registered enterprises (as meeting
 * participants and as suppliers by organisation number), so that nobody types a code.
 */
@Component
public class RecordChoices {

    private final QueryGateway queries;
    private final PlanReader plans;
    private final EnterpriseReader enterprises;

    public RecordChoices(QueryGateway queries, PlanReader plans, EnterpriseReader enterprises) {
        this.queries = queries;
        this.plans = plans;
        this.enterprises = enterprises;
    }

    /** A registered enterprise with the organisation number it is registered under (none for a sole trader). */
    public record Organisation(String enterpriseId, String name, String organisationNumber, boolean countsAsAsf,
                               boolean closed) {
    }

    /** The registered parties by name: the value is the name, as a contracting authority or organiser is written. */
    public List<FormOption> parties() {
        return queries.query(new FindPartiesQuery(null), ResponseTypes.multipleInstancesOf(PartyView.class)).join()
                .stream().sorted(Comparator.comparing(PartyView::name, String.CASE_INSENSITIVE_ORDER))
                .map(party -> new FormOption(party.name(), party.abbreviation() == null || party.abbreviation()
                        .isBlank() ? party.name() : party.name() + " (" + party.abbreviation() + ")"))
                .toList();
    }

    public List<FormOption> plans() {
        return plans.plans().stream()
                .map(plan -> new FormOption(plan.planId().value(), plan.title() + " (" + plan.municipality() + ")"))
                .toList();
    }

    /**
     * Every activity of every plan, named with its plan. An activity id is unique within its plan only; when two
     * plans use the same id, the choice names both plans (the plan is chosen in its own list).
     */
    public List<FormOption> activities() {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (PlanSummary summary : plans.plans()) {
            PlanView plan = plan(summary.planId().value()).orElse(null);
            if (plan == null) {
                continue;
            }
            plan.activities().forEach(activity -> labels.computeIfAbsent(activity.activityId().value(),
                    id -> new ArrayList<>()).add(activity.title() + " (" + plan.title() + ")"));
        }
        return labels.entrySet().stream()
                .map(entry -> new FormOption(entry.getKey(), String.join(" / ", entry.getValue())))
                .sorted(Comparator.comparing(FormOption::label, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The registered enterprises by name; the value is the enterprise id. */
    public List<FormOption> enterprises() {
        return enterprises.enterprises(null, null).stream()
                .map(enterprise -> new FormOption(enterprise.enterpriseId().value(), enterprise.name()
                        + (enterprise.closed() ? " (avslutat)" : "")))
                .toList();
    }

    /** The registered enterprises' names by enterprise id. */
    public Map<String, String> enterpriseNames() {
        Map<String, String> names = new LinkedHashMap<>();
        enterprises.enterprises(null, null).forEach(enterprise -> names.put(enterprise.enterpriseId().value(),
                enterprise.name()));
        return names;
    }

    /** The registered enterprises with an organisation number (the register's legal persons). */
    public List<Organisation> organisations() {
        List<Organisation> organisations = new ArrayList<>();
        for (EnterpriseSummary summary : enterprises.enterprises(null, null)) {
            EnterpriseView view;
            try {
                view = enterprises.enterprise(summary.enterpriseId());
            } catch (NotFoundException e) {
                continue;
            }
            if (view.organisationNumber() != null) {
                organisations.add(new Organisation(summary.enterpriseId().value(), summary.name(),
                        view.organisationNumber().value(), summary.countsAsAsf(), summary.closed()));
            }
        }
        return organisations;
    }

    /** Suppliers from the register: the value is the organisation number a tender or award names. */
    public List<FormOption> suppliers() {
        return organisations().stream()
                .map(organisation -> new FormOption(organisation.organisationNumber(), organisation.name() + " ("
                        + organisation.organisationNumber() + (organisation.countsAsAsf() ? ", ASF" : "")
                        + (organisation.closed() ? ", avslutat" : "") + ")"))
                .toList();
    }

    public Optional<PlanView> plan(String planId) {
        try {
            return Optional.of(plans.plan(new PlanId(planId)));
        } catch (NotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The activity's title with its plan's, or the ids when the plan or activity is not (or no longer) found. */
    public String activityTitle(PlanActivityReference reference, Map<String, Optional<PlanView>> plansSeen) {
        Optional<PlanView> plan = plansSeen.computeIfAbsent(reference.planId().value(), this::plan);
        return plan.flatMap(view -> view.activities().stream()
                        .filter(activity -> activity.activityId().equals(reference.activityId())).findFirst()
                        .map(activity -> activity.title() + " (" + view.title() + ")"))
                .orElse(reference.activityId().value() + " (" + reference.planId().value() + ")");
    }

    /**
     * The two fields naming the plan activity a recorded step carries out ({@code carriesOut.planId} and
     * {@code carriesOut.activityId}): both or neither.
     */
    public List<FormField> carriesOutFields() {
        return List.of(
                FormField.select("carriesOut.planId", "Genomför aktivitet i plan", variables -> plans())
                        .help("Välj planen och aktiviteten som det här genomför, eller lämna båda tomma."),
                FormField.select("carriesOut.activityId", "Genomför aktiviteten", variables -> activities())
                        .help("Aktiviteten måste höra till planen som är vald ovan.")
                        .rules("carried-out-activity-must-exist"));
    }
}
