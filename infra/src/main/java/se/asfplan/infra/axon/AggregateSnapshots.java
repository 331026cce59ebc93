package se.asfplan.infra.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.asfplan.domain.plan.Plan;
import se.asfplan.domain.shared.RetractableFacts;

/**
 * Snapshots of the plan aggregate, so that a command on a plan with a long history (years of progress reports)
 * costs about what one on a new plan does: after every {@code tracker.snapshots.plan-threshold} events loaded
 * (default 100) Axon stores the plan's state in {@code snapshot_event_entry} (keeping only the latest), and the next
 * load reads that and the events after it. Measured by the benchmark (docs/performance.md).
 * <p>
 * A snapshot is a cache of the events, never a record: the events stay the only truth. Its format is the plan's
 * fields as Jackson writes them with the event format's own settings ({@code JsonConfiguration}), read back into
 * the fields. The plan carries {@code @Revision}: a snapshot of another revision is ignored (Axon's
 * {@code RevisionSnapshotFilter}, which the aggregate configuration adds for an aggregate with a revision) and the
 * plan is rebuilt from its events, so a change to the plan's fields only needs a new revision
 * ({@code PlanSnapshotFormatTest} fails until it has one). A snapshot that cannot be read is skipped the same way
 * (Axon falls back to the full stream).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateSnapshots {

    /** The plan's fields and the retractable facts' fields are its state; it has no getters to read instead. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
    private abstract static class StateInFields {
    }

    /**
     * The serializer of snapshots: the event format's mapper (Spring's, configured by {@code JsonConfiguration}),
     * reading and writing the aggregates' fields. Not a bean: Axon's auto-configuration takes the one serializer
     * bean besides its own as the message serializer.
     */
    public static Serializer serializer(ObjectMapper objectMapper) {
        ObjectMapper fields = objectMapper.copy()
                .addMixIn(Plan.class, StateInFields.class)
                .addMixIn(RetractableFacts.class, StateInFields.class);
        return JacksonSerializer.builder()
                .objectMapper(fields)
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }

    /** Registers the plan aggregate with its snapshot trigger. */
    @Bean
    ConfigurerModule planAggregate(@Value("${tracker.snapshots.plan-threshold:100}") int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("tracker.snapshots.plan-threshold must be at least 1, but is "
                    + threshold);
        }
        return configurer -> {
            AggregateConfigurer<Plan> plan = AggregateConfigurer.defaultConfiguration(Plan.class);
            plan.configureSnapshotTrigger(config ->
                    new EventCountSnapshotTriggerDefinition(snapshotter(config, plan.aggregateFactory()), threshold));
            configurer.configureAggregate(plan);
        };
    }

    /**
     * Axon's snapshotter for the plan, after the command's commit in the same thread, in a transaction of its own.
     * (The Spring Boot snapshotter knows only aggregates declared as Spring beans; core-domain's are registered with
     * the configurer.)
     */
    private static Snapshotter snapshotter(org.axonframework.config.Configuration config,
                                           AggregateFactory<Plan> factory) {
        return AggregateSnapshotter.builder()
                .eventStore(config.eventStore())
                .aggregateFactories(factory)
                .repositoryProvider(config::repository)
                .parameterResolverFactory(config.parameterResolverFactory())
                .handlerDefinition(config.handlerDefinition(Plan.class))
                .transactionManager(config.getComponent(TransactionManager.class))
                .build();
    }
}
