package se.asfplan.web.page.plan;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.projections.party.PartyQueries.FindPartiesQuery;
import se.asfplan.projections.party.PartyQueries.PartyView;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;

/**
 * The lists the plan forms choose from: the plan's areas and activities, and the parties (by the register of
 * parties, and the names the plan's activities already use), so that no code or name is typed by hand.
 */
@Component
class PlanChoices {

    private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv-SE"));

    private final PlanReader plans;
    private final QueryGateway queries;

    PlanChoices(PlanReader plans, QueryGateway queries) {
        this.plans = plans;
        this.queries = queries;
    }

    List<PartyView> registeredParties() {
        return queries.query(new FindPartiesQuery(null), ResponseTypes.multipleInstancesOf(PartyView.class)).join();
    }

    OptionSource areas() {
        return variables -> plan(variables) == null ? List.of() : plan(variables).areas().stream()
                .map(area -> new FormOption(area.areaId().value(),
                        (area.number() == null ? "" : "Område " + area.number() + ": ") + area.name()))
                .toList();
    }

    OptionSource activities() {
        return variables -> {
            PlanView plan = plan(variables);
            return plan == null ? List.of() : plan.activities().stream()
                    .map(activity -> new FormOption(activity.activityId().value(), activity.title())).toList();
        };
    }

    /**
     * Responsible parties by name (as {@link Responsibility} names them): every registered party by its name, then
     * the names the plan's activities use that the register does not know. "samtliga nämnder" is its own check box.
     */
    OptionSource partyNames() {
        return variables -> {
            Map<String, FormOption> options = new LinkedHashMap<>();
            registeredParties().stream().sorted(Comparator.comparing(PartyView::name, SWEDISH))
                    .forEach(party -> options.putIfAbsent(key(party.name()), new FormOption(party.name(),
                            party.abbreviation() == null ? party.name()
                                    : party.name() + " (" + party.abbreviation() + ")")));
            PlanView plan = plan(variables);
            if (plan != null) {
                List<String> used = new ArrayList<>();
                plan.activities().forEach(activity -> {
                    used.addAll(activity.responsibility().leads());
                    used.addAll(activity.responsibility().involved());
                });
                used.stream().sorted(SWEDISH).forEach(name -> options.putIfAbsent(key(name),
                        new FormOption(name, name)));
            }
            return List.copyOf(options.values());
        };
    }

    /** Registered parties by id, for a plan's scope. */
    OptionSource partyIds() {
        return variables -> registeredParties().stream().sorted(Comparator.comparing(PartyView::name, SWEDISH))
                .map(party -> new FormOption(party.partyId().value(), party.municipality() == null ? party.name()
                        : party.name() + " (" + party.municipality() + ")"))
                .toList();
    }

    private PlanView plan(Map<String, String> variables) {
        String planId = variables.get("planId");
        return planId == null ? null : plans.plan(new PlanId(planId));
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static boolean allCommittees(String name) {
        return key(name).equals(Responsibility.ALL_COMMITTEES);
    }
}
