package se.asfplan.projections.goalreport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyNames;
import se.asfplan.domain.plan.PlanScope;
import se.asfplan.projections.goalreport.GoalReportFact.FactType;

/**
 * What a plan's yearly goal report counts: the facts inside the plan's scope ({@link PlanScope}), as recorded at a
 * moment. A plan covers the municipality it was adopted for until its scope is set; then what the latest scope says.
 * <ul>
 * <li>A procurement's facts count when the contracting authority it was begun by is one of the scope's
 * municipalities, or names a party of the register that the scope names or that belongs to one of its
 * municipalities (the register's names as recorded by then; names compared ignoring case and spacing).</li>
 * <li>An enterprise's facts count when its municipality, as last recorded by the end of the report's year, is one of
 * the scope's.</li>
 * <li>A fact that names one of the plan's activities as the one it carries out counts whatever its place, and so do
 * the other facts of its procurement or enterprise.</li>
 * </ul>
 * Facts of the plan itself (goals, outcomes, activities) are the plan's by their plan id.
 */
final class GoalReportScope {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String planId;
    /** Null when the facts hold no adoption of the plan: then only what carries out its activities counts. */
    private final PlanScope scope;
    private final Map<String, String> partyByName;
    private final Map<String, String> municipalityOfParty;

    private GoalReportScope(String planId, PlanScope scope, Map<String, String> partyByName,
                            Map<String, String> municipalityOfParty) {
        this.planId = planId;
        this.scope = scope;
        this.partyByName = partyByName;
        this.municipalityOfParty = municipalityOfParty;
    }

    /** The plan's scope and the register of parties as the facts recorded at or before {@code asOf} say. */
    static GoalReportScope of(List<GoalReportFact> facts, String planId, Instant asOf) {
        PlanScope scope = null;
        Map<String, String> partyByName = new HashMap<>();
        Map<String, String> municipalityOfParty = new HashMap<>();
        List<GoalReportFact> inOrder = facts.stream().filter(fact -> fact.recordedBy(asOf))
                .sorted(Comparator.comparingLong(GoalReportFact::globalIndex)).toList();
        for (GoalReportFact fact : inOrder) {
            switch (fact.type()) {
                case PLAN_ADOPTED -> {
                    if (planId.equals(fact.planId()) && scope == null) {
                        scope = PlanScope.ofMunicipality(fact.place().municipality());
                    }
                }
                case PLAN_SCOPE_SET -> {
                    if (planId.equals(fact.planId())) {
                        scope = fromJson(fact.place().planScope());
                    }
                }
                case PARTY_DETAILS -> {
                    String party = fact.place().partyId();
                    partyByName.put(PartyNames.key(fact.text()), party);
                    if (fact.place().abbreviation() != null) {
                        partyByName.put(PartyNames.key(fact.place().abbreviation()), party);
                    }
                    municipalityOfParty.put(party, fact.place().municipality());
                }
                case PARTY_NAME -> partyByName.put(PartyNames.key(fact.text()), fact.place().partyId());
                default -> {
                }
            }
        }
        return new GoalReportScope(planId, scope, partyByName, municipalityOfParty);
    }

    /** The scope the report counts; null when the plan's adoption is not among the facts. */
    PlanScope scope() {
        return scope;
    }

    /**
     * The facts the report of {@code year} counts: the plan's own and every fact outside enterprises and procurements,
     * and of those only the ones inside the scope or carrying out one of the plan's activities.
     */
    List<GoalReportFact> counted(List<GoalReportFact> facts, int year, Instant asOf) {
        Set<String> procurements = new HashSet<>();
        Set<String> enterprises = new HashSet<>();
        Map<String, GoalReportFact> latestDetails = new HashMap<>();
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Comparator<GoalReportFact> inBusinessOrder = Comparator.comparing(GoalReportFact::occurredOn)
                .thenComparingLong(GoalReportFact::globalIndex);
        for (GoalReportFact fact : facts) {
            if (!fact.recordedBy(asOf)) {
                continue;
            }
            boolean carriesOutThePlan = planId.equals(fact.place().carriesOutPlanId());
            if (fact.procurementId() != null && (carriesOutThePlan
                    || (fact.place().authority() != null && authorityInScope(fact.place().authority())))) {
                procurements.add(fact.procurementId());
            }
            if (fact.enterpriseId() != null) {
                if (carriesOutThePlan) {
                    enterprises.add(fact.enterpriseId());
                }
                if (fact.type() == FactType.ENTERPRISE_DETAILS && !fact.occurredOn().isAfter(yearEnd)) {
                    latestDetails.merge(fact.enterpriseId(), fact,
                            (one, other) -> inBusinessOrder.compare(one, other) >= 0 ? one : other);
                }
            }
        }
        latestDetails.forEach((enterprise, details) -> {
            if (scope != null && scope.coversMunicipality(details.place().municipality())) {
                enterprises.add(enterprise);
            }
        });
        return facts.stream().filter(fact -> {
            if (fact.enterpriseId() != null) {
                return enterprises.contains(fact.enterpriseId());
            }
            if (fact.procurementId() != null) {
                return procurements.contains(fact.procurementId())
                        || planId.equals(fact.place().carriesOutPlanId());
            }
            return true;
        }).toList();
    }

    /** Whether the authority is one of the scope's municipalities or a party of the register inside the scope. */
    private boolean authorityInScope(String authority) {
        if (scope == null) {
            return false;
        }
        if (scope.coversMunicipality(authority)) {
            return true;
        }
        String party = partyByName.get(PartyNames.key(authority));
        return party != null && (scope.parties().contains(new PartyId(party))
                || scope.coversMunicipality(municipalityOfParty.get(party)));
    }

    /** The scope as stored in the fact table. */
    static String toJson(PlanScope scope) {
        try {
            return JSON.writeValueAsString(Map.of("municipalities", scope.municipalities(),
                    "parties", scope.parties().stream().map(PartyId::value).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan scope could not be written as JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    static PlanScope fromJson(String json) {
        try {
            Map<String, List<String>> stored = JSON.readValue(json, Map.class);
            return new PlanScope(stored.get("municipalities"),
                    stored.get("parties").stream().map(PartyId::new).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("goal_report_fact holds a plan scope that is not JSON: " + json, e);
        }
    }
}
