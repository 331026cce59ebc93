package se.asfplan.web.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the pages how people sign in: {@code signInWith} is where the sign-in page's button "Logga in med
 * organisationens konto" starts the flow at the provider in the {@code oidc} mode, and absent in the {@code basic}
 * mode, where the page shows the password form.
 */
@ControllerAdvice(basePackages = "se.asfplan.web.page")
public class SignInPageAdvice {

    private final ObjectProvider<TrackerSecurityProperties> properties;

    public SignInPageAdvice(ObjectProvider<TrackerSecurityProperties> properties) {
        this.properties = properties;
    }

    @ModelAttribute("signInWith")
    public String signInWith() {
        TrackerSecurityProperties settings = properties.getIfAvailable();
        return settings != null && settings.mode() == TrackerSecurityProperties.Mode.OIDC ? OidcPageSignIn.START
                : null;
    }
}
