package se.asfplan.infra.planfile;

import java.util.List;

/**
 * A plan file could not be read: every problem found, each with the path of the field it concerns
 * (e.g. {@code areas[1].activities[3].kind}). Nothing was recorded.
 */
public class PlanFileException extends RuntimeException {

    private final transient List<Problem> problems;

    public PlanFileException(List<Problem> problems) {
        super("The plan file has " + problems.size() + " problem(s): " + problems.get(0).path() + ": "
                + problems.get(0).message() + (problems.size() > 1 ? " (and more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One problem in a plan file. */
    public record Problem(String path, String message) {
    }
}
