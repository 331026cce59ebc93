package se.asfplan.infra.round;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.asfplan.domain.round.FollowUpRound;

/**
 * Registers the {@link FollowUpRound} aggregate with Axon (event sourced from the one event store, as every other
 * aggregate); its handlers take the {@link java.time.Clock} bean as a parameter, which Axon resolves from the Spring
 * context by its type.
 */
@Configuration(proxyBeanMethods = false)
public class RoundConfiguration {

    @Bean
    ConfigurerModule followUpRoundAggregateRegistration() {
        return configurer -> configurer.configureAggregate(FollowUpRound.class);
    }
}
