package se.asfplan.infra.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one Jackson configuration. Axon serializes events and metadata with Spring's ObjectMapper, so these
 * settings decide the stored event format as well as the API's: change them only with an upcaster.
 * Dates are ISO strings; unknown or missing-primitive fields are errors, never silently dropped or zeroed.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    Module identifierModule() {
        return new IdentifierModule();
    }

    @Bean
    Module strictDatesModule() {
        return new StrictDatesModule();
    }

    @Bean
    Module renamedMeasuresModule() {
        return new RenamedMeasuresModule();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        // Messages and views are records: their components are the contract. Derived isX() methods such as
        // Timeline.isOngoing() must not leak into stored events as extra fields.
        return builder -> builder
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
