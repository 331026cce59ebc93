package se.asfplan.domain.enterprise;

/** The legal forms (juridiska former) a social enterprise in the register can have. */
public enum LegalForm {
    AKTIEBOLAG("aktiebolag"),
    /** Aktiebolag med särskild vinstutdelningsbegränsning (svb): a limited company with capped dividends. */
    AKTIEBOLAG_SVB("aktiebolag med särskild vinstutdelningsbegränsning"),
    EKONOMISK_FORENING("ekonomisk förening"),
    IDEELL_FORENING("ideell förening"),
    STIFTELSE("stiftelse"),
    /**
     * A sole trader. Its organisation number is the owner's personnummer, so it is registered without one: the
     * event log is immutable and must hold no personal data.
     */
    ENSKILD_FIRMA("enskild firma");

    private final String swedishName;

    LegalForm(String swedishName) {
        this.swedishName = swedishName;
    }

    public String swedishName() {
        return swedishName;
    }

    /** Whether an enterprise of this form is registered with its organisation number. */
    public boolean hasOrganisationNumber() {
        return this != ENSKILD_FIRMA;
    }
}
