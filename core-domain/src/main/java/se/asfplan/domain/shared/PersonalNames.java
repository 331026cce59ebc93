package se.asfplan.domain.shared;

/**
 * Names that may identify a person: a sole trader's (enskild firma) name is usually its owner's. The event log
 * keeps such a name only encrypted under a key of its own, kept outside the log (infra); erasing the name (gallring
 * under arkivlagen, on a formal decision) destroys that key. Every read of the name after that answers
 * {@link #ERASED} in its place: the events stay as they were stored, only the name can no longer be read.
 */
public final class PersonalNames {

    /**
     * What every read shows in place of an erased name, on pages and in the API alike. No name can be registered
     * as this text.
     */
    public static final String ERASED = "[namn raderat]";

    private PersonalNames() {
    }

    /** Whether the name read is the marker of an erased name. */
    public static boolean isErased(String name) {
        return ERASED.equals(name);
    }
}
