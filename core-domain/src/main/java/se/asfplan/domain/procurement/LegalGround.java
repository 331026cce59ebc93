package se.asfplan.domain.procurement;

import se.asfplan.domain.shared.Values;

/**
 * The statutory provision a reserved procurement rests on: a stable {@code id} (e.g. {@code lou-19-6a}) and the
 * {@code citation} as written in decisions (e.g. "LOU 19 kap. 6 a §").
 */
public record LegalGround(String id, String citation) {

    /** The employment reservation; its wording has not changed with the 2022 renumbering of chapter 19. */
    public static final LegalGround EMPLOYMENT_RESERVATION = new LegalGround("lou-4-18", "LOU 4 kap. 18 §");

    public LegalGround {
        Values.slug(id, "legal ground id");
        citation = Values.text(citation, "legal ground citation", 100);
    }
}
