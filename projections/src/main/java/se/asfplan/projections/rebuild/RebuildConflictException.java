package se.asfplan.projections.rebuild;

/** A rebuild or a switch that the projection's present state does not allow: the message says which and why. */
public class RebuildConflictException extends RuntimeException {

    public RebuildConflictException(String message) {
        super(message);
    }
}
