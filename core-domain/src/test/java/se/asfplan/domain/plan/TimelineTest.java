package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** When an activity is meant to happen. */
class TimelineTest {

    @Test
    void acceptsTheEarliestAndLatestPlausibleYears() {
        assertThat(Timeline.years(1990, 2100)).isEqualTo(new Timeline(1990, 2100));
    }

    @Test
    void refusesAFromYearBefore1990() {
        assertThatIllegalArgumentException().isThrownBy(() -> Timeline.years(1989, 2021))
                .withMessage("timeline from-year must be a year between 1990 and 2100, but was 1989");
    }

    @Test
    void refusesAToYearAfter2100() {
        assertThatIllegalArgumentException().isThrownBy(() -> Timeline.years(2021, 2101))
                .withMessage("timeline to-year must be a year between 1990 and 2100, but was 2101");
    }

    @Test
    void refusesAToYearWithoutAFromYear() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Timeline(null, 2024))
                .withMessage("timeline with a to-year needs a from-year");
    }

    @Test
    void refusesATimelineEndingBeforeItBegins() {
        assertThatIllegalArgumentException().isThrownBy(() -> Timeline.years(2024, 2023))
                .withMessage("timeline to-year 2023 must not be before from-year 2024");
    }

    @Test
    void isOngoingUnlessItHasAToYear() {
        assertThat(Timeline.ongoing().isOngoing()).isTrue();
        assertThat(Timeline.ongoingFrom(2022).isOngoing()).isTrue();
        assertThat(Timeline.years(2022, 2022).isOngoing()).isFalse();
    }

    @Test
    void ongoingThroughoutThePlanHasNoYears() {
        assertThat(Timeline.ongoing()).isEqualTo(new Timeline(null, null));
    }

    @Test
    void printsInTheWordsOfThePlan() {
        assertThat(Timeline.years(2021, 2024)).hasToString("2021-2024");
        assertThat(Timeline.ongoingFrom(2022)).hasToString("ongoing from 2022");
        assertThat(Timeline.ongoing()).hasToString("ongoing");
    }
}
