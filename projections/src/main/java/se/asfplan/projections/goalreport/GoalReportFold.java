package se.asfplan.projections.goalreport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import se.asfplan.domain.enterprise.EnterpriseStanding;
import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.projections.goalreport.GoalReportFact.FactType;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalReportRow;
import se.asfplan.projections.goalreport.GoalReportQueries.GoalStatus;
import se.asfplan.projections.goalreport.GoalReportQueries.TargetVersion;
import se.asfplan.projections.support.Retraction;

/**
 * Folds the goal report facts into the yearly goal report of one plan and year, as recorded at a moment.
 *
 * <p>Only facts recorded at or before {@code asOf} are seen. The report holds every goal of the plan set for the
 * year and not withdrawn. Its target in force is the latest version recorded (set, then each revision in the order
 * recorded). The outcome depends on the goal:
 * <ul>
 * <li>a count measure: the number of counted facts whose business date falls in the year; a measure of what
 * happened to enterprises (invitations, advice, participations) counts only what happened to a known ASF on that
 * day, so advice to a registered enterprise that does not meet the four criteria is not "advice to an ASF";</li>
 * <li>a change goal: its count measure's figure for the year minus the figure for the previous year; the target is
 * compared with this difference, so "increase by at least 1" is {@code AT_LEAST 1}; the events of both years make it
 * up, each listed once;</li>
 * <li>{@link Measure#INTEGRATIONSPAKTEN_INVITATION_COVERAGE}: of the ASF known on 31 December, the percentage
 * (two decimals, half up) invited to Integrationspakten on or before that day; no outcome when no ASF is known;</li>
 * <li>the counts of Integrationspakten members ({@link Measure#countsIntegrationspaktenMembers()}, e.g.
 * {@link Measure#PLUS_AND_JOBBPARTNER_ASF}): the ASF known on 31 December whose membership then is at one of the
 * measure's levels (any level when it names none);</li>
 * <li>{@link Measure#RESERVED_CONTRACTS_AWARDED}: the awards dated in the year in a procurement begun as reserved,
 * unless that procurement's cancellation is among the facts seen (recorded by {@code asOf}, not retracted);</li>
 * <li>{@link Measure#ACTIVITY_COMPLETED}: 1 when the goal's activity was completed in the year, otherwise 0;</li>
 * <li>no measure (manual and share goals, and goals recorded before measures existed): the figure of the latest
 * outcome report for the year, with its source; no outcome when none was reported.</li>
 * </ul>
 * An enterprise is a <em>known ASF</em> on a day when its latest details up to that day (business order: business
 * date, then the order stored) count it as ASF and it was not closed on or before that day, and its membership on a
 * day is its latest membership step up to it, both as {@link EnterpriseStanding} defines them for the register
 * statistics too. The status is {@code MET} when there is an outcome and the target's comparator holds; otherwise
 * {@code NOT_MET} once the year is over, and {@code IN_PROGRESS} for the current and later years. An
 * {@code AT_LEAST} goal already met in the current year is {@code MET}; a goal with any other comparator stays in
 * progress until the year is over, because its outcome may still change either way.
 */
final class GoalReportFold {

    /** The facts that show a procurement was begun as reserved (each names its procurement since V240). */
    private static final Set<FactType> RESERVED_PROCUREMENT = Set.of(FactType.RESERVED_PROCUREMENT_BEGUN,
            FactType.RESERVED_PROCUREMENT_ANNOUNCED, FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST);

    /** Every award, to an ASF or not. */
    private static final Set<FactType> AWARD = Set.of(FactType.CONTRACT_AWARDED_TO_ASF,
            FactType.CONTRACT_AWARDED_TO_OTHER_SUPPLIER);

    private static final Comparator<GoalReportFact> IN_BUSINESS_ORDER = Comparator
            .comparing(GoalReportFact::occurredOn).thenComparingLong(GoalReportFact::globalIndex);

    private GoalReportFold() {
    }

    /**
     * The report as recorded at {@code asOf}, without the facts retracted by then: a fact whose retraction was
     * recorded at or before {@code asOf} counts nowhere (so the state it moved is as before it), while one retracted
     * later still counts, as it did for whoever read the report then.
     */
    static List<GoalReportRow> fold(List<GoalReportFact> allFacts, List<Retraction> retractions, String planId,
                                    int year, Instant asOf, LocalDate today) {
        List<GoalReportFact> facts = allFacts.stream().filter(fact -> fact.type() != FactType.RETRACTION).toList();
        List<Retraction> seen = retractions.stream().filter(retraction -> retraction.recordedBy(asOf))
                .sorted(Comparator.comparingLong(Retraction::globalIndex)).toList();
        Set<String> retracted = Retraction.retractedAsOf(seen, null);
        List<GoalReportRow> rows = foldWithout(facts, retracted, planId, year, asOf, today);
        if (seen.isEmpty()) {
            return rows;
        }
        return withChangingRetractions(rows, facts, seen, retracted, planId, year, asOf, today);
    }

    private static List<GoalReportRow> foldWithout(List<GoalReportFact> facts, Set<String> retracted, String planId,
                                                   int year, Instant asOf, LocalDate today) {
        return fold(facts.stream().filter(fact -> !retracted.contains(fact.eventId())).toList(), planId, year, asOf,
                today);
    }

    /**
     * Lists among a row's events every retraction that changed its figure: a retraction (recorded by
     * {@code asOf}) changed a goal's figure when the row folded without that one retraction (every other one still
     * applied) has another outcome or other events. So a figure that a retraction moved always names the
     * retraction beside the facts that make it up, and every position it lists resolves in the log.
     */
    private static List<GoalReportRow> withChangingRetractions(List<GoalReportRow> rows, List<GoalReportFact> facts,
                                                               List<Retraction> seen, Set<String> retracted,
                                                               String planId, int year, Instant asOf,
                                                               LocalDate today) {
        Set<String> factIds = facts.stream().map(GoalReportFact::eventId).collect(Collectors.toSet());
        Map<String, List<Retraction>> changedBy = new TreeMap<>();
        for (Retraction retraction : seen) {
            if (!factIds.contains(retraction.retractedEventId())) {
                continue;
            }
            Set<String> others = new java.util.HashSet<>(retracted);
            others.remove(retraction.retractedEventId());
            Map<String, GoalReportRow> without = foldWithout(facts, others, planId, year, asOf, today).stream()
                    .collect(Collectors.toMap(GoalReportRow::goalId, row -> row, (a, b) -> a));
            for (GoalReportRow row : rows) {
                GoalReportRow unretracted = without.get(row.goalId());
                if (unretracted == null || figureDiffers(row, unretracted)) {
                    changedBy.computeIfAbsent(row.goalId(), goal -> new ArrayList<>()).add(retraction);
                }
            }
        }
        if (changedBy.isEmpty()) {
            return rows;
        }
        return rows.stream().map(row -> {
            List<Retraction> changing = changedBy.get(row.goalId());
            if (changing == null) {
                return row;
            }
            Map<Long, String> events = new TreeMap<>();
            for (int i = 0; i < row.events().size(); i++) {
                events.put(row.events().get(i), row.eventIds().get(i));
            }
            changing.forEach(retraction -> events.put(retraction.globalIndex(), retraction.eventId()));
            return new GoalReportRow(row.goalId(), row.year(), row.kind(), row.measure(), row.indicator(),
                    row.activityId(), row.target(), row.targetHistory(), row.outcome(), row.previousOutcome(),
                    row.source(), row.status(), List.copyOf(events.keySet()), List.copyOf(events.values()));
        }).toList();
    }

    private static boolean figureDiffers(GoalReportRow row, GoalReportRow other) {
        boolean sameOutcome = row.outcome() == null ? other.outcome() == null
                : other.outcome() != null && row.outcome().compareTo(other.outcome()) == 0;
        return !sameOutcome || !row.eventIds().equals(other.eventIds());
    }

    static List<GoalReportRow> fold(List<GoalReportFact> allFacts, String planId, int year, Instant asOf,
                                    LocalDate today) {
        List<GoalReportFact> facts = allFacts.stream().filter(fact -> fact.recordedBy(asOf))
                .sorted(Comparator.comparingLong(GoalReportFact::globalIndex)).toList();
        List<GoalReportRow> rows = new ArrayList<>();
        for (GoalReportFact set : facts) {
            if (set.type() != FactType.GOAL_SET || !planId.equals(set.planId()) || set.year() != year) {
                continue;
            }
            List<GoalReportFact> goalFacts = facts.stream()
                    .filter(fact -> planId.equals(fact.planId()) && set.goalId().equals(fact.goalId())).toList();
            if (goalFacts.stream().anyMatch(fact -> fact.type() == FactType.GOAL_WITHDRAWN)) {
                continue;
            }
            rows.add(row(set, goalFacts, facts, year, today));
        }
        rows.sort(Comparator.comparing(GoalReportRow::goalId));
        return rows;
    }

    private static GoalReportRow row(GoalReportFact set, List<GoalReportFact> goalFacts, List<GoalReportFact> facts,
                                     int year, LocalDate today) {
        List<TargetVersion> history = goalFacts.stream()
                .filter(fact -> fact.type() == FactType.GOAL_SET || fact.type() == FactType.GOAL_REVISED)
                .map(fact -> new TargetVersion(fact.target(), fact.occurredOn(), fact.recordedAt(),
                        fact.globalIndex(), fact.text()))
                .toList();
        Target target = history.get(history.size() - 1).target();
        Outcome outcome = outcome(set, goalFacts, facts, year);
        GoalStatus status = status(target, outcome.value(), year, today);
        List<GoalReportFact> making = outcome.facts().stream().distinct()
                .sorted(Comparator.comparingLong(GoalReportFact::globalIndex)).toList();
        return new GoalReportRow(set.goalId(), year, set.kind(), set.measure(), set.indicator(), set.activityId(),
                target, history, outcome.value(), outcome.previous(), outcome.source(), status,
                making.stream().map(GoalReportFact::globalIndex).toList(),
                making.stream().map(GoalReportFact::eventId).toList());
    }

    private record Outcome(BigDecimal value, BigDecimal previous, String source, List<GoalReportFact> facts) {
    }

    private static Outcome outcome(GoalReportFact set, List<GoalReportFact> goalFacts, List<GoalReportFact> facts,
                                   int year) {
        Measure measure = set.measure();
        if (measure == null) {
            return goalFacts.stream().filter(fact -> fact.type() == FactType.OUTCOME_REPORTED
                            && fact.year() != null && fact.year() == year)
                    .reduce((earlier, later) -> later)
                    .map(report -> new Outcome(report.value(), null, report.text(), List.of(report)))
                    .orElse(new Outcome(null, null, null, List.of()));
        }
        if (set.kind() == GoalKind.CHANGE) {
            Outcome inYear = measured(set, measure, facts, year);
            Outcome inPreviousYear = measured(set, measure, facts, year - 1);
            List<GoalReportFact> both = new ArrayList<>(inPreviousYear.facts());
            both.addAll(inYear.facts());
            return new Outcome(inYear.value().subtract(inPreviousYear.value()), inPreviousYear.value(), null, both);
        }
        return measured(set, measure, facts, year);
    }

    /** The measure's own figure for one year, with the facts that make it up. */
    private static Outcome measured(GoalReportFact set, Measure measure, List<GoalReportFact> facts, int year) {
        if (measure.countsIntegrationspaktenMembers()) {
            return members(facts, year, measure.membershipLevels());
        }
        return switch (measure) {
            case ACTIVITY_COMPLETED -> {
                List<GoalReportFact> completed = facts.stream()
                        .filter(fact -> fact.type() == FactType.ACTIVITY_COMPLETED && set.planId().equals(fact.planId())
                                && fact.activityId().equals(set.activityId()) && fact.occurredOn().getYear() == year)
                        .toList();
                yield new Outcome(BigDecimal.valueOf(completed.isEmpty() ? 0 : 1), null, null, completed);
            }
            case INTEGRATIONSPAKTEN_INVITATION_COVERAGE -> coverage(facts, year);
            case RESERVED_CONTRACTS_AWARDED -> reservedContractsAwarded(facts, year);
            default -> {
                List<GoalReportFact> inYear = countedIn(facts, counted(measure), year);
                if (!inYear.isEmpty() && inYear.get(0).enterpriseId() != null) {
                    Map<String, EnterpriseStanding<GoalReportFact>> standings = standings(facts);
                    inYear = inYear.stream().filter(fact -> standings.get(fact.enterpriseId())
                            .isKnownAsfOn(fact.occurredOn())).toList();
                }
                yield new Outcome(BigDecimal.valueOf(inYear.size()), null, null, inYear);
            }
        };
    }

    /** The facts a count measure counts, each once. */
    static Set<FactType> counted(Measure measure) {
        return switch (measure) {
            case INTEGRATIONSPAKTEN_INVITATIONS -> Set.of(FactType.IP_INVITED);
            case REFERENCE_GROUP_INVITATIONS -> Set.of(FactType.REFERENCE_GROUP_INVITED);
            case BUSINESS_DIALOGUE_INVITATIONS -> Set.of(FactType.BUSINESS_DIALOGUE_INVITED);
            case BUSINESS_ADVICE_TO_ASF -> Set.of(FactType.BUSINESS_ADVICE_RECEIVED);
            case EVENT_PARTICIPATIONS -> Set.of(FactType.EVENT_PARTICIPATION);
            case RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED ->
                    Set.of(FactType.RESERVED_PROCUREMENT_BEGUN, FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST);
            case RESERVED_PROCUREMENTS_ANNOUNCED ->
                    Set.of(FactType.RESERVED_PROCUREMENT_ANNOUNCED, FactType.RESERVED_PROCUREMENT_ANNOUNCED_FIRST);
            case PROCUREMENTS_DIVIDED_INTO_LOTS -> Set.of(FactType.PROCUREMENT_DIVIDED_INTO_LOTS);
            case CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE -> Set.of(FactType.CONTRACT_AWARDED_TO_ASF);
            case INTEGRATIONSPAKTEN_INVITATION_COVERAGE, RESERVED_CONTRACTS_AWARDED, ACTIVITY_COMPLETED,
                 PLUS_AND_JOBBPARTNER_ASF, INTEGRATIONSPAKTEN_ASF_MEMBERS, INTEGRATIONSPAKTEN_ASF_AT_LEVEL_MEMBER,
                 INTEGRATIONSPAKTEN_ASF_AT_LEVEL_PLUSMEDLEM, INTEGRATIONSPAKTEN_ASF_AT_LEVEL_JOBBPARTNER ->
                    throw new IllegalArgumentException(measure + " is not a count of single facts");
        };
    }

    /**
     * The awards dated in the year in a procurement begun as reserved whose cancellation is not among the facts (so
     * neither recorded by {@code asOf} nor retracted by then, whatever its date); a retracted award is not among
     * the facts either.
     */
    private static Outcome reservedContractsAwarded(List<GoalReportFact> facts, int year) {
        Set<String> reserved = procurementsWith(facts, RESERVED_PROCUREMENT);
        Set<String> cancelled = procurementsWith(facts, Set.of(FactType.PROCUREMENT_CANCELLED));
        List<GoalReportFact> awards = countedIn(facts, AWARD, year).stream()
                .filter(award -> reserved.contains(award.procurementId()) && !cancelled.contains(award.procurementId()))
                .toList();
        return new Outcome(BigDecimal.valueOf(awards.size()), null, null, awards);
    }

    private static Set<String> procurementsWith(List<GoalReportFact> facts, Set<FactType> types) {
        return facts.stream().filter(fact -> types.contains(fact.type()) && fact.procurementId() != null)
                .map(GoalReportFact::procurementId).collect(Collectors.toSet());
    }

    private static List<GoalReportFact> countedIn(List<GoalReportFact> facts, Set<FactType> counted, int year) {
        return facts.stream().filter(fact -> counted.contains(fact.type()) && fact.occurredOn().getYear() == year)
                .toList();
    }

    /** Every enterprise's facts in business order, by enterprise. */
    private static Map<String, List<GoalReportFact>> enterpriseHistories(List<GoalReportFact> facts) {
        return facts.stream().filter(fact -> fact.enterpriseId() != null).sorted(IN_BUSINESS_ORDER)
                .collect(Collectors.groupingBy(GoalReportFact::enterpriseId, TreeMap::new, Collectors.toList()));
    }

    /** Where every enterprise stands, by enterprise: known ASF and membership as {@link EnterpriseStanding} defines. */
    private static Map<String, EnterpriseStanding<GoalReportFact>> standings(List<GoalReportFact> facts) {
        Map<String, EnterpriseStanding<GoalReportFact>> standings = new TreeMap<>();
        enterpriseHistories(facts).forEach((enterpriseId, history) -> standings.put(enterpriseId, standing(history)));
        return standings;
    }

    /** The standing of one enterprise from its facts in business order. */
    private static EnterpriseStanding<GoalReportFact> standing(List<GoalReportFact> history) {
        EnterpriseStanding<GoalReportFact> standing = new EnterpriseStanding<>();
        for (GoalReportFact fact : history) {
            switch (fact.type()) {
                case ENTERPRISE_DETAILS ->
                        standing.details(fact.occurredOn(), Boolean.TRUE.equals(fact.countsAsAsf()), fact);
                case ENTERPRISE_CLOSED -> standing.closed(fact.occurredOn(), fact);
                case IP_MEMBERSHIP ->
                        standing.member(fact.occurredOn(), new IntegrationspaktenLevel(fact.level()), fact);
                case IP_LEFT -> standing.left(fact.occurredOn(), fact);
                default -> {
                }
            }
        }
        return standing;
    }

    /**
     * What decides a known ASF's place in a measure on a day: its details, its latest invitation up to the day, and
     * its membership step and level then (null when no member).
     */
    private record KnownAsf(GoalReportFact details, GoalReportFact invitation, GoalReportFact membership,
                            IntegrationspaktenLevel level) {
    }

    private static List<KnownAsf> knownAsfOn(List<GoalReportFact> facts, LocalDate day) {
        List<KnownAsf> known = new ArrayList<>();
        enterpriseHistories(facts).forEach((enterpriseId, history) -> {
            EnterpriseStanding<GoalReportFact> standing = standing(history);
            standing.knownAsfBy(day).ifPresent(details -> {
                GoalReportFact invitation = history.stream()
                        .filter(fact -> fact.type() == FactType.IP_INVITED && !fact.occurredOn().isAfter(day))
                        .reduce((earlier, later) -> later).orElse(null);
                known.add(new KnownAsf(details, invitation, standing.integrationspaktenMembershipOn(day).orElse(null),
                        standing.integrationspaktenLevelOn(day).orElse(null)));
            });
        });
        return known;
    }

    private static Outcome coverage(List<GoalReportFact> facts, int year) {
        List<KnownAsf> known = knownAsfOn(facts, LocalDate.of(year, 12, 31));
        List<GoalReportFact> making = new ArrayList<>();
        int invited = 0;
        for (KnownAsf asf : known) {
            making.add(asf.details());
            if (asf.invitation() != null) {
                invited++;
                making.add(asf.invitation());
            }
        }
        if (known.isEmpty()) {
            return new Outcome(null, null, null, List.of());
        }
        BigDecimal percent = BigDecimal.valueOf(invited * 100L)
                .divide(BigDecimal.valueOf(known.size()), 2, RoundingMode.HALF_UP);
        return new Outcome(percent, null, null, making);
    }

    /**
     * The ASF known on 31 December that are members of Integrationspakten then, at one of {@code levels} (empty:
     * at any level), each with the membership step that gives its level.
     */
    private static Outcome members(List<GoalReportFact> facts, int year, Set<String> levels) {
        List<GoalReportFact> memberships = knownAsfOn(facts, LocalDate.of(year, 12, 31)).stream()
                .filter(asf -> asf.level() != null && (levels.isEmpty() || levels.contains(asf.level().value())))
                .map(KnownAsf::membership)
                .toList();
        return new Outcome(BigDecimal.valueOf(memberships.size()), null, null, memberships);
    }

    private static GoalStatus status(Target target, BigDecimal outcome, int year, LocalDate today) {
        boolean met = outcome != null && target.comparator().isMet(outcome, target.value());
        if (year < today.getYear()) {
            return met ? GoalStatus.MET : GoalStatus.NOT_MET;
        }
        return met && target.comparator() == TargetComparator.AT_LEAST ? GoalStatus.MET : GoalStatus.IN_PROGRESS;
    }
}
