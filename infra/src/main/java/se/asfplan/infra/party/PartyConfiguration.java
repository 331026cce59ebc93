package se.asfplan.infra.party;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.asfplan.domain.party.Party;

/**
 * Registers the {@link Party} aggregate with Axon; its handlers take {@link JdbcPartyNames} (a component of this
 * package) as a parameter, which Axon resolves from the Spring context by its type.
 */
@Configuration(proxyBeanMethods = false)
public class PartyConfiguration {

    @Bean
    ConfigurerModule partyAggregateRegistration() {
        return configurer -> configurer.configureAggregate(Party.class);
    }
}
