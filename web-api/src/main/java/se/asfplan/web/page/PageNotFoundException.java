package se.asfplan.web.page;

/** A page asked for something that does not exist: answered 404 with the Swedish message. */
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String swedishMessage) {
        super(swedishMessage);
    }
}
