package se.asfplan.domain.shared;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The facts of one record (an enterprise, a meeting, a procurement, a plan) that a retraction may name, by the
 * identifier of the event that recorded them, and which of them are already retracted. A fact recorded in error is
 * never edited or removed: a retraction is a new event that names the fact's event identifier and says why. A
 * correction is a retraction followed by a new recording of the right fact.
 *
 * <p>The aggregate notes each retractable fact in its event handler ({@link #recorded}) and each retraction
 * ({@link #retracted}); its command handler asks {@link #retractable} before it applies a retraction. Value equality,
 * so that an aggregate rebuilt from its events equals the one that recorded them.
 */
public final class RetractableFacts {

    /** The longest event identifier a command may name (Axon's are UUIDs; the event store column holds 255). */
    public static final int EVENT_ID_MAX = 255;

    private final Map<String, String> factById = new HashMap<>();
    private final Set<String> retractedIds = new HashSet<>();

    /**
     * Notes a retractable fact: the identifier of the event that recorded it and the event, whose {@link FactName}
     * names the fact.
     *
     * @throws IllegalArgumentException for an event that records no retractable fact
     */
    public void recorded(String eventId, Object event) {
        factById.put(eventId, FactName.Of.event(event));
    }

    /** Notes that the fact recorded by {@code eventId} is retracted. */
    public void retracted(String eventId) {
        retractedIds.add(eventId);
    }

    public boolean isRetracted(String eventId) {
        return retractedIds.contains(eventId);
    }

    /** The fact's stored name, or null when this record holds no such retractable fact. */
    public String factOf(String eventId) {
        return factById.get(eventId);
    }

    /**
     * The stored name ({@link FactName}) of the fact a retraction may name, after checking that it is one of this record's retractable facts
     * and not yet retracted.
     *
     * @param eventId          the identifier the command names; blank or missing is bad input (400)
     * @param notInRecord      the rule broken when the record holds no retractable fact with that identifier
     * @param alreadyRetracted the rule broken when the fact is already retracted
     * @param record           the record in words, for the refusal's message ("enterprise kafe-kompassen")
     */
    public String retractable(String eventId, RuleCode notInRecord, RuleCode alreadyRetracted, String record) {
        String id = eventId(eventId);
        String fact = factById.get(id);
        if (fact == null) {
            throw new RuleViolationException(notInRecord, "The record of " + record + " holds no fact recorded by"
                    + " event " + id + " that can be retracted; only this record's own invitations, memberships,"
                    + " advice, participations, steps, notes and reports can be");
        }
        if (retractedIds.contains(id)) {
            throw new RuleViolationException(alreadyRetracted, "The " + fact + " recorded by event " + id
                    + " of " + record + " is already retracted");
        }
        return fact;
    }

    /** An event identifier as a command gives it: required, trimmed, at most {@value #EVENT_ID_MAX} characters. */
    private static String eventId(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("eventId must be given");
        }
        String id = eventId.strip();
        if (id.length() > EVENT_ID_MAX) {
            throw new IllegalArgumentException("eventId must be at most " + EVENT_ID_MAX + " characters");
        }
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetractableFacts that && factById.equals(that.factById)
                && retractedIds.equals(that.retractedIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(factById, retractedIds);
    }
}
