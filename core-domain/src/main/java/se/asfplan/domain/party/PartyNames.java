package se.asfplan.domain.party;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Which party each name names: every name, abbreviation and other name a party in the register has had. Kept in the
 * same transaction as the party's events, so that a name can never name two parties, and read by the procurement
 * rules to count what was recorded under any of a party's names as one authority's.
 */
public interface PartyNames {

    /**
     * The party the name names, compared by {@link #key}; empty when none does. Holds the name for the rest of the
     * transaction, so that two parties cannot take it at the same moment.
     */
    Optional<PartyId> partyNamed(String name);

    /** Records that the name names the party from now on. */
    void name(PartyId party, String name);

    /** Whether the party is in the register (it has at least its name). */
    boolean isRegistered(PartyId party);

    /**
     * The form names are compared in: Unicode-normalised (NFKC), lower case, runs of spaces as one space, trimmed.
     * "Arbetsmarknadsnämnden" and "ARBETSMARKNADSNÄMNDEN " are one name; "Arbetsmarknadsnämnden (AMN)" is another,
     * until it is recorded as one of the party's names.
     */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * The {@link #key} as a table stores it: the key itself, or for a key longer than {@value #STORED_KEY_MAX}
     * characters (Unicode normalisation may lengthen a 200-character name many times over) its SHA-256 digest in
     * hex after {@code sha256:}, so that every key fits the column and its index.
     */
    static String storedKey(String name) {
        String key = key(name);
        if (key.length() <= STORED_KEY_MAX) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The longest key stored as it is; see {@link #storedKey}. */
    int STORED_KEY_MAX = 500;
}
