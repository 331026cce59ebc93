package se.asfplan.web.api;

/** A read asked for something that is not (yet) in the read model. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
