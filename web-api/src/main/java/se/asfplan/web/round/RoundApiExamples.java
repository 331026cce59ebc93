package se.asfplan.web.round;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import se.asfplan.domain.shared.BusinessCalendar;

/**
 * Realistic examples of the follow-up rounds' requests in the OpenAPI document, where the sample Swagger UI builds
 * from a bare schema would be refused: a subject is written {@code activity:<id>} or {@code goal:<id>}, a reporter is
 * a party of the plan, and the deadline lies after the cut-off date. The example round covers an activity
 * {@code aktivitet} led by AMN and a goal {@code mal}.
 */
@Component
class RoundApiExamples implements OpenApiCustomizer {

    private final Clock clock;

    RoundApiExamples(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        LocalDate today = BusinessCalendar.today(clock);
        Map<String, Object> open = new LinkedHashMap<>();
        open.put("name", "Årsredovisning " + (today.getYear() - 1));
        open.put("kind", "ANNUAL");
        open.put("cutOffDate", (today.getYear() - 1) + "-12-31");
        open.put("deadline", today.toString());
        open.put("subjects", List.of("activity:aktivitet"));
        example(openApi, "OpenRoundRequest", open);
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("subject", "activity:aktivitet");
        assessment.put("reporter", "AMN");
        assessment.put("status", "ON_TRACK");
        assessment.put("comment", "Genomförd enligt plan");
        example(openApi, "AssessmentRequest", assessment);
        example(openApi, "ReviewRequest", Map.of("subject", "activity:aktivitet", "comment", "Stämmer med underlaget"));
        example(openApi, "UnansweredRequest", Map.of("subject", "goal:mal", "reason", "Inget svar före sista dagen"));
        example(openApi, "ItemRequest", Map.of("subject", "activity:aktivitet", "reporter", "AMN"));
    }

    private static void example(OpenAPI openApi, String name, Map<String, Object> example) {
        Schema<?> schema = openApi.getComponents().getSchemas().get(name);
        if (schema != null && schema.getExample() == null) {
            schema.setExample(example);
        }
    }
}
