package se.asfplan.infra.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import se.asfplan.domain.enterprise.IntegrationspaktenLevel;
import se.asfplan.domain.enterprise.IntegrationspaktenLevels;
import se.asfplan.domain.plan.Measure;

/** The shipped levels file and what a malformed one is told. */
class IntegrationspaktenLevelsFileTest {

    @Test
    void theShippedFileConfiguresMemberPlusmedlemAndJobbpartner() {
        IntegrationspaktenLevels levels = IntegrationspaktenLevelsFile.read(
                new ClassPathResource("integrationspakten-levels.yaml"));
        assertThat(levels.names()).containsExactly(
                Map.entry(new IntegrationspaktenLevel("member"), "Medlem"),
                Map.entry(new IntegrationspaktenLevel("plusmedlem"), "Plusmedlem"),
                Map.entry(new IntegrationspaktenLevel("jobbpartner"), "Jobbpartner"));
    }

    /**
     * Every level of the shipped file has a goal measure of its own that counts the ASF members at that level, and
     * every level a measure names is configured: a measure naming a code the file lacks would count nothing.
     */
    @Test
    void everyShippedLevelHasAMeasureAndEveryMeasuredLevelIsShipped() {
        IntegrationspaktenLevels levels = IntegrationspaktenLevelsFile.read(
                new ClassPathResource("integrationspakten-levels.yaml"));
        Set<String> configured = levels.names().keySet().stream().map(IntegrationspaktenLevel::value)
                .collect(Collectors.toSet());
        Set<String> measuredOneByOne = Arrays.stream(Measure.values())
                .filter(measure -> measure.membershipLevels().size() == 1)
                .map(measure -> measure.membershipLevels().iterator().next()).collect(Collectors.toSet());
        Set<String> measured = Arrays.stream(Measure.values()).flatMap(measure -> measure.membershipLevels().stream())
                .collect(Collectors.toSet());

        assertThat(measuredOneByOne).isEqualTo(configured);
        assertThat(configured).containsAll(measured);
    }

    @Test
    void refusesALevelListedTwice() {
        assertThatIllegalStateException().isThrownBy(() -> IntegrationspaktenLevelsFile.read(yaml("""
                levels:
                  - {code: member, name: Medlem}
                  - {code: member, name: Medlem igen}
                """))).withMessageContaining("lists level member twice");
    }

    @Test
    void refusesAFileWithoutLevels() {
        assertThatIllegalStateException().isThrownBy(() -> IntegrationspaktenLevelsFile.read(yaml("other: 1\n")))
                .withMessageContaining("could not be read");
        assertThatIllegalStateException().isThrownBy(() -> IntegrationspaktenLevelsFile.read(yaml("levels:\n")))
                .withMessageContaining("lists no Integrationspakten levels");
    }

    @Test
    void refusesACodeThatIsNotASlug() {
        assertThatIllegalArgumentException().isThrownBy(() -> IntegrationspaktenLevelsFile.read(yaml("""
                levels:
                  - {code: Plus medlem, name: Plusmedlem}
                """))).withMessageStartingWith("Integrationspakten level must be");
    }

    private static ByteArrayResource yaml(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test levels");
    }
}
