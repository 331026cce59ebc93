package se.asfplan.projections.recompute;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.projections.followup.ActivityFollowUpProjection;
import se.asfplan.projections.followup.FollowUpQueries.FindActivityFollowUpQuery;
import se.asfplan.projections.goalreport.GoalReportProjection;
import se.asfplan.projections.goalreport.GoalReportQueries.FindCountedScopeQuery;
import se.asfplan.projections.goalreport.GoalReportQueries.FindYearlyGoalReportQuery;
import se.asfplan.projections.participation.ParticipationProjection;
import se.asfplan.projections.participation.ParticipationQueries.FindParticipationQuery;
import se.asfplan.projections.statistics.StatisticsProjection;
import se.asfplan.projections.statistics.StatisticsQueries.FindProcurementStatisticsQuery;
import se.asfplan.projections.statistics.StatisticsQueries.FindRegisterStatisticsQuery;

/**
 * The reports a recomputation compares, as the API answers them today (everything recorded so far, dated up to
 * today): the yearly goal report of every plan and year that has goals, with the scope it counted; the activity
 * follow-up of every plan; the register and procurement statistics; participation. Each reads the generation it is
 * given through the read model's own query handler, the code every live answer runs.
 */
@Configuration
public class AuditedReports {

    @Bean
    ComparedReport yearlyGoalReport(GoalReportProjection goals, JdbcTemplate jdbc, Clock clock) {
        return report(GoalReportProjection.PROCESSING_GROUP, "yearly-goals",
                (live, recomputed) -> jdbc.queryForList("""
                        select distinct plan_id || ' ' || goal_year from goal_report_fact
                        where generation in (?, ?) and plan_id is not null and goal_year is not null
                        order by 1""", String.class, live, recomputed),
                (question, generation) -> {
                    String[] planAndYear = question.split(" ");
                    String plan = planAndYear[0];
                    int year = Integer.parseInt(planAndYear[1]);
                    return Map.of("rows", goals.fold(new FindYearlyGoalReportQuery(plan, year, null,
                                    BusinessCalendar.today(clock), generation)),
                            "scope", goals.handle(new FindCountedScopeQuery(plan, null, generation))
                                    .map(Object.class::cast).orElse("none"));
                });
    }

    @Bean
    ComparedReport activityFollowUpReport(ActivityFollowUpProjection followUp, JdbcTemplate jdbc, Clock clock) {
        return report(ActivityFollowUpProjection.PROCESSING_GROUP, "activity-follow-up",
                (live, recomputed) -> jdbc.queryForList("""
                        select distinct plan_id from activity_followup_fact where generation in (?, ?)
                        order by 1""", String.class, live, recomputed),
                (plan, generation) -> followUp.handle(new FindActivityFollowUpQuery(new PlanId(plan), null, null,
                        null, BusinessCalendar.today(clock), generation)).map(Object.class::cast).orElse("none"));
    }

    @Bean
    ComparedReport registerStatistics(StatisticsProjection statistics, Clock clock) {
        return report(StatisticsProjection.PROCESSING_GROUP, "register-statistics",
                (live, recomputed) -> List.of("today"),
                (question, generation) -> statistics.handle(new FindRegisterStatisticsQuery(null, null,
                        BusinessCalendar.today(clock), generation)));
    }

    @Bean
    ComparedReport procurementStatistics(StatisticsProjection statistics) {
        return report(StatisticsProjection.PROCESSING_GROUP, "procurement-statistics",
                (live, recomputed) -> List.of("all"),
                (question, generation) -> statistics.handle(new FindProcurementStatisticsQuery(null, null, null,
                        null, generation)));
    }

    @Bean
    ComparedReport participationReport(ParticipationProjection participation) {
        return report(ParticipationProjection.PROCESSING_GROUP, "participation",
                (live, recomputed) -> List.of("all"),
                (question, generation) -> participation.handle(new FindParticipationQuery(null, null, null,
                        generation)));
    }

    private static ComparedReport report(String group, String name,
                                         BiFunction<Integer, Integer, List<String>> questions,
                                         BiFunction<String, Integer, Object> answer) {
        return new ComparedReport() {
            @Override
            public String processingGroup() {
                return group;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> questions(int liveGeneration, int recomputedGeneration) {
                return questions.apply(liveGeneration, recomputedGeneration);
            }

            @Override
            public Object answer(String question, int generation) {
                return answer.apply(question, generation);
            }
        };
    }
}
