package se.asfplan.web.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.domain.shared.OrganisationNumber;

/**
 * Realistic examples in the OpenAPI document where the sample Swagger UI would build from a bare schema is refused:
 * a year property (a goal's {@code year}, a period's or timeline's {@code fromYear} and {@code toYear}) would be 0
 * or its minimum, which no plan covers; its example is the current year. A period's or timeline's derived
 * {@code ongoing} is read-only (answered, never taken). An award's example leaves out {@code employment}, which
 * only an award reserved for employment gives. The domain's value types carry no
 * OpenAPI annotations, so their examples are set here, on every schema of the document that has such a property.
 */
@Component
class ApiExamples implements OpenApiCustomizer {

    private static final Set<String> YEARS = Set.of("year", "fromYear", "toYear");

    private final Clock clock;

    ApiExamples(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        int year = BusinessCalendar.today(clock).getYear();
        Schema<?> award = openApi.getComponents().getSchemas().get("AwardRequest");
        if (award != null && award.getExample() == null) {
            // employment is given only for an award in a procurement reserved for employment: the example of the
            // whole request leaves it out, as it leaves out what only a direct award names (purchaseKind)
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("supplier", Map.of("organisationNumber", OrganisationNumber.EXAMPLE));
            example.put("value", 450000);
            example.put("contractPeriod", Map.of("from", (year + 1) + "-01-01", "to", (year + 2) + "-12-31"));
            award.setExample(example);
        }
        for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) {
                continue;
            }
            properties.forEach((name, property) -> {
                if (name.equals("ongoing")) {
                    // a period's or timeline's derived flag: answered in reads, refused as an unknown field in a
                    // request (it follows from toYear), so Swagger UI must leave it out of its samples
                    property.setReadOnly(true);
                }
                boolean integer = "integer".equals(property.getType())
                        || property.getTypes() != null && property.getTypes().contains("integer");
                if (YEARS.contains(name) && integer && property.getExample() == null) {
                    property.setExample(year);
                }
            });
        }
    }
}
