package se.asfplan.infra.storedevents;

import java.time.Clock;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import se.asfplan.domain.shared.InputRules;

/**
 * Stored events are read without today's input rules, and every event met that cannot be read, or whose type this
 * release does not know, is recorded (see the package description).
 */
@Configuration(proxyBeanMethods = false)
public class StoredEventsConfiguration {

    /** The name under which Axon's Spring Boot configuration defines the serializer of stored events. */
    static final String EVENT_SERIALIZER = "eventSerializer";

    /**
     * Wraps Axon's event serializer (as configured: Jackson with Spring's ObjectMapper) in one that reads with the
     * input rules suspended; the storage engine, the dead-letter queues and {@link StoredEventReader} use it.
     */
    @Bean
    static BeanPostProcessor storedEventsReadWithoutInputRules() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return EVENT_SERIALIZER.equals(name) && bean instanceof Serializer serializer
                        && !(bean instanceof ReadingStoredEventsSerializer)
                        ? new ReadingStoredEventsSerializer(serializer) : bean;
            }
        };
    }

    /**
     * Query handlers read the read models' rows, which stored events made, back into value objects: they read, too,
     * without today's input rules. (A query itself is made, and checked, before it is sent.)
     */
    @Bean
    ConfigurerModule queriesReadWithoutInputRules() {
        return configurer -> configurer.onInitialize(config -> config.onStart(() ->
                config.queryBus().registerHandlerInterceptor((unitOfWork, chain) -> {
                    try (InputRules.Suspension reading = InputRules.suspend()) {
                        return chain.proceed();
                    }
                })));
    }

    @Bean
    StoredEventProblems storedEventProblems(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new StoredEventProblems(jdbc, transactions, clock);
    }

    @Bean
    StoredEventChecks storedEventChecks(StoredEventProblems problems) {
        return new StoredEventChecks(problems);
    }

    @Bean
    StoredEventReader storedEventReader(JdbcTemplate jdbc, org.axonframework.config.Configuration axon,
                                        @Qualifier(EVENT_SERIALIZER) Serializer eventSerializer) {
        return new StoredEventReader(jdbc, axon::upcasterChain, eventSerializer);
    }
}
