package se.asfplan.projections.goalreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class FoldedReportsTest {

    private static FoldedReports.Question question(int n) {
        return new FoldedReports.Question(1, "plan-" + n, 2024, null, LocalDate.of(2024, 6, 1));
    }

    @Test
    void keepsAtMostItsCapacityAndDropsTheReportReadLongestAgo() {
        FoldedReports reports = new FoldedReports();
        for (int n = 0; n < FoldedReports.CAPACITY; n++) {
            reports.put(question(n), n, List.of());
        }
        assertThat(reports.get(question(0))).isPresent(); // read: now the most recently used
        reports.put(question(FoldedReports.CAPACITY), 7, List.of());

        assertThat(reports.size()).isEqualTo(FoldedReports.CAPACITY);
        assertThat(reports.get(question(0))).isPresent();
        assertThat(reports.get(question(1))).as("read longest ago").isEmpty();
        assertThat(reports.get(question(FoldedReports.CAPACITY)).orElseThrow().position()).isEqualTo(7);
    }

    @Test
    void tellsQuestionsApartByEveryPartThatChangesTheFold() {
        FoldedReports reports = new FoldedReports();
        reports.put(new FoldedReports.Question(1, "p", 2024, null, LocalDate.of(2024, 6, 1)), 1, List.of());

        assertThat(reports.get(new FoldedReports.Question(2, "p", 2024, null, LocalDate.of(2024, 6, 1)))).isEmpty();
        assertThat(reports.get(new FoldedReports.Question(1, "p", 2023, null, LocalDate.of(2024, 6, 1)))).isEmpty();
        assertThat(reports.get(new FoldedReports.Question(1, "p", 2024, java.time.Instant.EPOCH,
                LocalDate.of(2024, 6, 1)))).isEmpty();
        assertThat(reports.get(new FoldedReports.Question(1, "p", 2024, null, LocalDate.of(2024, 6, 2)))).isEmpty();
        assertThat(reports.get(new FoldedReports.Question(1, "p", 2024, null, LocalDate.of(2024, 6, 1)))).isPresent();
    }
}
