package se.asfplan.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices().matching("se.asfplan.(**)").should().beFreeOfCycles()
            .because("a package is read and changed on its own only when nothing it uses uses it back: the command "
                    + "line does not reach back into the application that starts it, the API's HTTP plumbing and "
                    + "its translator of refusals know no controller");

    @ArchTest
    static final ArchRule apiPlumbingKnowsNoController = noClasses()
            .that().resideInAnyPackage("se.asfplan.web.api.http..", "se.asfplan.web.api.problem..")
            .should().dependOnClassesThat().resideInAPackage("se.asfplan.web.api")
            .because("filters and the translator of refusals serve every controller, so they name none");
}
