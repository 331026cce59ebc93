package se.asfplan.infra.planfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.asfplan.infra.planfile.PlanFileFixtures.replaced;
import static se.asfplan.infra.planfile.PlanFileFixtures.utf8;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.TargetComparator;

/** docs/plan-file-format.md is the format's reference: its examples must read, and it must name every field. */
class PlanFileFormatDocumentationTest {

    private static final Path DOCUMENT = Path.of(System.getProperty("basedir", "."))
            .resolve("../docs/plan-file-format.md");
    private static final Pattern CODE_BLOCK = Pattern.compile("```(yaml|json)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TABLE_FIELD = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    private final PlanFileReader reader = new PlanFileReader();
    private final String document = read(DOCUMENT);

    @Test
    void holdsAMinimalPlanAndTheFullExampleInYamlAndJsonAndEachReads() {
        List<String> planFiles = planFilesIn(document);

        assertThat(planFiles).hasSize(3);
        assertThat(planFiles).allSatisfy(file -> assertThat(reader.read(utf8(file)).planId()).isNotNull());
    }

    @Test
    void givesTheFullExampleInJsonWithTheSameContentAsInYaml() {
        List<String> planFiles = planFilesIn(document);

        AdoptPlanCommand yaml = reader.read(utf8(planFiles.get(1)));
        AdoptPlanCommand json = reader.read(utf8(planFiles.get(2)));

        assertThat(json).isEqualTo(yaml);
        assertThat(yaml.goals()).isNotEmpty();
        assertThat(yaml.areas()).allSatisfy(area -> assertThat(area.activities()).isNotEmpty());
    }

    @Test
    void describesEveryFieldOfTheFormatInItsTable() {
        Set<String> documented = new TreeSet<>();
        Matcher row = TABLE_FIELD.matcher(document);
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(documented).containsAll(fieldsOf(PlanFile.class, ""));
        assertThat(documented).containsAll(fieldsOf(PlanFile.Adopted.class, "adopted."));
        assertThat(documented).containsAll(fieldsOf(PlanFile.Period.class, "period."));
        assertThat(documented).containsAll(fieldsOf(PlanFile.Area.class, "areas[]."));
        assertThat(documented).containsAll(fieldsOf(PlanFile.Activity.class, "areas[].activities[]."));
        assertThat(documented).containsAll(fieldsOf(PlanFile.Goal.class, "goals[]."));
        assertThat(documented).containsAll(fieldsOf(PlanFile.Section.class, "sections[]."));
        assertThat(documented).containsAll(fieldsOf(PlanFile.DecisionInChain.class, "decisions[]."));
        assertThat(document).contains("`{since: DATE}`", "`{sinceBeforePlan: true}`");
        assertThat(document).contains("`body` (required, at most 200), `reference` (at most 100), `paragraph` (at"
                + " most 50)");
    }

    @Test
    void listsEveryAllowedValueOfTheChoices() {
        for (Class<? extends Enum<?>> choice : List.of(ActivityKind.class, GoalKind.class, Measure.class,
                TargetComparator.class)) {
            for (Enum<?> constant : choice.getEnumConstants()) {
                String written = constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
                assertThat(document).as("%s.%s", choice.getSimpleName(), constant)
                        .contains("| `" + written + "` |");
            }
        }
    }

    @Test
    void statesTheSizeLimitOfTheReader() {
        assertThat(PlanFileReader.MAX_BYTES).isEqualTo(2_097_152);
        assertThat(document).contains("at most 2 MiB (2 097 152 bytes)").contains("larger than 2048 KiB");
    }

    @Test
    void givesTheFullExampleInJsonThatReadsAlsoIndentedWithTabs() {
        List<String> planFiles = planFilesIn(document);
        String tabbed = Pattern.compile("^((?:  )+)", Pattern.MULTILINE).matcher(planFiles.get(2))
                .replaceAll(indent -> "\t".repeat(indent.group(1).length() / 2));

        assertThat(tabbed).contains("\n\t\"format\"").doesNotContain("\n ");
        assertThat(document).contains("It may be indented with spaces or tabs.");
        assertThat(reader.read(utf8(tabbed))).isEqualTo(reader.read(utf8(planFiles.get(1))));
    }

    @Test
    void marksEveryLimitOnTextAsCheckedWhenReading() {
        List<String> limitedRows = document.lines().filter(line -> line.startsWith("| `"))
                .filter(line -> line.matches(".*at most \\d+ characters.*")).toList();

        assertThat(limitedRows).hasSizeGreaterThanOrEqualTo(10).allSatisfy(row -> {
            String[] columns = row.split(" \\| ");
            assertThat(columns[columns.length - 1]).as(row).isEqualTo("reading |");
        });
    }

    @Test
    void quotesTheReadersOwnWordsForWhatItRefuses() {
        String minimal = planFilesIn(document).get(0);

        List<String> messages = List.of(
                refusalOf(replaced(minimal, "format: action-plan/v1\nid: testby-2024",
                        "format: &name action-plan/v1\nid: *name")),
                refusalOf(replaced(minimal, "\"on\": 2024-02-01", "\"on\": 2024")),
                refusalOf(replaced(minimal, "\"on\": 2024-02-01", "\"on\": 2024-02-01T10:00")),
                refusalOf(minimal + "title: \"Handlingsplan\"\n").replaceFirst(" \\(line \\d+\\)$", ""),
                refusalOf(minimal + "goals:\n  - ~\n"),
                refusalOf(replaced(minimal, "from: 2024", "from: 2024.5")),
                refusalOf(replaced(minimal, "from: 2024", "from: \"2024\"")));

        assertThat(messages).containsExactly("YAML aliases (*name) are not supported; write the value out",
                "must be a date written YYYY-MM-DD", "must be a date written YYYY-MM-DD",
                "not valid YAML or JSON: Duplicate field 'title'", "must not be empty", "must be a number",
                "must be a number");
        assertThat(messages).allSatisfy(message -> assertThat(document).contains("`" + message + "`"));
    }

    @Test
    void statesThatOnlyJsonAndYamlBodiesOfAtMostTheFileLimitAreAccepted() {
        assertThat(document).contains("Form uploads (`multipart/form-data`) and `text/plain` are not accepted")
                .contains("The request body may be up to 2 MiB, the file limit").doesNotContain("1 MB");
    }

    /** The message of the one problem the reader finds in {@code file}. */
    private String refusalOf(String file) {
        PlanFileException refusal = catchThrowableOfType(PlanFileException.class, () -> reader.read(utf8(file)));
        assertThat(refusal).as("the reader's refusal").isNotNull();
        assertThat(refusal.problems()).hasSize(1);
        return refusal.problems().get(0).message();
    }

    private static List<String> planFilesIn(String document) {
        List<String> planFiles = new ArrayList<>();
        Matcher block = CODE_BLOCK.matcher(document);
        while (block.find()) {
            if (block.group(2).contains("action-plan/v1")) {
                planFiles.add(block.group(2));
            }
        }
        return planFiles;
    }

    private static List<String> fieldsOf(Class<? extends Record> type, String prefix) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).map(name -> prefix + name)
                .toList();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("The format's reference " + path.normalize() + " cannot be read", e);
        }
    }
}
