package se.asfplan.projections.recompute;

/** A recomputation that cannot start now, because another one is under way: the message says which. */
public class RecomputationConflictException extends RuntimeException {

    public RecomputationConflictException(String message) {
        super(message);
    }
}
