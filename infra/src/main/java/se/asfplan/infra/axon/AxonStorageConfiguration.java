package se.asfplan.infra.axon;

import java.time.Clock;
import java.util.List;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.asfplan.domain.plan.Plan;

/**
 * Axon on our own database, without Axon Server. Axon's JDBC auto-configuration builds the
 * {@code JdbcEventStorageEngine} and {@code JdbcTokenStore}; this class gives them our snake_case schema (created
 * by Flyway, never by Axon), registers the aggregates of {@code core-domain} (which carries no Spring stereotype)
 * and makes the recording metadata flow from each command to the events it causes.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    ConfigurerModule aggregateRegistration() {
        return configurer -> configurer.configureAggregate(Plan.class);
    }

    /**
     * A projection handler that fails must stop its segment and retry, never skip the event: a skipped event is a
     * silently wrong report. (Axon's default logs the failure and carries on.)
     */
    @Bean
    ConfigurerModule failingHandlersRetry() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    /** Adds correlation and trace ids (Axon's default provider; declaring our own bean would otherwise drop it). */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Copies who recorded a command, and through which channel and request, onto every event it causes. */
    @Bean
    CorrelationDataProvider recordingMetadataProvider() {
        return new SimpleCorrelationDataProvider(List.of(RecordingMetadata.RECORDED_BY,
                RecordingMetadata.RECORDED_VIA, RecordingMetadata.REQUEST_ID).toArray(String[]::new));
    }

    @Bean
    ConfigurerModule recordedByRequired() {
        return configurer -> configurer.onInitialize(config -> config.onStart(() ->
                config.commandBus().registerHandlerInterceptor(new RecordedByRequiredInterceptor())));
    }

    /** The clock the domain reads "today" from; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
