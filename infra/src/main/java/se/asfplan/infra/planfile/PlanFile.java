package se.asfplan.infra.planfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plan file as written, before any check: field names are the documented format's. Converted to commands by
 * {@link PlanFileReader}, which reports every problem with its path in the file.
 */
record PlanFile(String format, String id, String title, String municipality, Adopted adopted, Period period,
                List<Section> sections, List<Party> parties, List<Area> areas, List<Goal> goals,
                List<DecisionInChain> decisions, Scope scope) {

    /** What the plan covers: its municipalities (at least one) and parties of the register by id. */
    record Scope(List<String> municipalities, List<String> parties) {
    }

    /** A party of the register the plan names, registered with the plan unless registered with these details. */
    record Party(String id, String name, String abbreviation, String kind, String municipality) {
    }

    record Section(String heading, String text) {
    }

    record DecisionInChain(String id, String kind, LocalDate on, String body, String reference, String paragraph,
                           String summary) {
    }

    record Adopted(LocalDate on, String body, String reference, String paragraph) {
    }

    record Period(Integer from, Integer to) {
    }

    record Area(String id, Integer number, String name, String description, List<Activity> activities) {
    }

    /** One lead ({@code lead}) or several ({@code leads}), and {@code allCommittees} for "samtliga nämnder". */
    record Activity(String id, String kind, String title, String description, String lead, List<String> leads,
                    Boolean allCommittees, List<String> involved, JsonNode timeline, UnderWay underWay) {
    }

    record UnderWay(LocalDate since, Boolean sinceBeforePlan) {
    }

    /** A goal for one {@code year}, or a recurring goal for each of its {@code years} ('every' or {from, to}). */
    record Goal(String id, Integer year, String kind, String indicator, String comparator, BigDecimal target,
                String unit, String activity, DecisionMade decision, String measure, JsonNode years) {
    }

    record DecisionMade(String body, String reference, String paragraph) {
    }
}
