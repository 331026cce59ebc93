package se.asfplan.web.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import se.asfplan.projections.rebuild.ProjectionRebuilds;
import se.asfplan.web.support.PostgresApiTest;

/**
 * Every read model of the whole application can be rebuilt: each processing group is a {@code
 * RebuildableProjection} bean, runs on a pooled streaming processor with a dead-letter queue, and owns tables that
 * carry the generation column first in their keys after Flyway has migrated the schema. A read model added without
 * one of these fails here (see docs/read-models.md).
 */
class ReadModelCatalogueIT extends PostgresApiTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Test
    void everyReadModelCanBeRebuilt() {
        ReadModelCatalogue catalogue = ReadModelCatalogue.of(context, jdbc);

        assertThat(catalogue.problems()).isEmpty();
        assertThat(catalogue.processingGroups()).as("the read models the application has").containsExactlyInAnyOrder(
                "plan-view", "enterprise-register", "meetings", "procurements", "statistics", "activity-followup",
                "goal-report", "participation", "party-register", "follow-up-rounds");
        assertThat(rebuilds.groups()).as("the groups the rebuilds know, given by Spring")
                .containsExactlyInAnyOrderElementsOf(catalogue.processingGroups());
    }
}
