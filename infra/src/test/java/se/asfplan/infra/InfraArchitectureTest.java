package se.asfplan.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The wiring serves the web application and the command line alike: it depends on neither, nor on read models. */
@AnalyzeClasses(packages = "se.asfplan.infra", importOptions = ImportOption.DoNotIncludeTests.class)
class InfraArchitectureTest {

    @ArchTest
    static final ArchRule knowsNothingOfTheWebOrTheReadModels = noClasses().that().resideInAPackage("se.asfplan.infra..")
            .should().dependOnClassesThat().resideInAnyPackage("se.asfplan.web..", "se.asfplan.projections..",
                    "org.springframework.web..", "jakarta.servlet..");
}
