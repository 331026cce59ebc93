package se.asfplan.infra.json;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import se.asfplan.domain.plan.Measure;

/**
 * Reads a {@link Measure} by its name or by a name it had before a rename ({@link Measure#formerNames()}), so that
 * a goal event stored with a former name (e.g. {@code RESERVED_PROCUREMENTS_BEGUN}) still reads, as the measure it
 * became; {@code core-domain} carries no Jackson annotation such as {@code @JsonAlias}. A measure is always written
 * with its current name. Any other text is refused as Jackson refuses an unknown enum value
 * ({@link com.fasterxml.jackson.databind.exc.InvalidFormatException}).
 */
public class RenamedMeasuresModule extends SimpleModule {

    public RenamedMeasuresModule() {
        super("asfplan-renamed-measures");
        addDeserializer(Measure.class, new StdScalarDeserializer<>(Measure.class) {
            @Override
            public Measure deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return (Measure) context.handleUnexpectedToken(Measure.class, parser);
                }
                String text = parser.getText();
                Optional<Measure> measure = Measure.named(text);
                if (measure.isPresent()) {
                    return measure.get();
                }
                return (Measure) context.handleWeirdStringValue(Measure.class, text,
                        "not one of the values accepted for Enum class: %s", Arrays.toString(Measure.values()));
            }
        });
    }
}
