package se.asfplan.domain.shared;

/**
 * A typed identifier whose whole meaning is one string. Serialisers write it as that plain string, and
 * {@link #toString()} must return it too, because Axon routes commands by the identifier's string form.
 */
public interface Identifier {

    String value();
}
