package se.asfplan.projections.recompute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import se.asfplan.projections.goalreport.GoalReportProjection;
import se.asfplan.projections.recompute.Recomputations.StoredEvent;
import se.asfplan.projections.recompute.Recomputations.TokenState;

/** When a live and a recomputed processor count as standing at the same position, and what a report answer diff says. */
class RecomputationsTest {

    /** Two aggregates, one owned by each of two segments. */
    private static final String EVEN = aggregateOf(0);
    private static final String ODD = aggregateOf(1);

    private static String aggregateOf(int segment) {
        Segment[] segments = Segment.computeSegments(0, 1);
        for (int i = 0; ; i++) {
            String candidate = "aggregate-" + i;
            if (segments[segment].matches(candidate)) {
                return candidate;
            }
        }
    }

    private static TokenState token(int segment, long index, Long... pending) {
        return new TokenState(segment, index, Set.of(pending));
    }

    @Test
    void processorsAtTheSameIndexStandAtThatPosition() {
        assertThat(Recomputations.samePosition(List.of(token(0, 10), token(1, 10)), List.of(token(0, 10)), List.of()))
                .contains(10L);
    }

    @Test
    void aSegmentThatHasNotYetMovedPastEventsOfOtherSegmentsDoesNotHoldTheComparisonBack() {
        // the live segment 1 stands at 8; events 9 and 10 belong to segment 0's aggregate, which both have handled
        List<StoredEvent> between = List.of(new StoredEvent(9, EVEN, "T"), new StoredEvent(10, EVEN, "T"));
        assertThat(Recomputations.samePosition(List.of(token(0, 10), token(1, 8)), List.of(token(0, 10)), between))
                .contains(10L);
    }

    @Test
    void anEventOneHasHandledAndTheOtherNotMeansTheyDiffer() {
        List<StoredEvent> between = List.of(new StoredEvent(10, ODD, "T"));
        assertThat(Recomputations.samePosition(List.of(token(0, 10), token(1, 9)), List.of(token(0, 10)), between))
                .isEmpty();
        // the same event, not handled by either: they agree up to the position before it
        assertThat(Recomputations.samePosition(List.of(token(0, 10), token(1, 9)), List.of(token(0, 9)),
                List.of(new StoredEvent(10, ODD, "T")))).contains(9L);
    }

    @Test
    void aStoredEventInAGapIsNotHandled() {
        List<StoredEvent> between = List.of(new StoredEvent(7, EVEN, "T"));
        assertThat(Recomputations.samePosition(List.of(token(0, 10, 7L)), List.of(token(0, 10)), between)).isEmpty();
        assertThat(Recomputations.samePosition(List.of(token(0, 10, 7L)), List.of(token(0, 10, 7L)), between))
                .contains(6L);
    }

    @Test
    void aProcessorWithoutTokensStandsNowhere() {
        assertThat(Recomputations.samePosition(List.of(), List.of(token(0, 10)), List.of())).isEmpty();
    }

    @Test
    void theHandledTypesAreTheConcretePayloadsOfTheEventHandlers() {
        Set<String> types = Recomputations.handledTypes(GoalReportProjection.class);
        assertThat(types).isNotNull().contains("se.asfplan.domain.plan.PlanEvents$GoalSetEvent");
        assertThat(types).allSatisfy(type -> assertThat(type).startsWith("se.asfplan.domain."));
        assertThat(types.size()).isGreaterThan(5);
    }

    @Test
    void answersDifferFigureByFigureWithListElementsMatchedByTheirId() {
        ObjectMapper json = new ObjectMapper();
        var live = json.createObjectNode();
        live.putArray("rows").addObject().put("goalId", "b").put("outcome", 99);
        ((com.fasterxml.jackson.databind.node.ArrayNode) live.get("rows")).addObject().put("goalId", "a")
                .put("outcome", 1.50);
        var recomputed = json.createObjectNode();
        recomputed.putArray("rows").addObject().put("goalId", "a").put("outcome", 1.5);
        ((com.fasterxml.jackson.databind.node.ArrayNode) recomputed.get("rows")).addObject().put("goalId", "b")
                .put("outcome", 21.5);
        assertThat(GenerationComparison.compareAnswers(live, recomputed)).containsExactly(
                new RecomputationReport.ColumnDifference("rows[goalId=b].outcome", "99", "21.5"));
        assertThat(GenerationComparison.compareAnswers(live, live)).isEmpty();
    }
}
