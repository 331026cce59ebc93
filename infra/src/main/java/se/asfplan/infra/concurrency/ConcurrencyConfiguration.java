package se.asfplan.infra.concurrency;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Expected versions and recorded versions for every aggregate. Axon's aggregate configuration looks the
 * {@link CommandTargetResolver} up as a component, which Axon's Spring configuration finds among the beans: one bean
 * serves every aggregate, whichever configuration class registers it. Concurrent appends to one aggregate (from
 * this node or another sharing the database) are recognised by the {@link DuplicateKeyResolver}.
 */
@Configuration(proxyBeanMethods = false)
public class ConcurrencyConfiguration {

    @Bean
    CommandTargetResolver expectedVersionTargetResolver() {
        return new ExpectedVersionTargetResolver();
    }

    /** Replaces Axon's resolver, which misses PostgreSQL's unique violations (see {@link DuplicateKeyResolver}). */
    @Bean
    @Primary
    PersistenceExceptionResolver duplicateKeyResolver() {
        return new DuplicateKeyResolver();
    }

    @Bean
    ConfigurerModule recordedVersions() {
        return configurer -> configurer.onInitialize(config -> config.onStart(() ->
                config.eventBus().registerDispatchInterceptor(new RecordedVersions())));
    }
}
