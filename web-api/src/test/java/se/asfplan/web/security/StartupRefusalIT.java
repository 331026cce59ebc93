package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import se.asfplan.web.TrackerApplication;

/**
 * The service as the jar starts it: with the shipped users it runs in the 'local' profile (the default) and
 * refuses to start in any profile other than 'local' or 'test' until their passwords are changed, saying which
 * users and why; in the oidc mode it refuses to start without issuer, audience and keys.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalIT {

    @Test
    void refusesTheShippedPasswordsInTheProdProfileNamingUsersAndRule(CapturedOutput output) {
        assertThatThrownBy(() -> start(withKey("--spring.profiles.active=prod")).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(UnsafeSecurityConfigurationException.class)
                        .hasMessageContaining("the user(s) [coordinator, auditor, committee] still have a default "
                                + "password (equal to the user name, or one of the shipped passwords")
                        .hasMessageContaining("allowed only in the profiles 'local' and 'test' (active profiles: [prod])"));
        assertThat(output).contains("APPLICATION FAILED TO START", "Refusing to start: the user(s)",
                "TRACKER_SECURITY_USERS_<index>_NAME");
    }

    @Test
    void startsWithTheShippedPasswordsInTheLocalProfileAndWithOwnPasswordsInProd() {
        try (ConfigurableApplicationContext local = start("--spring.profiles.active=local")) {
            assertThat(local.getBean(UserDetailsService.class).loadUserByUsername("committee")).isNotNull();
        }
        // a list is bound whole from the source that has it, so each user is given in full
        se.asfplan.infra.chain.CheckpointSigner key = se.asfplan.infra.chain.CheckpointSigner.generate();
        try (ConfigurableApplicationContext prod = start("--spring.profiles.active=prod",
                "--tracker.audit.signing-key=" + key.privateKeyBase64(),
                "--tracker.audit.signing-public-key=" + key.publicKeyBase64(),
                "--tracker.security.users[0].name=anna", "--tracker.security.users[0].password=ett-eget-losenord",
                "--tracker.security.users[0].role=COORDINATOR", "--tracker.security.users[1].name=rolf",
                "--tracker.security.users[1].password={bcrypt}" + new BCryptPasswordEncoder(4).encode("rolfs-eget"),
                "--tracker.security.users[1].role=AUDITOR")) {
            assertThat(prod.getBean(UserDetailsService.class).loadUserByUsername("rolf").getAuthorities())
                    .extracting(Object::toString).containsExactly("ROLE_AUDITOR");
            assertThatThrownBy(() -> prod.getBean(UserDetailsService.class).loadUserByUsername("coordinator"))
                    .as("the shipped users are replaced, not added to").isInstanceOf(Exception.class);
        }
    }

    @Test
    void refusesToSignCheckpointsWithAGeneratedKeyInProd() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod",
                "--tracker.security.users[0].name=anna", "--tracker.security.users[0].password=ett-eget-losenord",
                "--tracker.security.users[0].role=COORDINATOR").close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .hasMessageContaining("No key to sign the event log's checkpoints: set "
                                + "TRACKER_AUDIT_SIGNING_KEY and TRACKER_AUDIT_SIGNING_PUBLIC_KEY")
                        .hasMessageContaining("active profiles: [prod]"));
        se.asfplan.infra.chain.CheckpointSigner one = se.asfplan.infra.chain.CheckpointSigner.generate();
        se.asfplan.infra.chain.CheckpointSigner two = se.asfplan.infra.chain.CheckpointSigner.generate();
        assertThatThrownBy(() -> start("--spring.profiles.active=local",
                "--tracker.audit.signing-key=" + one.privateKeyBase64(),
                "--tracker.audit.signing-public-key=" + two.publicKeyBase64()).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .hasMessageContaining("The public key does not belong to the private key"));
    }

    @Test
    void refusesTheOidcModeWithoutIssuerAudienceAndKeys() {
        assertThatThrownBy(() -> start(withKey("--spring.profiles.active=prod,oidc")).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(UnsafeSecurityConfigurationException.class)
                        .hasMessageContaining("tracker.security.mode is oidc, but these settings are missing: "
                                + "tracker.security.oidc.issuer (TRACKER_SECURITY_OIDC_ISSUER); "
                                + "tracker.security.oidc.audience"));
    }

    /** The arguments and a configured key for the checkpoints, which a profile other than local and test needs. */
    private static String[] withKey(String... arguments) {
        se.asfplan.infra.chain.CheckpointSigner key = se.asfplan.infra.chain.CheckpointSigner.generate();
        List<String> args = new ArrayList<>(List.of(arguments));
        args.add("--tracker.audit.signing-key=" + key.privateKeyBase64());
        args.add("--tracker.audit.signing-public-key=" + key.publicKeyBase64());
        return args.toArray(String[]::new);
    }

    /** Starts the web application on a private in-memory H2 database and a free port, importing nothing. */
    private static ConfigurableApplicationContext start(String... arguments) {
        List<String> args = new ArrayList<>(List.of(arguments));
        args.add("--spring.datasource.url=jdbc:h2:mem:refusal-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;USER=sa;PASSWORD=");
        args.add("--server.port=0");
        args.add("--tracker.plans.import-on-start=");
        // command-line arguments outrank application.yml, so they decide as environment variables would
        return new SpringApplicationBuilder(TrackerApplication.class).web(WebApplicationType.SERVLET)
                .logStartupInfo(false).run(args.toArray(String[]::new));
    }
}
