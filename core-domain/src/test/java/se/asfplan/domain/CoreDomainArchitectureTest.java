package se.asfplan.domain;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.conditions.ArchConditions.be;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import se.asfplan.domain.enterprise.EnterpriseEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents;
import se.asfplan.domain.meeting.MeetingEvent;
import se.asfplan.domain.meeting.MeetingEvents;
import se.asfplan.domain.plan.PlanEvent;
import se.asfplan.domain.plan.PlanEvents;
import se.asfplan.domain.procurement.ProcurementEvent;
import se.asfplan.domain.procurement.ProcurementEvents;
import se.asfplan.domain.shared.Identifier;

/**
 * The dependency rules of {@code core-domain}: the business core knows Java, itself and Axon's message and model
 * APIs, and nothing of Spring, JDBC, Jackson, Jakarta or the other modules.
 *
 * <p><b>Decision: how aggregates are registered.</b> {@code core-domain} marks an aggregate with Axon's plain
 * {@link AggregateRoot} and sources its state with {@code org.axonframework.eventhandling.EventHandler}. It uses
 * neither Spring's {@code @Aggregate} stereotype (from {@code axon-spring}, which would drag Spring into the
 * domain) nor {@code @EventSourcingHandler} (from {@code axon-eventsourcing}, which would tie the domain to the
 * event-sourcing implementation; Axon treats a plain {@code @EventHandler} on an aggregate as an event-sourcing
 * handler). The {@code infra} module registers each aggregate with Axon's configurer
 * ({@code configurer.configureAggregate(Plan.class)} in a {@code ConfigurerModule} bean). The rules below hold
 * that decision in place.
 */
@AnalyzeClasses(packages = "se.asfplan.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreDomainArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaAndAxonMessagingAndModelling = classes()
            .that().resideInAPackage("se.asfplan.domain..")
            .should().onlyDependOnClassesThat(resideInAnyPackage(
                    "java..",
                    "se.asfplan.domain..",
                    "org.axonframework.modelling..",
                    "org.axonframework.commandhandling..",
                    "org.axonframework.eventhandling..")
                    // the one exception: Axon's @Revision, a marker without behaviour that names the stored format
                    // of the plan's snapshot (PlanSnapshotFormatTest in infra holds it to the plan's fields)
                    .or(equivalentTo(org.axonframework.serialization.Revision.class)))
            .because("core-domain holds business rules only; frameworks other than Axon's message and model "
                    + "APIs (and the @Revision marker of a snapshot's format) belong in infra, projections or web-api");

    @ArchTest
    static final ArchRule domainKnowsNothingOfSpringJdbcJakartaOrJackson = noClasses()
            .that().resideInAPackage("se.asfplan.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta..", "javax.persistence..",
                    "com.fasterxml..")
            .because("the domain must be usable and testable without a container, a database or a serialiser");

    @ArchTest
    static final ArchRule domainKnowsNothingOfTheOtherModules = noClasses()
            .that().resideInAPackage("se.asfplan.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("se.asfplan.infra..", "se.asfplan.projections..",
                    "se.asfplan.web..", "se.asfplan.api..")
            .because("the other modules depend on core-domain, never the other way round");

    @ArchTest
    static final ArchRule domainUsesNeitherAxonSpringNorAxonEventSourcing = noClasses()
            .that().resideInAPackage("se.asfplan.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.spring..",
                    "org.axonframework.eventsourcing..", "org.axonframework.config..")
            .because("aggregates carry Axon's plain @AggregateRoot and @EventHandler; infra registers them");

    @ArchTest
    static final ArchRule aggregatesAreAxonAggregateRoots = classes()
            .that().containAnyFieldsThat(describe("annotated with @AggregateIdentifier",
                    field -> field.isAnnotatedWith(AggregateIdentifier.class)))
            .should().beAnnotatedWith(AggregateRoot.class)
            .because("infra registers every aggregate with Axon's configurer, which reads @AggregateRoot");

    @ArchTest
    static final ArchRule eventHandlersAreCalledOnAndOnlyByAxon = methods()
            .that().areAnnotatedWith("org.axonframework.eventhandling.EventHandler")
            .should().haveNameMatching("on")
            .andShould().notBePublic()
            .because("event handlers are named on(XEvent) and are called by Axon, not by other code");

    @ArchTest
    static final ArchRule planEventsAreRecordsThatSayWhichPlanAndWhen = classes()
            .that(areNestedIn(PlanEvents.class))
            .and().haveSimpleNameEndingWith("Event")
            .should().beRecords()
            .andShould().implement(PlanEvent.class)
            .because("events are a persisted contract of plain records, each saying which plan and when");

    @ArchTest
    static final ArchRule eventsLiveInTheirFeaturesEventsClass = classes()
            .that().resideInAPackage("se.asfplan.domain..")
            .and().implement(PlanEvent.class)
            .should().beNestedClasses()
            .andShould().beRecords()
            .because("every plan event is declared in PlanEvents, where the contract is read in one place");

    @ArchTest
    static final ArchRule commandsAreRecords = classes()
            .that().resideInAPackage("se.asfplan.domain..")
            .and().haveSimpleNameEndingWith("Command")
            .should().beRecords()
            .because("messages are immutable records");

    @ArchTest
    static final ArchRule commandsAreDeclaredInTheirFeaturesCommandsClass = classes()
            .that().resideInAPackage("se.asfplan.domain..")
            .and().haveSimpleNameEndingWith("Command")
            .should(be(areNestedInAClassNamed("Commands")))
            .because("every command is declared in its feature's ...Commands class (PlanCommands, "
                    + "EnterpriseCommands, ...), next to the other messages of the feature");

    @ArchTest
    static final ArchRule eventsAreRecordsDeclaredInTheirFeaturesEventsClass = classes()
            .that().resideInAPackage("se.asfplan.domain..")
            .and().haveSimpleNameEndingWith("Event")
            .and().areNotInterfaces()
            .should(be(areNestedInAClassNamed("Events")))
            .andShould().beRecords()
            .because("events are a persisted contract of plain records, read in one place per feature");

    @ArchTest
    static final ArchRule enterpriseEventsSayWhichEnterpriseWhenAndForWhichActivity = classes()
            .that(areNestedIn(EnterpriseEvents.class))
            .and().haveSimpleNameEndingWith("Event")
            .should().implement(EnterpriseEvent.class)
            .because("every enterprise event says which enterprise, when, and which plan activity it carries out");

    @ArchTest
    static final ArchRule meetingEventsSayWhichMeetingAndWhen = classes()
            .that(areNestedIn(MeetingEvents.class))
            .and().haveSimpleNameEndingWith("Event")
            .should().implement(MeetingEvent.class)
            .because("every meeting event says which meeting and when");

    @ArchTest
    static final ArchRule procurementEventsSayWhichProcurementWhenAndForWhichActivity = classes()
            .that(areNestedIn(ProcurementEvents.class))
            .and().haveSimpleNameEndingWith("Event")
            .should().implement(ProcurementEvent.class)
            .because("every procurement event says which procurement, when, and which plan activity it carries out");

    @ArchTest
    static final ArchRule aggregateIdentifiersAreTypedIds = fields()
            .that().areAnnotatedWith(AggregateIdentifier.class)
            .should().haveRawType(assignableTo(Identifier.class))
            .because("identifiers are typed ids whose toString is the raw value");

    @ArchTest
    static final ArchRule sharedKnowsNoFeature = noClasses().that().resideInAPackage("se.asfplan.domain.shared..")
            .should().dependOnClassesThat().resideInAnyPackage("se.asfplan.domain.plan..",
                    "se.asfplan.domain.enterprise..", "se.asfplan.domain.meeting..", "se.asfplan.domain.procurement..",
                    "se.asfplan.domain.retraction..")
            .because("every feature builds on shared; shared building on a feature would tie them all together");

    @ArchTest
    static final ArchRule noFeatureUsesTheRetractionCatalogue = noClasses()
            .that().resideOutsideOfPackage("se.asfplan.domain.retraction..")
            .should().dependOnClassesThat().resideInAPackage("se.asfplan.domain.retraction..")
            .because("the catalogue of retractable facts lists the features' events, so a feature that used it "
                    + "would depend on itself through it; an event declares its stored name with @FactName");

    private static DescribedPredicate<JavaClass> areNestedInAClassNamed(String suffix) {
        return describe("nested in a class named ..." + suffix, type -> type.getEnclosingClass()
                .map(actual -> actual.getSimpleName().endsWith(suffix)).orElse(false));
    }

    private static DescribedPredicate<JavaClass> areNestedIn(Class<?> enclosing) {
        return describe("nested in " + enclosing.getSimpleName(), type -> type.getEnclosingClass()
                .map(actual -> actual.isEquivalentTo(enclosing)).orElse(false));
    }
}
