package se.asfplan.web.api.problem;

/** A read asked for something that is not (yet) in the read model. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
