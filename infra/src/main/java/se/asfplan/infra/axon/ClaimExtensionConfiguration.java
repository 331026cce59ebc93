package se.asfplan.infra.axon;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every pooled event processor keeps extending its segments' claims while a batch runs. Without it a batch that
 * takes longer than the token claim timeout (a slow database, an overloaded machine) loses its claim to another node,
 * cannot store its token, rolls back and starts over, and the segment never catches up.
 */
@Configuration(proxyBeanMethods = false)
public class ClaimExtensionConfiguration {

    @Bean
    ConfigurerModule claimExtension() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration(
                        (configuration, builder) -> builder.enableCoordinatorClaimExtension());
    }
}
