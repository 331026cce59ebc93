package se.asfplan.infra.axon;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.asfplan.infra.storedevents.StoredEventChecks;
import se.asfplan.infra.storedevents.StoredEventReader;

/**
 * Axon on our own database, without Axon Server. Axon's JDBC auto-configuration builds the
 * {@code JdbcEventStorageEngine} and {@code JdbcTokenStore}; this class gives them our snake_case schema (created
 * by Flyway, never by Axon), replaces the storage engine by one that serialises appends (see
 * {@link SerialisedAppendsEventStorageEngine}), stores snapshots with {@link AggregateSnapshots}' serializer
 * and makes the recording metadata flow from each command to the events it causes.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    @Bean
    EventSchema eventSchema() {
        return snakeCaseSchema();
    }

    /** Our event table's snake_case names, as Flyway creates them. */
    public static EventSchema snakeCaseSchema() {
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

    /**
     * Axon's JDBC engine exactly as its auto-configuration builds it (serializers, upcasters, snapshot filter,
     * schema), except that snapshots have a serializer of their own and appends are serialised so that no event can
     * commit behind the processors' position.
     *
     * @param gapTimeout how long a tracking processor waits for a gap in {@code global_index} to fill before it
     *                   gives up on it; with serialised appends only a rolled-back append leaves a gap, so this only
     *                   bounds how long such a gap is remembered (processing goes on meanwhile; the processed
     *                   positions the reports show stay below the gap until then)
     */
    @Bean
    EventStorageEngine eventStorageEngine(ObjectMapper objectMapper,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @Value("${tracker.event-store.gap-timeout:60s}") Duration gapTimeout,
                                          StoredEventChecks storedEventChecks) {
        return new SerialisedAppendsEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(AggregateSnapshots.serializer(objectMapper))
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .schema(eventSchema), transactionManager, Math.toIntExact(gapTimeout.toMillis()), storedEventChecks);
    }

    /**
     * The dead-letter queue's table in snake_case, like every other table (created by Flyway). Axon's Spring Boot
     * auto-configuration builds a {@code JdbcSequencedDeadLetterQueue} with it for every processor that has
     * {@code axon.eventhandling.processors.<name>.dlq.enabled: true}.
     */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
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

    /**
     * A projection handler that fails must never be skipped silently: a skipped event is a silently wrong report.
     * (Axon's default logs the failure and carries on.) The error is propagated: with the processor's dead-letter
     * queue enabled (every projection group) the event is parked there, with the later events of its aggregate,
     * and retried on request; a processor without one stops its segment and retries.
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

    /**
     * Axon's transactions, each bounded in how long PostgreSQL lets it sit idle, so that a stopped node cannot hold
     * its locks (the append lock, token rows) while the other nodes wait ({@link IdleBoundedTransactionManager}).
     * Replaces the transaction manager Axon's auto-configuration would make.
     */
    @Bean
    TransactionManager idleBoundedTransactionManager(PlatformTransactionManager transactions, DataSource dataSource,
            @Value("${tracker.database.idle-transaction-timeout:10s}") Duration idle) {
        return new IdleBoundedTransactionManager(new SpringTransactionManager(transactions), dataSource, idle);
    }

    /** Lets a failing projection handler be parked without aborting its batch's transaction. */
    @Bean
    SavepointPerEventHandler savepointPerEventHandler(DataSource dataSource) {
        return new SavepointPerEventHandler(dataSource);
    }

    /** Processor lag and parked events, for health, metrics and the dead-letter admin endpoints. */
    @Bean
    ProjectionMonitor projectionMonitor(EventProcessingConfiguration eventProcessingConfiguration,
                                        EventStore eventStore, JdbcTemplate jdbc, StoredEventReader storedEventReader,
                                        PlatformTransactionManager transactions) {
        return new ProjectionMonitor(eventProcessingConfiguration, eventStore,
                new DeadLetterRefresh(jdbc, storedEventReader), new TransactionTemplate(transactions));
    }

    /** The clock the domain reads "today" from; tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
