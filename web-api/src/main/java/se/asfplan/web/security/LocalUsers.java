package se.asfplan.web.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import se.asfplan.web.security.TrackerSecurityProperties.ConfiguredUser;

/**
 * The configured users of the {@code basic} mode. The shipped users (coordinator, auditor, committee, each with its
 * name as password) are for one's own machine and the tests: outside the {@code local} and {@code test} profiles
 * the service refuses to start while any user still has a default password.
 */
final class LocalUsers {

    /** The profiles in which default passwords are tolerated. */
    static final Profiles DEFAULT_PASSWORDS_ALLOWED = Profiles.of("local | test");

    /** The passwords application.yml ships with. */
    static final Set<String> SHIPPED_PASSWORDS = Set.of("coordinator", "auditor", "committee");

    private LocalUsers() {
    }

    static UserDetailsService of(List<ConfiguredUser> users, Environment environment) {
        if (users.isEmpty()) {
            throw new UnsafeSecurityConfigurationException("No user is configured under tracker.security.users, so "
                    + "nobody could sign in (tracker.security.mode is basic).",
                    "Configure users (TRACKER_SECURITY_USERS_0_NAME, ..._PASSWORD, ..._ROLE) or switch to "
                            + "tracker.security.mode=oidc.");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            ConfiguredUser user = users.get(i);
            if (user.name() == null || user.name().isBlank() || user.role() == null || user.password() == null
                    || user.password().isBlank()) {
                problems.add("tracker.security.users[" + i + "] needs a name, a password and a role");
            }
        }
        if (!problems.isEmpty()) {
            throw new UnsafeSecurityConfigurationException(String.join("; ", problems) + ".",
                    "Give every configured user a name, a non-blank password and one of the roles COORDINATOR, "
                            + "AUDITOR or COMMITTEE. A list is taken whole from one source: overriding "
                            + "TRACKER_SECURITY_USERS_0_PASSWORD alone drops the name and role from application.yml.");
        }
        if (!environment.acceptsProfiles(DEFAULT_PASSWORDS_ALLOWED)) {
            List<String> defaults = users.stream().filter(LocalUsers::hasDefaultPassword)
                    .map(ConfiguredUser::name).toList();
            if (!defaults.isEmpty()) {
                throw new UnsafeSecurityConfigurationException("Refusing to start: the user(s) " + defaults
                        + " still have a default password (equal to the user name, or one of the shipped passwords "
                        + SHIPPED_PASSWORDS.stream().sorted().toList() + "), and default passwords are allowed only "
                        + "in the profiles 'local' and 'test' (active profiles: "
                        + List.of(environment.getActiveProfiles()) + ").",
                        "Configure the users with passwords of your own (TRACKER_SECURITY_USERS_<index>_NAME, "
                                + "TRACKER_SECURITY_USERS_<index>_PASSWORD, best as {bcrypt}..., and "
                                + "TRACKER_SECURITY_USERS_<index>_ROLE for every user from index 0: the list is taken "
                                + "whole from one source), run with the profile 'local' on your own machine, or sign "
                                + "users in through your OIDC provider (tracker.security.mode=oidc).");
            }
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> details = users.stream()
                .map(user -> User.withUsername(user.name())
                        .password(user.password().startsWith("{") ? user.password() : encoder.encode(user.password()))
                        .roles(user.role().name())
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(details);
    }

    /** Whether the user's password is its own name or one of the shipped ones, in plain text or as {noop}. */
    static boolean hasDefaultPassword(ConfiguredUser user) {
        String password = user.password().startsWith("{noop}") ? user.password().substring("{noop}".length())
                : user.password();
        String plain = password.strip().toLowerCase(Locale.ROOT);
        return plain.equals(user.name().strip().toLowerCase(Locale.ROOT)) || SHIPPED_PASSWORDS.contains(plain);
    }
}
