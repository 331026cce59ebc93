package se.asfplan.infra.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.PlanEvents.ActivityAddedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityResponsibilityChangedEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Timeline;

/**
 * The stored form of an activity's responsibility, read by the application's own ObjectMapper (the one Axon stores
 * events with): the events stored before joint leads and the all-committees marker, as {@code {lead, involved}},
 * still read, with no co-leads and without the marker, and a lead stored as "samtliga nämnder" reads as the marker.
 */
class ResponsibilityJsonTest {

    private static final PlanId PLAN = new PlanId("stockholm-asf-2021");
    private static final ActivityId ACTIVITY = new ActivityId("kartlagg-asf");

    /** ActivityAddedEvent as stored before joint leads. */
    private static final String ADDED_BEFORE = """
            {"planId":"stockholm-asf-2021","activityId":"kartlagg-asf","areaId":"kunskap","kind":"ACTIVITY",\
            "title":"Kartlägg ASF","description":null,\
            "responsibility":{"lead":"Stadsledningskontoret (SLK)","involved":["Stockholm Business Region (SBR)"]},\
            "timeline":{"fromYear":2021,"toYear":2022},"occurredOn":"2021-08-31"}""";
    /** ActivityResponsibilityChangedEvent as stored before joint leads, its lead written as every committee. */
    private static final String CHANGED_BEFORE = """
            {"planId":"stockholm-asf-2021","activityId":"kartlagg-asf",\
            "responsibility":{"lead":"Samtliga nämnder","involved":[]},\
            "reason":"Alla nämnder ska göra det","occurredOn":"2022-03-01"}""";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonConfiguration.class);

    @Test
    void readsAnActivityStoredWithOneLead() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            ActivityAddedEvent added = json.readValue(ADDED_BEFORE, ActivityAddedEvent.class);
            assertThat(added).isEqualTo(new ActivityAddedEvent(PLAN, ACTIVITY, new AreaId("kunskap"),
                    ActivityKind.ACTIVITY, "Kartlägg ASF", null,
                    Responsibility.of("Stadsledningskontoret (SLK)", "Stockholm Business Region (SBR)"),
                    Timeline.years(2021, 2022), LocalDate.of(2021, 8, 31)));
            assertThat(added.responsibility().leads()).containsExactly("Stadsledningskontoret (SLK)");
            assertThat(added.responsibility().coLeads()).isEmpty();
            assertThat(added.responsibility().allCommittees()).isFalse();
        });
    }

    @Test
    void readsALeadStoredAsAllCommitteesInWordsAsTheMarker() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            ActivityResponsibilityChangedEvent changed =
                    json.readValue(CHANGED_BEFORE, ActivityResponsibilityChangedEvent.class);
            assertThat(changed.responsibility().allCommittees()).isTrue();
            assertThat(changed.responsibility().leads()).isEmpty();
            assertThat(changed.responsibility()).isEqualTo(new Responsibility(null, List.of(), null, true));
        });
    }

    @Test
    void storesJointLeadsAndTheMarkerAndReadsThemBackEqual() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            Responsibility joint = new Responsibility("Arbetsmarknadsnämnden", List.of("SBR"),
                    List.of("Socialnämnden"), true);
            assertThat(json.writeValueAsString(joint)).isEqualTo("{\"lead\":\"Arbetsmarknadsnämnden\","
                    + "\"involved\":[\"SBR\"],\"coLeads\":[\"Socialnämnden\"],\"allCommittees\":true}");
            ActivityResponsibilityChangedEvent changed = new ActivityResponsibilityChangedEvent(PLAN, ACTIVITY,
                    joint, "Gemensamt ansvar", LocalDate.of(2023, 1, 10));
            assertThat(json.readValue(json.writeValueAsString(changed), ActivityResponsibilityChangedEvent.class))
                    .isEqualTo(changed);
            Responsibility everyCommittee = new Responsibility(null, List.of(), null, true);
            assertThat(json.readValue(json.writeValueAsString(everyCommittee), Responsibility.class))
                    .isEqualTo(everyCommittee);
        });
    }
}
