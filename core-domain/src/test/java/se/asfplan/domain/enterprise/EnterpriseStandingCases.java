package se.asfplan.domain.enterprise;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The cases of {@link EnterpriseStanding}'s tests, written as one line of facts in the order stored: {@code date what}
 * separated by {@code ;}, where {@code what} is {@code asf} or {@code not-asf} (details that meet or miss the four
 * criteria), {@code closed}, {@code member:level} (joined or level changed), {@code left}, or {@code retract:n}, which
 * takes out the n-th fact (counting from 1). Public, and shipped in core-domain's test jar, so that a read model's
 * test can record the same cases and compare its answer with the definition's.
 */
public final class EnterpriseStandingCases {

    /** One fact of a case: its business date, what it is, and its argument (a level, or the fact retracted). */
    public record Fact(LocalDate on, String what, String argument) {
    }

    private EnterpriseStandingCases() {
    }

    /** The facts of a case, in the order stored. */
    public static List<Fact> facts(String facts) {
        return Arrays.stream(facts.split(";")).map(String::strip).map(written -> {
            String[] parts = written.split(" ");
            String[] what = parts[1].split(":", 2);
            return new Fact(LocalDate.parse(parts[0]), what[0], what.length > 1 ? what[1] : null);
        }).toList();
    }

    /** The standing of a case's facts, each named by its position. */
    public static EnterpriseStanding<Integer> standing(String facts) {
        EnterpriseStanding<Integer> standing = new EnterpriseStanding<>();
        List<Fact> written = facts(facts);
        for (int position = 1; position <= written.size(); position++) {
            Fact fact = written.get(position - 1);
            switch (fact.what()) {
                case "asf", "not-asf" -> standing.details(fact.on(), fact.what().equals("asf"), position);
                case "closed" -> standing.closed(fact.on(), position);
                case "member" -> standing.member(fact.on(), new IntegrationspaktenLevel(fact.argument()), position);
                case "left" -> standing.left(fact.on(), position);
                case "retract" -> standing.retracted(Integer.parseInt(fact.argument()));
                default -> throw new IllegalArgumentException("no such fact in a case: " + fact.what());
            }
        }
        return standing;
    }
}
