package se.asfplan.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import se.asfplan.web.security.TrackerSecurityProperties.Mode;

/** The OIDC settings as a deployment gives them: environment variables, named as the README says. */
class TrackerSecurityPropertiesTest {

    @Test
    void bindsTheOidcSettingsFromEnvironmentVariables() {
        TrackerSecurityProperties properties = bind(Map.of(
                "TRACKER_SECURITY_MODE", "oidc",
                "TRACKER_SECURITY_OIDC_ISSUER", "https://login.kommun.example/realms/asf",
                "TRACKER_SECURITY_OIDC_AUDIENCE", "asf-plan-tracker",
                "TRACKER_SECURITY_OIDC_JWK_SET_URI", "https://login.kommun.example/certs",
                "TRACKER_SECURITY_OIDC_JWS_ALGORITHMS", "RS256,ES256",
                "TRACKER_SECURITY_OIDC_ROLES_CLAIM", "realm_access.roles",
                "TRACKER_SECURITY_OIDC_ROLEMAPPING_COORDINATOR", "asf-samordnare, asf-admin",
                "TRACKER_SECURITY_OIDC_ROLEMAPPING_COMMITTEE", "asf-namnd",
                "TRACKER_SECURITY_OIDC_USER_NAME_CLAIM", "email"));

        assertThat(properties.mode()).isEqualTo(Mode.OIDC);
        assertThat(properties.oidc().issuer()).isEqualTo("https://login.kommun.example/realms/asf");
        assertThat(properties.oidc().audience()).isEqualTo("asf-plan-tracker");
        assertThat(properties.oidc().jwkSetUri()).isEqualTo("https://login.kommun.example/certs");
        assertThat(properties.oidc().publicKeyLocation()).isNull();
        assertThat(properties.oidc().jwsAlgorithms()).containsExactly("RS256", "ES256");
        assertThat(properties.oidc().rolesClaim()).isEqualTo("realm_access.roles");
        assertThat(properties.oidc().roleMapping()).containsOnly(
                Map.entry(Role.COORDINATOR, List.of("asf-samordnare", "asf-admin")),
                Map.entry(Role.COMMITTEE, List.of("asf-namnd")));
        assertThat(properties.oidc().userNameClaim()).isEqualTo("email");
    }

    @Test
    void bindsThePagesClientSettingsAndNeverShowsTheSecret() {
        TrackerSecurityProperties properties = bind(Map.of(
                "TRACKER_SECURITY_OIDC_CLIENT_ID", "asf-webb",
                "TRACKER_SECURITY_OIDC_CLIENT_SECRET", "s3cret-value",
                "TRACKER_SECURITY_OIDC_SCOPES", "profile,email",
                "TRACKER_SECURITY_OIDC_REDIRECT_URI", "https://asf.kommun.example/logga-in/oidc-svar/organisation"));

        assertThat(properties.oidc().clientId()).isEqualTo("asf-webb");
        assertThat(properties.oidc().clientSecret()).isEqualTo("s3cret-value");
        assertThat(properties.oidc().scopes()).as("openid always first").containsExactly("openid", "profile", "email");
        assertThat(properties.oidc().redirectUri())
                .isEqualTo("https://asf.kommun.example/logga-in/oidc-svar/organisation");
        assertThat(properties.oidc().toString()).contains("asf-webb").doesNotContain("s3cret");
        assertThat(properties.toString()).doesNotContain("s3cret");
    }

    @Test
    void defaultsToBasicWithTheOidcClaimDefaultsAndBlankAsUnset() {
        TrackerSecurityProperties properties = bind(Map.of("TRACKER_SECURITY_OIDC_PUBLIC_KEY_LOCATION", " "));

        assertThat(properties.mode()).isEqualTo(Mode.BASIC);
        assertThat(properties.users()).isEmpty();
        assertThat(properties.oidc().publicKeyLocation()).isNull();
        assertThat(properties.oidc().jwsAlgorithms()).containsExactly("RS256");
        assertThat(properties.oidc().rolesClaim()).isEqualTo("roles");
        assertThat(properties.oidc().userNameClaim()).isEqualTo("preferred_username");
        assertThat(properties.oidc().roleMapping()).isEmpty();
        assertThat(properties.oidc().clientId()).isNull();
        assertThat(properties.oidc().clientSecret()).as("a public client").isNull();
        assertThat(properties.oidc().scopes()).containsExactly("openid", "profile");
        assertThat(properties.oidc().redirectUri()).isNull();
    }

    private static TrackerSecurityProperties bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("tracker.security", TrackerSecurityProperties.class);
    }
}
