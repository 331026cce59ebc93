package se.asfplan.projections.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.asfplan.projections.participation.ParticipationFact.Fact;
import se.asfplan.projections.participation.ParticipationQueries.ParticipationRow;
import se.asfplan.projections.participation.ParticipationQueries.Source;

/** The participation report folded from facts: counts per year and kind, small counts shown as "<5". */
class ParticipationFoldTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private final List<ParticipationFact> facts = new ArrayList<>();

    private ParticipationFact add(Fact fact, String kind, String occasion, LocalDate on, String... participants) {
        long index = facts.size() + 1;
        ParticipationFact added = new ParticipationFact("event-" + index, index, fact, kind, occasion, on,
                START.plusSeconds(3600 * index), List.of(participants));
        facts.add(added);
        return added;
    }

    @Test
    void showsCountsOfFiveOrMoreWithTheirEvents() {
        ParticipationFact first = add(Fact.MEETING_HELD, "DIALOGUE_FORUM", "forum-1", LocalDate.of(2023, 3, 1),
                "a", "b", "c");
        ParticipationFact second = add(Fact.MEETING_HELD, "DIALOGUE_FORUM", "forum-2", LocalDate.of(2023, 9, 1),
                "c", "d", "e");

        assertThat(ParticipationFold.fold(facts, null, null, null)).containsExactly(new ParticipationRow(2023,
                Source.MEETING, "DIALOGUE_FORUM", 2, "6", "5", false,
                List.of(first.globalIndex(), second.globalIndex())));
    }

    @Test
    void showsOneToFourParticipantsAsFewerThanFiveWithoutEvents() {
        add(Fact.MEETING_HELD, "ROUND_TABLE", "rt-1", LocalDate.of(2023, 3, 1), "a", "b", "c", "d");
        add(Fact.EVENT_PARTICIPATION, "TENDER_SCHOOL", "Anbudsskola", LocalDate.of(2023, 4, 1), "a");

        assertThat(ParticipationFold.fold(facts, null, null, null)).containsExactly(
                new ParticipationRow(2023, Source.MEETING, "ROUND_TABLE", 1, "<5", "<5", true, List.of()),
                new ParticipationRow(2023, Source.EVENT_PARTICIPATION, "TENDER_SCHOOL", 1, "<5", "<5", true,
                        List.of()));
    }

    @Test
    void suppressesTheRowWhenFewerThanFiveEnterprisesMakeFiveOrMoreParticipations() {
        add(Fact.MEETING_HELD, "WORKING_MEETING", "m-1", LocalDate.of(2023, 3, 1), "a", "b", "c");
        add(Fact.MEETING_HELD, "WORKING_MEETING", "m-2", LocalDate.of(2023, 4, 1), "a", "b", "c");

        assertThat(ParticipationFold.fold(facts, null, null, null)).containsExactly(new ParticipationRow(2023,
                Source.MEETING, "WORKING_MEETING", 2, "6", "<5", true, List.of()));
    }

    @Test
    void countsAMeetingInTheYearItWasHeldWithItsLatestCorrectionAsRecordedThen() {
        add(Fact.MEETING_HELD, "DIALOGUE_FORUM", "forum", LocalDate.of(2023, 12, 1), "a", "b");
        ParticipationFact correction = add(Fact.PARTICIPANTS_CORRECTED, null, "forum", LocalDate.of(2024, 1, 15),
                "a", "b", "c", "d", "e");

        assertThat(ParticipationFold.fold(facts, null, null, null)).singleElement().satisfies(row -> {
            assertThat(row.year()).isEqualTo(2023);
            assertThat(row.participants()).isEqualTo("5");
            assertThat(row.events()).containsExactly(1L, correction.globalIndex());
        });
        assertThat(ParticipationFold.fold(facts, correction.recordedAt().minusSeconds(1), null, null))
                .singleElement().satisfies(row -> assertThat(row.participants()).isEqualTo("<5"));
    }

    @Test
    void countsOnlyBusinessDatesInTheRangeAndFactsRecordedByAsOf() {
        add(Fact.EVENT_PARTICIPATION, "EVENT", "SBR-frukost", LocalDate.of(2022, 12, 31), "a");
        add(Fact.EVENT_PARTICIPATION, "EVENT", "SBR-frukost", LocalDate.of(2023, 1, 1), "b");
        ParticipationFact late = add(Fact.EVENT_PARTICIPATION, "EVENT", "SBR-mässa", LocalDate.of(2023, 2, 1), "c");

        assertThat(ParticipationFold.fold(facts, late.recordedAt().minusSeconds(1), LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 12, 31))).singleElement().satisfies(row -> {
                    assertThat(row.occasions()).isEqualTo(1);
                    assertThat(row.participations()).isEqualTo("<5");
                });
    }

    @Test
    void readsZeroAndFiveAsTheyAreAndRefusesANegativeCount() {
        assertThat(SmallCounts.cell(0)).isEqualTo("0");
        assertThat(SmallCounts.cell(1)).isEqualTo("<5");
        assertThat(SmallCounts.cell(4)).isEqualTo("<5");
        assertThat(SmallCounts.cell(5)).isEqualTo("5");
        assertThatThrownBy(() -> SmallCounts.cell(-1)).hasMessageContaining("count must not be negative");
    }

    @Test
    void leavesOutARetractedMeetingAndParticipationFromTheRetractionsRecording() {
        ParticipationFact meeting = add(Fact.MEETING_HELD, "DIALOGUE_FORUM", "forum", LocalDate.of(2023, 3, 1),
                "a", "b", "c", "d", "e");
        ParticipationFact participation = add(Fact.EVENT_PARTICIPATION, "EVENT", "SBR", LocalDate.of(2023, 4, 1),
                "a");
        ParticipationFact first = add(Fact.RETRACTION, null, meeting.eventId(), LocalDate.of(2023, 5, 1));
        add(Fact.RETRACTION, null, participation.eventId(), LocalDate.of(2023, 5, 1));

        assertThat(ParticipationFold.fold(facts, null, null, null)).isEmpty();
        assertThat(ParticipationFold.fold(facts, first.recordedAt().minusSeconds(1), null, null)).hasSize(2);
    }
}
