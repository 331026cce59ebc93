package se.asfplan.web.security;

/**
 * The security settings would leave the service open or unusable (a default password outside the local and test
 * profiles, an OIDC mode without issuer, audience or keys), so the service refuses to start.
 * {@link UnsafeSecurityConfigurationFailureAnalyzer} prints the reason and the fix instead of a stack trace.
 */
public class UnsafeSecurityConfigurationException extends RuntimeException {

    private final String action;

    public UnsafeSecurityConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What to change so that the service starts. */
    public String action() {
        return action;
    }
}
