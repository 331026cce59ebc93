package se.asfplan.infra.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Dates are read from ISO text only, also where Jackson's own date reader is registered first. */
class StrictDatesModuleTest {

    private record Dated(LocalDate occurredOn) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new StrictDatesModule());

    @Test
    void readsAnIsoDateAndNull() throws Exception {
        assertThat(json.readValue("{\"occurredOn\": \"2024-12-31\"}", Dated.class).occurredOn())
                .isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(json.readValue("{\"occurredOn\": null}", Dated.class).occurredOn()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[2024, 1, 1]", "[\"2024-01-01\"]", "20240101", "19000", "true", "{}",
            "\"2024-02-30\"", "\"2024-1-1\"", "\"+2024-01-01\"", "\"2024-01-01T00:00:00\"", "\"\""})
    void refusesEverythingElse(String value) {
        assertThatThrownBy(() -> json.readValue("{\"occurredOn\": " + value + "}", Dated.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("YYYY-MM-DD");
    }
}
