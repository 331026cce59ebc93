package se.asfplan.infra.enterprise;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import se.asfplan.domain.enterprise.IntegrationspaktenLevels;
import se.asfplan.domain.enterprise.SocialEnterprise;
import se.asfplan.domain.meeting.Meeting;

/**
 * Registers the social enterprise and meeting aggregates with Axon (core-domain carries no Spring stereotype) and
 * provides what their command handlers take as parameters besides the clock: the {@link JdbcEnterpriseRegister}
 * and Integrationspakten's configured levels.
 */
@Configuration(proxyBeanMethods = false)
public class EnterpriseConfiguration {

    @Bean
    ConfigurerModule enterpriseAggregateRegistration() {
        return configurer -> configurer.configureAggregate(SocialEnterprise.class)
                .configureAggregate(Meeting.class);
    }

    /** The levels file; {@code TRACKER_INTEGRATIONSPAKTEN_LEVELS_FILE} points at another Spring resource. */
    @Bean
    IntegrationspaktenLevels integrationspaktenLevels(
            @Value("${tracker.integrationspakten.levels-file:classpath:integrationspakten-levels.yaml}")
            Resource levelsFile) {
        return IntegrationspaktenLevelsFile.read(levelsFile);
    }
}
