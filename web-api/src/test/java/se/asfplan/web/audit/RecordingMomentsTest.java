package se.asfplan.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A recording moment written as a date is a whole day in Swedish time; a timestamp is itself. */
class RecordingMomentsTest {

    @Test
    void aDateClosesARangeAtTheLastInstantOfThatDayInSwedishTimeSummerAndWinter() {
        // 31 March 2024 is summer time (UTC+2) from 02:00 that night; 1 January is winter time (UTC+1)
        assertThat(RecordingMoments.endOf("2024-03-31")).isEqualTo(Instant.parse("2024-03-31T21:59:59.999999999Z"));
        assertThat(RecordingMoments.endOf("2024-01-01")).isEqualTo(Instant.parse("2024-01-01T22:59:59.999999999Z"));
        assertThat(RecordingMoments.startOf("2024-03-31")).isEqualTo(Instant.parse("2024-03-30T23:00:00Z"));
        assertThat(new AsOfConverter().convert("2024-03-31")).isEqualTo(RecordingMoments.endOf("2024-03-31"));
    }

    @Test
    void aTimestampIsTakenAsWrittenWithOrWithoutAnOffset() {
        assertThat(RecordingMoments.endOf("2024-03-31T12:00:00Z")).isEqualTo(Instant.parse("2024-03-31T12:00:00Z"));
        assertThat(RecordingMoments.startOf("2024-03-31T14:00:00+02:00"))
                .isEqualTo(Instant.parse("2024-03-31T12:00:00Z"));
    }

    @Test
    void anythingElseIsRefusedNamingBothForms() {
        for (String bad : new String[] {"yesterday", "2024-13-01", "31/03/2024", "2024-03-31T25:00:00Z", " "}) {
            assertThatThrownBy(() -> RecordingMoments.endOf(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a timestamp such as 2024-03-31T21:59:59Z")
                    .hasMessageContaining("a date such as 2024-03-31 (the end of that day, Swedish time)");
        }
        assertThatThrownBy(() -> RecordingMoments.startOf("igår")).hasMessageContaining("start of that day");
    }
}
