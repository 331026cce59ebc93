package se.asfplan.domain.plan;

/**
 * What a decision in a plan's chain did: a nämnd proposed the plan (förslag), a body adopted it (antagande, only the
 * decision recorded with the plan), another body approved it later (godkännande), or a later decision amended it
 * (ändring).
 */
public enum DecisionKind {
    PROPOSAL,
    ADOPTION,
    APPROVAL,
    AMENDMENT
}
