package se.asfplan.infra.planfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plan files for the reader's tests: the files under {@code plans/} on the class path, and small YAML plan files
 * built from a valid minimal plan by replacing or removing one top-level field at a time.
 */
final class PlanFileFixtures {

    static final String STOCKHOLM_PLAN = "/plans/stockholm-asf-2021.yaml";
    static final String EXEMPELKOMMUN_PLAN = "/plans/exempelkommun-2018-2020.json";
    static final String ONGOING_PLAN = "/plans/ongoing-plan.yaml";

    /** One area with one ongoing activity, as the minimal plan has it. */
    static final String ONE_AREA = """

              - id: natverk
                name: "Nätverk"
                activities:
                  - id: natverk-moten
                    kind: activity
                    title: "Nätverksmöten med sociala företag"
                    lead: "Näringslivsenheten"
                    timeline: ongoing
            """;

    /** One goal following the minimal plan's activity, complete in every field. */
    static final String ONE_GOAL = """

              - id: natverksmoten-2022
                year: 2022
                kind: count
                measure: event-participations
                indicator: "Antal nätverksmöten"
                comparator: at-least
                target: 4
                unit: "st"
                activity: natverk-moten
                decision: {body: "Kommunstyrelsen", reference: "KS 2021/0012", paragraph: "§ 5"}
            """;

    private PlanFileFixtures() {
    }

    static InputStream resource(String path) {
        InputStream input = PlanFileFixtures.class.getResourceAsStream(path);
        assertThat(input).as("class-path resource %s", path).isNotNull();
        return input;
    }

    /** A valid plan file with every required field and nothing more. */
    static PlanFileText minimalPlanFile() {
        return new PlanFileText()
                .with("format", "action-plan/v1")
                .with("id", "testby-2021")
                .with("title", "\"Handlingsplan för sociala företag i Testby\"")
                .with("municipality", "\"Testby kommun\"")
                .with("adopted", "\n  \"on\": 2021-08-31\n  body: \"Kommunfullmäktige\"")
                .with("period", "{from: 2021, to: 2024}")
                .with("areas", ONE_AREA);
    }

    /** The minimal plan with {@link #ONE_GOAL}. */
    static PlanFileText planFileWithOneGoal() {
        return minimalPlanFile().with("goals", ONE_GOAL);
    }

    /** {@code text} with {@code target} replaced; fails when {@code target} is absent, so no test passes vacuously. */
    static String replaced(String text, String target, String replacement) {
        assertThat(text).as("fixture text to change").contains(target);
        return text.replace(target, replacement);
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A YAML plan file as top-level fields in order; a value starting with a line break is a block. */
    static final class PlanFileText {

        private final Map<String, String> fields = new LinkedHashMap<>();

        PlanFileText with(String field, String yaml) {
            fields.put(field, yaml);
            return this;
        }

        PlanFileText without(String field) {
            assertThat(fields).as("fields of the plan file").containsKey(field);
            fields.remove(field);
            return this;
        }

        /** Replaces text inside one field's value; fails when the text is absent. */
        PlanFileText changing(String field, String target, String replacement) {
            assertThat(fields).as("fields of the plan file").containsKey(field);
            fields.put(field, replaced(fields.get(field), target, replacement));
            return this;
        }

        String yaml() {
            StringBuilder text = new StringBuilder();
            fields.forEach((field, value) -> text.append(field).append(':')
                    .append(value.startsWith("\n") ? "" : " ").append(value)
                    .append(value.endsWith("\n") ? "" : "\n"));
            return text.toString();
        }

        InputStream stream() {
            return utf8(yaml());
        }
    }
}
