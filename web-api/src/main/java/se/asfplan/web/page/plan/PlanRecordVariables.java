package se.asfplan.web.page.plan;

import java.util.Comparator;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.page.form.FormOption;
import se.asfplan.web.page.form.OptionSource;
import se.asfplan.web.page.form.RecordVariableSource;

/** The plan records a form can be about: a plan, and an activity, area, goal or decision of it. */
@Configuration(proxyBeanMethods = false)
class PlanRecordVariables {

    @Bean
    RecordVariableSource planVariable(PlanReader plans) {
        return source("planId", "Plan", List.of(), variables -> plans.plans().stream()
                .map(plan -> new FormOption(plan.planId().value(), plan.title() + " (" + plan.municipality() + ")"))
                .toList());
    }

    @Bean
    RecordVariableSource activityVariable(PlanReader plans) {
        return source("activityId", "Aktivitet", List.of("planId"), variables ->
                plans.plan(new PlanId(variables.get("planId"))).activities().stream()
                        .map(activity -> new FormOption(activity.activityId().value(), activity.title()))
                        .toList());
    }

    @Bean
    RecordVariableSource areaVariable(PlanReader plans) {
        return source("areaId", "Område", List.of("planId"), variables ->
                plans.plan(new PlanId(variables.get("planId"))).areas().stream()
                        .map(area -> new FormOption(area.areaId().value(), area.name())).toList());
    }

    @Bean
    RecordVariableSource goalVariable(PlanReader plans) {
        return source("goalId", "Årsmål", List.of("planId"), variables ->
                plans.plan(new PlanId(variables.get("planId"))).goals().stream()
                        .sorted(Comparator.comparing(goal -> goal.year()))
                        .map(goal -> new FormOption(goal.goalId().value(), goal.year() + ": " + goal.indicator()))
                        .toList());
    }

    @Bean
    RecordVariableSource decisionVariable(PlanReader plans) {
        return source("decisionId", "Beslut", List.of("planId"), variables ->
                plans.plan(new PlanId(variables.get("planId"))).decisions().stream()
                        .map(decision -> new FormOption(decision.decisionId().value(),
                                PlanLabels.decisionKind(decision.kind()) + " " + decision.decidedOn() + ": "
                                        + decision.decision().body()))
                        .toList());
    }

    static RecordVariableSource source(String variable, String label, List<String> dependsOn, OptionSource options) {
        return new RecordVariableSource() {
            @Override
            public String variable() {
                return variable;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public List<String> dependsOn() {
                return dependsOn;
            }

            @Override
            public OptionSource options() {
                return options;
            }
        };
    }
}
