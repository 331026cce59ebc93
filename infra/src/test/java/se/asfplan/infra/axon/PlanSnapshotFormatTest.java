package se.asfplan.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.Plan;
import se.asfplan.domain.shared.RetractableFacts;

/**
 * The plan's snapshots are its fields as Jackson writes them (AggregateSnapshots). A snapshot of another revision is
 * ignored, so a change to those fields must come with the next {@code @Revision} on {@link Plan}; this test pins the
 * fields of each revision and fails until both are changed together.
 */
class PlanSnapshotFormatTest {

    /** The state of revision 1, as {@link #stateOf} lists it. */
    private static final String REVISION_1 = """
            Plan.activities: java.util.Map<se.asfplan.domain.plan.ActivityId, se.asfplan.domain.plan.Plan$ActivityState>
            Plan.activitySteps: java.util.Map<se.asfplan.domain.plan.ActivityId, java.util.List<java.lang.String>>
            Plan.adopted: boolean
            Plan.adoptedOn: java.time.LocalDate
            Plan.areaNumbers: java.util.Map<java.lang.Integer, se.asfplan.domain.plan.AreaId>
            Plan.areas: java.util.Map<se.asfplan.domain.plan.AreaId, java.lang.String>
            Plan.decisions: java.util.Map<se.asfplan.domain.plan.DecisionId, se.asfplan.domain.plan.Plan$DecisionState>
            Plan.goals: java.util.Map<se.asfplan.domain.plan.GoalId, se.asfplan.domain.plan.Plan$GoalState>
            Plan.municipality: java.lang.String
            Plan.period: se.asfplan.domain.plan.PlanPeriod
            Plan.planId: se.asfplan.domain.plan.PlanId
            Plan.recurringGoals: java.util.Map<se.asfplan.domain.plan.GoalId, se.asfplan.domain.plan.Plan$RecurringGoalState>
            Plan.retractable: se.asfplan.domain.shared.RetractableFacts
            Plan.scope: se.asfplan.domain.plan.PlanScope
            Plan.subjects: java.util.Map<java.lang.String, se.asfplan.domain.plan.Plan$FactSubject>
            Plan.title: java.lang.String
            RetractableFacts.factById: java.util.Map<java.lang.String, java.lang.String>
            RetractableFacts.retractedIds: java.util.Set<java.lang.String>
            ActivityState.status: se.asfplan.domain.plan.ActivityStatus
            ActivityState.responsibility: se.asfplan.domain.plan.Responsibility
            ActivityState.timeline: se.asfplan.domain.plan.Timeline
            ActivityState.startedOn: java.time.LocalDate
            ActivityState.closedOn: java.time.LocalDate
            DecisionState.kind: se.asfplan.domain.plan.DecisionKind
            DecisionState.decision: se.asfplan.domain.plan.Decision
            DecisionState.decidedOn: java.time.LocalDate
            FactSubject.activityId: se.asfplan.domain.plan.ActivityId
            FactSubject.goalId: se.asfplan.domain.plan.GoalId
            GoalState.year: int
            GoalState.kind: se.asfplan.domain.plan.GoalKind
            GoalState.measure: se.asfplan.domain.plan.Measure
            GoalState.target: se.asfplan.domain.plan.Target
            GoalState.withdrawn: boolean
            RecurringGoalState.kind: se.asfplan.domain.plan.GoalKind
            RecurringGoalState.indicator: java.lang.String
            RecurringGoalState.target: se.asfplan.domain.plan.Target
            RecurringGoalState.activityId: se.asfplan.domain.plan.ActivityId
            RecurringGoalState.decision: se.asfplan.domain.plan.Decision
            RecurringGoalState.measure: se.asfplan.domain.plan.Measure
            RecurringGoalState.toYear: int
            RecurringGoalState.untilThePlanEnds: boolean
            """;

    @Test
    void thePlansStateIsTheOnePinnedForItsRevision() {
        assertThat(Plan.class.getAnnotation(Revision.class).value())
                .as("the plan's snapshot revision; a new one needs its state pinned here").isEqualTo("1");
        assertThat(stateOf())
                .as("the plan's fields changed: give Plan the next @Revision (older snapshots are then ignored and "
                        + "plans rebuilt from their events) and pin its state here under that revision")
                .isEqualTo(REVISION_1);
    }

    /** Every instance field of the plan and of the retractable facts, and every component of the plan's records. */
    static String stateOf() {
        List<String> lines = new ArrayList<>();
        for (Class<?> type : List.of(Plan.class, RetractableFacts.class)) {
            Arrays.stream(type.getDeclaredFields())
                    .filter(field -> !Modifier.isStatic(field.getModifiers()))
                    .sorted(Comparator.comparing(Field::getName))
                    .forEach(field -> lines.add(type.getSimpleName() + "." + field.getName() + ": "
                            + field.getGenericType().getTypeName()));
        }
        Arrays.stream(Plan.class.getDeclaredClasses())
                .filter(Class::isRecord)
                .sorted(Comparator.comparing(Class::getSimpleName))
                .forEach(record -> {
                    for (RecordComponent component : record.getRecordComponents()) {
                        lines.add(record.getSimpleName() + "." + component.getName() + ": "
                                + component.getGenericType().getTypeName());
                    }
                });
        return String.join("\n", lines) + "\n";
    }
}
