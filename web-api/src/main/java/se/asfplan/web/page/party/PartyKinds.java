package se.asfplan.web.page.party;

import se.asfplan.domain.party.PartyKind;

/** The Swedish names of the kinds of party. */
final class PartyKinds {

    private PartyKinds() {
    }

    static String swedishName(PartyKind kind) {
        return switch (kind) {
            case COUNCIL -> "Fullmäktige";
            case EXECUTIVE_BOARD -> "Kommunstyrelse eller regionstyrelse";
            case COMMITTEE -> "Nämnd";
            case ADMINISTRATION -> "Förvaltning";
            case COMPANY -> "Kommunalt bolag";
            case EXTERNAL -> "Extern aktör";
        };
    }
}
