package se.asfplan.web.round;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.round.ItemState;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.projections.plan.PlanQueries.FindPlanQuery;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.projections.round.RoundQueries.FindRoundQuery;
import se.asfplan.projections.round.RoundQueries.FindRoundsQuery;
import se.asfplan.projections.round.RoundQueries.RoundItemView;
import se.asfplan.projections.round.RoundQueries.RoundView;
import se.asfplan.web.api.problem.NotFoundException;

/** Reads rounds from the follow-up rounds read model and says where each stands today. */
@Component
public class RoundReader {

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE;

    private final QueryGateway queries;
    private final Clock clock;

    RoundReader(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public List<RoundStatus> rounds(String planId) {
        PlanView plan = plan(planId);
        return queries.query(new FindRoundsQuery(planId), ResponseTypes.multipleInstancesOf(RoundView.class)).join()
                .stream().map(round -> status(round, plan)).toList();
    }

    /** The round of the plan; not found when there is none, or it is another plan's. */
    public RoundStatus round(String planId, String roundId) {
        RoundView round = queries.query(new FindRoundQuery(roundId), ResponseTypes.optionalInstanceOf(RoundView.class))
                .join().filter(found -> found.planId().equals(planId))
                .orElseThrow(() -> new NotFoundException("No follow-up round " + roundId + " of plan " + planId
                        + " is recorded"));
        return status(round, plan(planId));
    }

    private PlanView plan(String planId) {
        return queries.query(new FindPlanQuery(new PlanId(planId)), ResponseTypes.optionalInstanceOf(PlanView.class))
                .join().orElseThrow(() -> new NotFoundException("No plan " + planId + " is recorded"));
    }

    RoundStatus status(RoundView round, PlanView plan) {
        LocalDate today = BusinessCalendar.today(clock);
        boolean open = !round.closed();
        boolean past = open && today.isAfter(round.deadline());
        List<RoundItemView> notReported = open ? round.items().stream()
                .filter(item -> item.state() == ItemState.AWAITING_SUBMISSION || item.state() == ItemState.RETURNED)
                .toList() : List.of();
        List<RoundItemView> awaitingReview = open ? round.items().stream()
                .filter(item -> item.state() == ItemState.SUBMITTED).toList() : List.of();
        return new RoundStatus(round, today, past, notReported, past ? notReported : List.of(), awaitingReview,
                reminders(round, plan, notReported, past));
    }

    private static List<Reminder> reminders(RoundView round, PlanView plan, List<RoundItemView> notReported,
                                            boolean past) {
        Map<String, List<RoundItemView>> byReporter = new LinkedHashMap<>();
        notReported.forEach(item -> byReporter.computeIfAbsent(item.reporter(), reporter -> new ArrayList<>())
                .add(item));
        List<Reminder> reminders = new ArrayList<>();
        byReporter.forEach((reporter, items) -> {
            List<String> subjects = items.stream().map(item -> RoundSubjects.text(item.subject())).toList();
            List<String> titles = subjects.stream().map(subject -> RoundTitles.title(plan, subject)).toList();
            String messageSubject = (past ? "Försenad bedömning: " : "Påminnelse: ") + round.name() + " – "
                    + (past ? "sista dag var " : "bedömning senast ") + DAY.format(round.deadline());
            StringBuilder body = new StringBuilder("Till ").append(reporter).append("\n\n")
                    .append(past ? "Sista dag för bedömningarna i " : "Bedömningarna i ").append(round.name())
                    .append(" (").append(plan.title()).append(") ")
                    .append(past ? "var " : "ska lämnas senast ").append(DAY.format(round.deadline()))
                    .append(". Det här återstår att bedöma per ").append(DAY.format(round.cutOffDate())).append(":\n");
            for (int i = 0; i < items.size(); i++) {
                body.append("- ").append(titles.get(i));
                if (items.get(i).state() == ItemState.RETURNED) {
                    body.append(" (returnerad: ").append(items.get(i).reviewComment()).append(")");
                }
                body.append("\n");
            }
            reminders.add(new Reminder(reporter, subjects, titles, round.deadline(), past, messageSubject,
                    body.toString()));
        });
        return reminders;
    }
}
