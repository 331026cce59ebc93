package se.asfplan.domain.plan;

import se.asfplan.domain.shared.Values;

/**
 * The formal decision behind a plan, a revision or a goal: the deciding body (a nämnd, kommunstyrelsen,
 * a bolag's board), its registry reference (diarienummer) and the paragraph (§) in the minutes, when known.
 */
public record Decision(String body, String reference, String paragraph) {

    public Decision {
        body = Values.text(body, "decision body", 200);
        reference = Values.optionalText(reference, "decision reference", 100);
        paragraph = Values.optionalText(paragraph, "decision paragraph", 50);
    }

    public static Decision by(String body) {
        return new Decision(body, null, null);
    }
}
