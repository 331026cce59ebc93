package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordsTest {

    private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    @Test
    void aVerifiedPasswordIsNotCheckedAgainUntilItsTimeIsUp() {
        MutableClock clock = new MutableClock();
        VerifiedPasswords passwords = new VerifiedPasswords(counting, clock);
        String stored = passwords.encode("hemligt-lösenord");

        assertThat(passwords.matches("hemligt-lösenord", stored)).isTrue();
        assertThat(passwords.matches("hemligt-lösenord", stored)).isTrue();
        assertThat(checks).hasValue(1);

        clock.now = clock.now.plus(VerifiedPasswords.TTL).plusSeconds(1);
        assertThat(passwords.matches("hemligt-lösenord", stored)).isTrue();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndNeverRemembered() {
        VerifiedPasswords passwords = new VerifiedPasswords(counting, new MutableClock());
        String stored = passwords.encode("rätt");
        assertThat(passwords.matches("fel", stored)).isFalse();
        assertThat(passwords.matches("fel", stored)).isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aChangedPasswordNoLongerMatchesTheOldOne() {
        VerifiedPasswords passwords = new VerifiedPasswords(counting, new MutableClock());
        String before = passwords.encode("gammalt");
        assertThat(passwords.matches("gammalt", before)).isTrue();
        String after = passwords.encode("nytt");
        assertThat(passwords.matches("gammalt", after)).isFalse();
        assertThat(passwords.matches("nytt", after)).isTrue();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
