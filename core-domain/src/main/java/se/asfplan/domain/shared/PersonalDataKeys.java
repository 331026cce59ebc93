package se.asfplan.domain.shared;

/**
 * The keys that personal data in the event log is encrypted under, one per person (subject), kept outside the log.
 * Destroying a subject's key erases every name stored under it (crypto-shredding) without changing a single stored
 * event. An implementation destroys the key in the same transaction as the events that record the erasure, so a
 * refused or failed erasure destroys nothing.
 */
public interface PersonalDataKeys {

    /**
     * Destroys the key of the subject for good; a subject with no key yet gets one that is destroyed, so that no name
     * can be stored under it later either.
     */
    void destroy(String subject);
}
