package se.asfplan.infra.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.Plan;
import se.asfplan.domain.plan.PlanCommands.ReportActivityProgressCommand;
import se.asfplan.domain.plan.PlanEvents.ActivityAddedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityProgressReportedEvent;
import se.asfplan.domain.plan.PlanEvents.ActivityStartedEvent;
import se.asfplan.domain.plan.PlanEvents.AreaAddedEvent;
import se.asfplan.domain.plan.PlanEvents.PlanAdoptedEvent;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Timeline;

/**
 * The expected version travels as command metadata: the resolver names the annotated target and that version, and
 * Axon then records the command only on a plan at exactly that version (its history's last sequence number).
 */
class ExpectedVersionTargetResolverTest {

    private static final PlanId PLAN = new PlanId("stockholm-asf-2021");
    private static final ActivityId ACTIVITY = new ActivityId("kartlagg-asf");
    private static final LocalDate ADOPTED_ON = LocalDate.of(2021, 3, 15);
    private static final LocalDate REPORTED_ON = LocalDate.of(2022, 5, 2);
    private static final ReportActivityProgressCommand REPORT =
            new ReportActivityProgressCommand(PLAN, ACTIVITY, "Hälften kartlagda", REPORTED_ON);

    private final ExpectedVersionTargetResolver resolver = new ExpectedVersionTargetResolver();
    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneOffset.UTC));
        fixture.registerCommandTargetResolver(resolver);
    }

    /** Four events: the plan is at version 3. */
    private static Object[] startedActivity() {
        return new Object[] {
                new PlanAdoptedEvent(PLAN, "Handlingsplan", "Stockholms stad",
                        new Decision("Kommunfullmäktige", "KS 2020/1234", "§ 15"), PlanPeriod.of(2021, 2024), ADOPTED_ON),
                new AreaAddedEvent(PLAN, new AreaId("natverkande"), "Nätverkande", null, ADOPTED_ON),
                new ActivityAddedEvent(PLAN, ACTIVITY, new AreaId("natverkande"), ActivityKind.ACTIVITY, "Kartlägg ASF",
                        null, Responsibility.of("Stadsledningskontoret"), Timeline.years(2021, 2024), ADOPTED_ON),
                new ActivityStartedEvent(PLAN, ACTIVITY, LocalDate.of(2022, 2, 1))};
    }

    @Test
    void namesTheAnnotatedTargetAndTheVersionFromTheMetadata() {
        VersionedAggregateIdentifier target = resolver.resolveTarget(GenericCommandMessage.asCommandMessage(REPORT)
                .andMetaData(Map.of(ExpectedVersionTargetResolver.EXPECTED_VERSION, 3L)));

        assertThat(target.getIdentifier()).isEqualTo(PLAN.toString());
        assertThat(target.getVersion()).isEqualTo(3L);
    }

    @Test
    void withoutTheMetadataTheCommandHasNoExpectedVersion() {
        VersionedAggregateIdentifier target = resolver.resolveTarget(GenericCommandMessage.asCommandMessage(REPORT));

        assertThat(target.getIdentifier()).isEqualTo(PLAN.toString());
        assertThat(target.getVersion()).isNull();
    }

    @Test
    void readsAVersionWrittenAsText() {
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(REPORT)
                .andMetaData(Map.of(ExpectedVersionTargetResolver.EXPECTED_VERSION, "12"))).getVersion())
                .isEqualTo(12L);
    }

    @Test
    void refusesAVersionThatIsNotANonNegativeNumber() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(REPORT)
                .andMetaData(Map.of(ExpectedVersionTargetResolver.EXPECTED_VERSION, "three"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected version");
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(REPORT)
                .andMetaData(Map.of(ExpectedVersionTargetResolver.EXPECTED_VERSION, -1L))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void recordsOnAPlanAtTheExpectedVersion() {
        fixture.given(startedActivity())
                .when(REPORT, MetaData.with(ExpectedVersionTargetResolver.EXPECTED_VERSION, 3L))
                .expectEvents(new ActivityProgressReportedEvent(PLAN, ACTIVITY, "Hälften kartlagda", REPORTED_ON));
    }

    @Test
    void refusesAPlanChangedSinceTheExpectedVersion() {
        fixture.given(startedActivity())
                .when(REPORT, MetaData.with(ExpectedVersionTargetResolver.EXPECTED_VERSION, 2L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void refusesAnExpectedVersionThePlanHasNotReached() {
        fixture.given(startedActivity())
                .when(REPORT, MetaData.with(ExpectedVersionTargetResolver.EXPECTED_VERSION, 7L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void withoutAnExpectedVersionRecordsAtAnyVersion() {
        fixture.given(startedActivity())
                .when(REPORT)
                .expectEvents(new ActivityProgressReportedEvent(PLAN, ACTIVITY, "Hälften kartlagda", REPORTED_ON));
    }
}
