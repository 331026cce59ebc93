package se.asfplan.domain.plan;

import java.util.LinkedHashSet;
import java.util.List;

import se.asfplan.domain.shared.Values;

/**
 * Who carries an activity: the lead responsible party and the other involved parties, by name
 * (e.g. "Stockholm Business Region (SBR)"). Parties are organisations, never persons.
 */
public record Responsibility(String lead, List<String> involved) {

    public Responsibility {
        lead = Values.text(lead, "lead party", 200);
        var distinct = new LinkedHashSet<String>();
        for (String party : involved == null ? List.<String>of() : involved) {
            String name = Values.text(party, "involved party", 200);
            if (!name.equals(lead)) {
                distinct.add(name);
            }
        }
        if (distinct.size() > 30) {
            throw new IllegalArgumentException("at most 30 involved parties, but got " + distinct.size());
        }
        involved = List.copyOf(distinct);
    }

    public static Responsibility of(String lead, String... involved) {
        return new Responsibility(lead, List.of(involved));
    }
}
