package se.asfplan.domain.meeting;

import se.asfplan.domain.shared.Identifier;
import se.asfplan.domain.shared.Values;

/** Identifies a held meeting, e.g. {@code dialogforum-2022-03}: a readable slug unique in the installation. */
public record MeetingId(String value) implements Identifier {

    /** The form of the id as a regular expression (a slug); the API description shows it. */
    public static final String PATTERN = Values.SLUG_PATTERN;

    public MeetingId {
        Values.slug(value, "meeting id");
    }

    @Override
    public String toString() {
        return value;
    }
}
