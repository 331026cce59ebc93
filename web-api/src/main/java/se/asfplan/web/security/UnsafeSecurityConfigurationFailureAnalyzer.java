package se.asfplan.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused security configuration into Spring Boot's "APPLICATION FAILED TO START" report. */
public class UnsafeSecurityConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSecurityConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSecurityConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
