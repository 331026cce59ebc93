package se.asfplan.web.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings of a test application in OIDC mode: its own schema (created here, so that its context never shares
 * one with the other tests' contexts), the test provider's issuer and audience, the pages' client id, the given JWK
 * set, and a Keycloak-like roles claim ({@code realm_access.roles}) with one claim value per role (the auditor also by
 * {@code internrevision}).
 */
final class OidcMode {

    private OidcMode() {
    }

    /** The web pages' client id at the test provider. */
    static final String CLIENT_ID = "asf-webb";

    static void configure(DynamicPropertyRegistry registry, String schemaSuffix, String jwkSetUri)
            throws SQLException {
        configure(registry, schemaSuffix, jwkSetUri, TestTokens.ISSUER);
    }

    /** As above, with another issuer (a provider the test runs, whose discovery document the pages read). */
    static void configure(DynamicPropertyRegistry registry, String schemaSuffix, String jwkSetUri, String issuer)
            throws SQLException {
        String schema = System.getenv().getOrDefault("TEST_DATABASE_SCHEMA", "asf_tracker_it") + schemaSuffix;
        String base = System.getenv().getOrDefault("TEST_DATABASE_BASE_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("TEST_DATABASE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(base, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + schema);
        }
        registry.add("spring.datasource.url", () -> base + "?currentSchema=" + schema);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("tracker.security.mode", () -> "oidc");
        registry.add("tracker.security.oidc.issuer", () -> issuer);
        registry.add("tracker.security.oidc.client-id", () -> CLIENT_ID);
        registry.add("tracker.security.oidc.audience", () -> TestTokens.AUDIENCE);
        registry.add("tracker.security.oidc.jwk-set-uri", () -> jwkSetUri);
        registry.add("tracker.security.oidc.roles-claim", () -> "realm_access.roles");
        registry.add("tracker.security.oidc.role-mapping.COORDINATOR", () -> "asf-samordnare");
        registry.add("tracker.security.oidc.role-mapping.AUDITOR", () -> "asf-revisor,internrevision");
        registry.add("tracker.security.oidc.role-mapping.COMMITTEE", () -> "asf-namnd");
    }
}
