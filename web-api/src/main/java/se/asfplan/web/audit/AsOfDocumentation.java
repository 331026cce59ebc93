package se.asfplan.web.audit;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Describes every {@code asOf} parameter in the OpenAPI document as what {@link AsOfConverter} accepts: a timestamp
 * or a date (the end of that day, Swedish time), rather than a date-time only.
 */
@Component
public class AsOfDocumentation implements OpenApiCustomizer {

    static final String DESCRIPTION = "The recording moment to answer as of: a timestamp (2024-03-31T21:59:59Z, or "
            + "with an offset, 2024-03-31T23:59:59+02:00) or a date (2024-03-31), which means the end of that day in "
            + "Swedish time (Europe/Stockholm). Only what was recorded at or before it counts.";

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() == null) {
                return;
            }
            for (Parameter parameter : operation.getParameters()) {
                if ("asOf".equals(parameter.getName()) && "query".equals(parameter.getIn())) {
                    parameter.setSchema(new StringSchema().example("2024-03-31"));
                    parameter.setDescription(DESCRIPTION);
                }
            }
        }));
    }
}
