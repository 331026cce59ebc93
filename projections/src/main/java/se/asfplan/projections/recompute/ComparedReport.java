package se.asfplan.projections.recompute;

import java.util.List;

/**
 * A report an auditor reads, computed from one read model's generation, so that a recomputation can ask it of the
 * live and of the recomputed generation and compare the answers figure by figure.
 */
public interface ComparedReport {

    /** The processing group whose generation the report reads. */
    String processingGroup();

    /** The report's name in a difference ({@code yearly-goals}). */
    String name();

    /**
     * The questions to ask of both generations (a plan and a year, a plan, or one question), from what either
     * generation holds, so that a question only one of them could answer is asked of both.
     */
    List<String> questions(int liveGeneration, int recomputedGeneration);

    /** The report's answer to the question, read from the given generation only. */
    Object answer(String question, int generation);
}
