package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(clock, 3, 5, Duration.ofMinutes(15));

    @Test
    void aUserIsLockedAtTheAddressAfterTheFailuresAndFreedWhenTheLockEnds() {
        throttle.failed("anna", "10.0.0.1");
        throttle.failed("anna", "10.0.0.1");
        assertThat(throttle.locked("anna", "10.0.0.1")).isEmpty();
        throttle.failed("Anna", "10.0.0.1");
        assertThat(throttle.locked("anna", "10.0.0.1")).contains(Duration.ofMinutes(15));
        assertThat(throttle.locked("anna", "10.0.0.2")).as("elsewhere the user still signs in").isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(throttle.locked("anna", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCountAndASuccessClearsTheCount() {
        throttle.failed("anna", "10.0.0.1");
        throttle.failed("anna", "10.0.0.1");
        clock.now = clock.now.plus(SignInThrottle.WINDOW).plusSeconds(1);
        throttle.failed("anna", "10.0.0.1");
        assertThat(throttle.locked("anna", "10.0.0.1")).isEmpty();
        throttle.failed("anna", "10.0.0.1");
        throttle.succeeded("anna", "10.0.0.1");
        throttle.failed("anna", "10.0.0.1");
        assertThat(throttle.locked("anna", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAddressIsLockedAfterItsFailuresWhicheverUsersTheyName() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user-" + i, "10.0.0.9");
        }
        assertThat(throttle.locked("someone-else", "10.0.0.9")).isPresent();
        assertThat(throttle.locked("someone-else", "10.0.0.8")).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
