package se.asfplan.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Throttles guessing of passwords: failed sign-ins with a user name and password are counted per user name from one
 * client address and per client address over {@link #WINDOW}; after {@code failuresPerUser} failures of one user from
 * one address, or {@code failuresPerAddress} from one address, that user at that address, or the address, is locked
 * for {@code lock}, and every sign-in attempt under the lock is answered 429 with {@code Retry-After} before any
 * password is checked ({@link SignInThrottleFilter}), so a locked attacker costs no BCrypt run. Someone guessing a
 * user's password from elsewhere does not lock the user out at their own address. A successful sign-in clears the
 * user's count at that address. Each lock is logged (user name and address, never a password). The counts are kept
 * per service node, in memory: a restart clears them.
 */
@Component
public class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final Clock clock;
    private final int userFailures;
    private final int addressFailures;
    private final Duration lock;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_TRACKED;
        }
    };
    private final Map<String, Instant> locks = new LinkedHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public SignInThrottle(@Value("${tracker.security.sign-in.failures-per-user:10}") int failuresPerUser,
                          @Value("${tracker.security.sign-in.failures-per-address:50}") int failuresPerAddress,
                          @Value("${tracker.security.sign-in.lock:PT15M}") Duration lock) {
        this(Clock.systemUTC(), failuresPerUser, failuresPerAddress, lock);
    }

    SignInThrottle(Clock clock, int failuresPerUser, int failuresPerAddress, Duration lock) {
        if (failuresPerUser < 1 || failuresPerAddress < 1 || lock.isNegative() || lock.isZero()) {
            throw new IllegalStateException("tracker.security.sign-in: failures-per-user and failures-per-address "
                    + "must be at least 1 and lock a positive duration (such as PT15M)");
        }
        this.clock = clock;
        this.userFailures = failuresPerUser;
        this.addressFailures = failuresPerAddress;
        this.lock = lock;
    }

    /** How long the user at this address, or the address, is still locked, if either is. */
    public synchronized Optional<Duration> locked(String user, String address) {
        Instant now = clock.instant();
        Instant until = later(lockOf(userKey(user, address), now), lockOf(addressKey(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        count(userKey(user, address), userFailures, now, "user " + user + " from " + address);
        count(addressKey(address), addressFailures, now, "address " + address);
    }

    synchronized void succeeded(String user, String address) {
        String key = userKey(user, address);
        if (key != null) {
            failures.remove(key);
        }
    }

    /** A wrong user name or password; token failures (OIDC) are the identity provider's to throttle. */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
            failed(String.valueOf(attempt.getName()), address(attempt.getDetails()));
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            succeeded(signedIn.getName(), address(signedIn.getDetails()));
        }
    }

    private void count(String key, int limit, Instant now, String who) {
        if (key == null) {
            return;
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            locks.put(key, now.plus(lock));
            times.clear();
            log.warn("Sign-in locked for {} s: {} failed sign-ins of {} within {} minutes", lock.toSeconds(),
                    limit, who, WINDOW.toMinutes());
        }
    }

    private Instant lockOf(String key, Instant now) {
        if (key == null) {
            return null;
        }
        Instant until = locks.get(key);
        if (until != null && !now.isBefore(until)) {
            locks.remove(key);
            return null;
        }
        return until;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String userKey(String user, String address) {
        return user == null || user.isBlank() ? null
                : "user:" + user.strip().toLowerCase(Locale.ROOT) + "@" + address;
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
