package se.asfplan.infra.procurement;

import java.io.IOException;
import java.io.InputStream;

import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.asfplan.domain.procurement.DirectAwardLimits;
import se.asfplan.domain.procurement.Procurement;
import se.asfplan.domain.procurement.ReservedWelfareGrounds;

/**
 * Registers the {@link Procurement} aggregate with Axon and offers its handlers what they take as parameters: the
 * cited legal grounds and direct-award limits (loaded once at start) and the JDBC ports (components of this
 * package). Axon resolves a handler parameter from the Spring context by its type.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcurementProperties.class)
public class ProcurementConfiguration {

    @Bean
    ConfigurerModule procurementAggregateRegistration() {
        return configurer -> configurer.configureAggregate(Procurement.class);
    }

    @Bean
    ReservedWelfareGrounds reservedWelfareGrounds(ProcurementProperties properties) throws IOException {
        try (InputStream file = properties.reservedWelfareGrounds().getInputStream()) {
            return ProcurementDataFiles.reservedWelfareGrounds(file);
        }
    }

    @Bean
    DirectAwardLimits directAwardLimits(ProcurementProperties properties) throws IOException {
        try (InputStream file = properties.directAwardLimits().getInputStream()) {
            return ProcurementDataFiles.directAwardLimits(file);
        }
    }
}
