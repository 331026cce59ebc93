package se.asfplan.domain.plan;

import se.asfplan.domain.shared.Values;

/**
 * One of the plan's own texts: a heading and its text, such as "Syfte", "Omfattning", "Ansvar" or "Uppföljning".
 * A plan keeps its sections in the order it has them.
 */
public record PlanSection(String heading, String text) {

    public static final int HEADING_MAX = 200;
    public static final int TEXT_MAX = 20_000;

    public PlanSection {
        heading = Values.text(heading, "section heading", HEADING_MAX);
        text = Values.text(text, "section text", TEXT_MAX);
    }
}
