package se.asfplan.web.round;

import java.util.Locale;

import se.asfplan.domain.round.RoundSubject;

/** A round's subject as the API writes it: {@code activity:<id>} or {@code goal:<id>}. */
public final class RoundSubjects {

    private RoundSubjects() {
    }

    public static RoundSubject parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("subject must be activity:<id> or goal:<id>, but was '" + text + "'");
        }
        String kind = text.substring(0, colon).strip().toUpperCase(Locale.ROOT);
        if (!kind.equals("ACTIVITY") && !kind.equals("GOAL")) {
            throw new IllegalArgumentException("subject must be activity:<id> or goal:<id>, but was '" + text + "'");
        }
        return new RoundSubject(RoundSubject.Kind.valueOf(kind), text.substring(colon + 1).strip());
    }

    public static String text(RoundSubject subject) {
        return subject.kind().name().toLowerCase(Locale.ROOT) + ":" + subject.id();
    }
}
