package se.asfplan.infra.json;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * A date is read only from its ISO text, {@code YYYY-MM-DD}. Jackson's own reader of dates also takes an empty array
 * as no date, {@code [2024, 1, 1]} as a date and a number as days since 1970, so a malformed {@code occurredOn}
 * would silently become "today" or some far day; here each of those is an error naming the field.
 */
public class StrictDatesModule extends SimpleModule {

    public StrictDatesModule() {
        super("strict-dates");
        addDeserializer(LocalDate.class, new IsoDate());
    }

    private static final class IsoDate extends StdScalarDeserializer<LocalDate> {

        private IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser.currentToken(), parser,
                        "a date must be written as text YYYY-MM-DD");
            }
            String text = parser.getText();
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "a date must be a real day written YYYY-MM-DD");
            }
        }
    }
}
