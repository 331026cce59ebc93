package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The calendar years a plan covers. */
class PlanPeriodTest {

    @Test
    void acceptsTheEarliestAndLatestPlausibleYears() {
        assertThat(PlanPeriod.of(1990, 2100)).isEqualTo(new PlanPeriod(1990, 2100));
    }

    @Test
    void refusesAFromYearBefore1990() {
        assertThatIllegalArgumentException().isThrownBy(() -> PlanPeriod.of(1989, 2024))
                .withMessage("period from-year must be a year between 1990 and 2100, but was 1989");
    }

    @Test
    void refusesAToYearAfter2100() {
        assertThatIllegalArgumentException().isThrownBy(() -> PlanPeriod.of(2021, 2101))
                .withMessage("period to-year must be a year between 1990 and 2100, but was 2101");
    }

    @Test
    void refusesAnOngoingPeriodFromAnImplausibleYear() {
        assertThatIllegalArgumentException().isThrownBy(() -> PlanPeriod.ongoingFrom(2101))
                .withMessageContaining("period from-year must be a year between 1990 and 2100");
    }

    @Test
    void refusesAPeriodEndingBeforeItBegins() {
        assertThatIllegalArgumentException().isThrownBy(() -> PlanPeriod.of(2024, 2021))
                .withMessage("period to-year 2021 must not be before from-year 2024");
    }

    @Test
    void acceptsASingleYearPeriod() {
        PlanPeriod period = PlanPeriod.of(2024, 2024);
        assertThat(period.contains(2024)).isTrue();
        assertThat(period.contains(2023)).isFalse();
        assertThat(period.contains(2025)).isFalse();
    }

    @Test
    void containsItsFirstAndLastYearButNotTheYearsAround() {
        PlanPeriod period = PlanPeriod.of(2021, 2024);
        assertThat(period.contains(2020)).isFalse();
        assertThat(period.contains(2021)).isTrue();
        assertThat(period.contains(2024)).isTrue();
        assertThat(period.contains(2025)).isFalse();
    }

    @Test
    void containsEveryYearFromTheStartOfAnOngoingPeriod() {
        PlanPeriod period = PlanPeriod.ongoingFrom(2021);
        assertThat(period.isOngoing()).isTrue();
        assertThat(period.contains(2020)).isFalse();
        assertThat(period.contains(2021)).isTrue();
        assertThat(period.contains(2100)).isTrue();
    }

    @Test
    void isOngoingOnlyWithoutAToYear() {
        assertThat(PlanPeriod.of(2021, 2024).isOngoing()).isFalse();
        assertThat(PlanPeriod.ongoingFrom(2021).isOngoing()).isTrue();
    }

    @Test
    void coversATimelineWithinIt() {
        PlanPeriod period = PlanPeriod.of(2021, 2024);
        assertThat(period.covers(Timeline.years(2021, 2024))).isTrue();
        assertThat(period.covers(Timeline.years(2022, 2023))).isTrue();
    }

    @Test
    void doesNotCoverATimelineReachingOutsideIt() {
        PlanPeriod period = PlanPeriod.of(2021, 2024);
        assertThat(period.covers(Timeline.years(2020, 2022))).isFalse();
        assertThat(period.covers(Timeline.years(2023, 2025))).isFalse();
        assertThat(period.covers(Timeline.years(2019, 2026))).isFalse();
    }

    @Test
    void coversATimelineOngoingThroughoutThePlan() {
        assertThat(PlanPeriod.of(2021, 2024).covers(Timeline.ongoing())).isTrue();
        assertThat(PlanPeriod.ongoingFrom(2021).covers(Timeline.ongoing())).isTrue();
    }

    @Test
    void coversATimelineOngoingFromAYearWithinIt() {
        assertThat(PlanPeriod.of(2021, 2024).covers(Timeline.ongoingFrom(2024))).isTrue();
        assertThat(PlanPeriod.of(2021, 2024).covers(Timeline.ongoingFrom(2025))).isFalse();
        assertThat(PlanPeriod.of(2021, 2024).covers(Timeline.ongoingFrom(2020))).isFalse();
    }

    @Test
    void coversAnyLaterTimelineWhenOngoing() {
        PlanPeriod period = PlanPeriod.ongoingFrom(2021);
        assertThat(period.covers(Timeline.years(2030, 2040))).isTrue();
        assertThat(period.covers(Timeline.ongoingFrom(2030))).isTrue();
        assertThat(period.covers(Timeline.years(2020, 2022))).isFalse();
    }

    @Test
    void printsAsAYearRangeOrAnOpenRange() {
        assertThat(PlanPeriod.of(2021, 2024)).hasToString("2021-2024");
        assertThat(PlanPeriod.ongoingFrom(2021)).hasToString("2021-");
    }
}
