package se.asfplan.domain.party;

/** What kind of body a party is. */
public enum PartyKind {
    /** The municipal or regional council (kommunfullmäktige, regionfullmäktige). */
    COUNCIL,
    /** The executive board (kommunstyrelsen, regionstyrelsen). */
    EXECUTIVE_BOARD,
    /** A committee (nämnd), e.g. arbetsmarknadsnämnden. */
    COMMITTEE,
    /** An administration (förvaltning) working for a committee, e.g. socialförvaltningen. */
    ADMINISTRATION,
    /** A company owned by the municipality or region (kommunalt bolag). */
    COMPANY,
    /** A body outside the municipality: a samordningsförbund, Arbetsförmedlingen, a region's agency, an association. */
    EXTERNAL
}
