package se.asfplan.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Business dates are calendar dates in Sweden, whatever zone the clock is in. */
class BusinessCalendarTest {

    private static LocalDate todayAt(String instant) {
        return BusinessCalendar.today(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void decidesDatesInEuropeStockholm() {
        assertThat(BusinessCalendar.ZONE).isEqualTo(ZoneId.of("Europe/Stockholm"));
    }

    @Test
    void countsHalfPastElevenUtcOnNewYearsEveAsNewYearsDay() {
        assertThat(todayAt("2024-12-31T23:30:00Z")).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void countsOneSecondBeforeStockholmMidnightAsNewYearsEve() {
        assertThat(todayAt("2024-12-31T22:59:59Z")).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void followsSwedishSummerTime() {
        assertThat(todayAt("2024-06-15T21:59:59Z")).isEqualTo(LocalDate.of(2024, 6, 15));
        assertThat(todayAt("2024-06-15T22:00:00Z")).isEqualTo(LocalDate.of(2024, 6, 16));
    }

    @Test
    void ignoresTheZoneTheClockHappensToBeIn() {
        Clock newYork = Clock.fixed(Instant.parse("2024-12-31T23:30:00Z"), ZoneId.of("America/New_York"));
        assertThat(BusinessCalendar.today(newYork)).isEqualTo(LocalDate.of(2025, 1, 1));
    }
}
