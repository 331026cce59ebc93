package se.asfplan.web.audit;

import java.time.Instant;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Every {@link Instant} request parameter of the API (every endpoint's {@code asOf}) accepts a date as well as a
 * timestamp: {@code asOf=2024-03-31} is the end of that day in Swedish time. Spring Boot adds converter beans to the
 * MVC conversion service after its defaults, so this one answers for {@code String -> Instant}. A bad value is
 * refused with 400 naming both forms (the {@link IllegalArgumentException}'s message reaches the answer).
 */
@Component
public class AsOfConverter implements Converter<String, Instant> {

    @Override
    public Instant convert(String source) {
        return source.isBlank() ? null : RecordingMoments.endOf(source);
    }
}
