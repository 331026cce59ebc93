package se.asfplan.infra.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The key store's contract held in a map, for tests without a database. */
final class InMemoryKeyStore extends PersonalDataKeyStore {

    private final Map<String, KeyState> keys = new HashMap<>();

    InMemoryKeyStore() {
        super(null, null, Clock.systemUTC());
    }

    @Override
    public KeyState state(String subject) {
        return keys.getOrDefault(subject, new Absent());
    }

    @Override
    public byte[] keyFor(String subject) {
        KeyState state = state(subject);
        if (state instanceof Destroyed) {
            throw new IllegalStateException("erased");
        }
        if (state instanceof Active active) {
            return active.key();
        }
        byte[] key = NameCipher.newKey();
        keys.put(subject, new Active(key));
        return key;
    }

    @Override
    public void destroy(String subject) {
        keys.put(subject, new Destroyed(Instant.now()));
    }
}
