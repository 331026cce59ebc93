package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import se.asfplan.web.security.TrackerSecurityProperties.ConfiguredUser;

/** Default passwords are for one's own machine and the tests only. */
class LocalUsersTest {

    private static final List<ConfiguredUser> SHIPPED = List.of(
            new ConfiguredUser("coordinator", "coordinator", Role.COORDINATOR),
            new ConfiguredUser("auditor", "auditor", Role.AUDITOR),
            new ConfiguredUser("committee", "committee", Role.COMMITTEE));

    @Test
    void aPasswordEqualToTheNameOrShippedIsADefaultOne() {
        assertThat(LocalUsers.hasDefaultPassword(new ConfiguredUser("anna", "anna", Role.COORDINATOR))).isTrue();
        assertThat(LocalUsers.hasDefaultPassword(new ConfiguredUser("anna", "{noop}Anna ", Role.COORDINATOR)))
                .isTrue();
        assertThat(LocalUsers.hasDefaultPassword(new ConfiguredUser("anna", "committee", Role.COORDINATOR))).isTrue();
        assertThat(LocalUsers.hasDefaultPassword(new ConfiguredUser("anna", "{noop}auditor", Role.AUDITOR))).isTrue();
        assertThat(LocalUsers.hasDefaultPassword(new ConfiguredUser("anna", "k0rrekt-H4st", Role.AUDITOR))).isFalse();
        assertThat(LocalUsers.hasDefaultPassword(new ConfiguredUser("coordinator",
                "{bcrypt}" + new BCryptPasswordEncoder(4).encode("x-long-secret"), Role.COORDINATOR))).isFalse();
    }

    @Test
    void refusesDefaultPasswordsOutsideTheLocalAndTestProfilesNamingUsersAndRule() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        List<ConfiguredUser> oneChanged = List.of(new ConfiguredUser("coordinator", "S3kret-och-l4ngt", Role.COORDINATOR),
                SHIPPED.get(1), SHIPPED.get(2));

        assertThatThrownBy(() -> LocalUsers.of(oneChanged, production))
                .isInstanceOf(UnsafeSecurityConfigurationException.class)
                .hasMessageContaining("[auditor, committee] still have a default password")
                .hasMessageContaining("only in the profiles 'local' and 'test' (active profiles: [prod])")
                .hasMessageNotContaining("coordinator,")
                .satisfies(e -> assertThat(((UnsafeSecurityConfigurationException) e).action())
                        .contains("TRACKER_SECURITY_USERS_<index>_PASSWORD", "taken whole from one source"));
    }

    @Test
    void acceptsThemInTheLocalProfileAlsoAsTheDefaultProfileAndInTests() {
        MockEnvironment noProfile = new MockEnvironment();
        noProfile.setDefaultProfiles("local");
        MockEnvironment test = new MockEnvironment();
        test.setActiveProfiles("test");
        MockEnvironment localAndMore = new MockEnvironment();
        localAndMore.setActiveProfiles("local", "postgres");

        for (MockEnvironment environment : List.of(noProfile, test, localAndMore)) {
            UserDetailsService users = LocalUsers.of(SHIPPED, environment);
            var auditor = users.loadUserByUsername("auditor");
            assertThat(auditor.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AUDITOR");
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("auditor",
                    auditor.getPassword())).isTrue();
        }
    }

    @Test
    void acceptsOwnPasswordsInAnyProfileAndRefusesIncompleteUsers() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("ett-eget-l4ngt-losenord");
        UserDetailsService users = LocalUsers.of(List.of(new ConfiguredUser("coordinator", hash, Role.COORDINATOR)),
                production);
        assertThat(users.loadUserByUsername("coordinator").getPassword()).isEqualTo(hash);

        assertThatThrownBy(() -> LocalUsers.of(List.of(new ConfiguredUser("anna", " ", Role.AUDITOR)), production))
                .isInstanceOf(UnsafeSecurityConfigurationException.class)
                .hasMessageContaining("tracker.security.users[0] needs a name, a password and a role");
        assertThatThrownBy(() -> LocalUsers.of(List.of(), production))
                .isInstanceOf(UnsafeSecurityConfigurationException.class).hasMessageContaining("No user is configured");
    }
}
