package se.asfplan.infra.axon;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every pooled event processor of the projections gets, in one customisation (Axon keeps one default
 * customisation for all pooled processors):
 * <ul>
 * <li>it keeps extending its segments' claims while a batch runs. Without it a batch that takes longer than the token
 * claim timeout (a slow database, an overloaded machine) loses its claim to another node, cannot store its token,
 * rolls back and starts over, and the segment never catches up;</li>
 * <li>it reads the event store through {@link EventAvailability}, which tells it when new events may be there instead
 * of leaving it to look every 500 ms.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class PooledProcessorConfiguration {

    @Bean(destroyMethod = "close")
    EventAvailability eventAvailability() {
        return new EventAvailability();
    }

    @Bean
    ConfigurerModule pooledProcessors(EventAvailability availability) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder
                        .enableCoordinatorClaimExtension()
                        .messageSource(availability.source(configuration.eventStore())));
    }
}
