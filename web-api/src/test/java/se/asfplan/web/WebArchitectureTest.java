package se.asfplan.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The web layer records through commands and reads through queries: it never touches the database or the
 * aggregates directly, so that every write is an event with its recording metadata.
 */
@AnalyzeClasses(packages = "se.asfplan.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

    @ArchTest
    static final ArchRule neverWritesTheDatabaseDirectly = noClasses().that().resideInAPackage("se.asfplan.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                    "javax.sql..");

    @ArchTest
    static final ArchRule neverCallsAnAggregate = noClasses().that().resideInAPackage("se.asfplan.web..")
            .should().dependOnClassesThat().areAnnotatedWith(org.axonframework.modelling.command.AggregateRoot.class);

    @ArchTest
    static final ArchRule translatesTheFrameworksRefusalsInOnePlace = noClasses()
            .that().resideInAPackage("se.asfplan.web..").and().doNotHaveSimpleName("ProblemDetailsAdvice")
            .should().dependOnClassesThat().belongToAnyOf(AggregateNotFoundException.class,
                    AggregateStreamCreationException.class, IncompatibleAggregateException.class)
            .because("ProblemDetailsAdvice alone turns a command's outcome into a rule code, so that one situation "
                    + "is answered with one code on every endpoint");
}
