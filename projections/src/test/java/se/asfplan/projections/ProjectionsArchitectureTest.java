package se.asfplan.projections;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The read side folds events and answers queries. It knows the domain's events and value types, Spring JDBC and
 * Axon; it knows nothing of the web, of security, of the infra wiring, and it never sends commands.
 */
@AnalyzeClasses(packages = "se.asfplan.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsArchitectureTest {

    @ArchTest
    static final ArchRule knowsNothingOfTheWebOrTheWiring = noClasses().that().resideInAPackage("se.asfplan.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("se.asfplan.web..", "se.asfplan.infra..",
                    "org.springframework.web..", "org.springframework.security..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule neverSendsCommands = noClasses().that().resideInAPackage("se.asfplan.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Command");

    @ArchTest
    static final ArchRule leavesTheAggregatesAlone = noClasses().that().resideInAPackage("se.asfplan.projections..")
            .should().dependOnClassesThat().areAnnotatedWith(org.axonframework.modelling.command.AggregateRoot.class);
}
