package se.asfplan.web.page.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import se.asfplan.web.page.report.GoalReports.YearFigures;
import se.asfplan.web.report.ReportPosition;

/** The dashboard's pieces without a server: the chosen moment, the chart data and the trend across years. */
class GoalPagesTest {

    @Test
    void readsTheMomentAsADateADateAndTimeInSwedishTimeOrAnInstant() {
        assertThat(AsOf.parse(null)).isNull();
        assertThat(AsOf.parse("  ")).isNull();
        // the end of 31 January in Stockholm (UTC+1 in winter)
        assertThat(AsOf.parse("2024-01-31")).isEqualTo(Instant.parse("2024-01-31T22:59:59.999999999Z"));
        assertThat(AsOf.parse("2024-07-01T12:00")).isEqualTo(Instant.parse("2024-07-01T10:00:00Z"));
        assertThat(AsOf.parse("2024-07-01T12:00:00Z")).isEqualTo(Instant.parse("2024-07-01T12:00:00Z"));
        assertThatThrownBy(() -> AsOf.parse("igår")).isInstanceOf(AsOf.InvalidFilter.class)
                .hasMessage("Tidpunkten ”igår” kunde inte läsas. " + AsOf.HELP);
    }

    @Test
    void writesChartDataThatNoTextCanEndTheScriptElementOf() throws Exception {
        String json = new ChartJson(List.of("</script><script>alert(1)</script>"))
                .dataset("Utfall", Arrays.asList((BigDecimal) null)).write(new ObjectMapper());

        assertThat(json).doesNotContain("<").contains("\\u003c/script>");
        assertThat(new ObjectMapper().readTree(json).get("labels").get(0).asText())
                .isEqualTo("</script><script>alert(1)</script>");
        assertThat(new ObjectMapper().readTree(json).get("datasets").get(0).get("data").get(0).isNull()).isTrue();
    }

    @Test
    void followsAGoalSetYearByYearAsOneSeriesAcrossTheYears() {
        GoalFigure share2022 = figure("andel-2022", 2022, "Andel ASF", "18");
        GoalFigure share2023 = figure("andel-2023", 2023, "Andel ASF", "21.5");
        GoalFigure invited2023 = figure("inbjudna-2023", 2023, "ASF inbjudna", "1");
        ReportPosition at = new ReportPosition(Instant.EPOCH, 0, 1L);

        GoalDashboardController.Trend trend = GoalDashboardController.Trend.of(List.of(2022, 2023), List.of(
                new YearFigures(2022, at, null, List.of(share2022)),
                new YearFigures(2023, at, null, List.of(share2023, invited2023))));

        assertThat(trend.series()).extracting(GoalDashboardController.Trend.Series::label)
                .containsExactly("Andel ASF (st)", "ASF inbjudna (st)");
        assertThat(trend.series().get(0).cells()).containsExactly(share2022, share2023);
        assertThat(trend.series().get(1).cells()).containsExactly(null, invited2023);
        assertThat(trend.chart().write(new ObjectMapper())).isEqualTo("{\"labels\":[\"2022\",\"2023\"],"
                + "\"datasets\":[{\"label\":\"Andel ASF (st)\",\"data\":[18,21.5]},"
                + "{\"label\":\"ASF inbjudna (st)\",\"data\":[null,1]}]}");
    }

    private static GoalFigure figure(String goalId, int year, String indicator, String outcome) {
        return new GoalFigure(goalId, year, indicator, "Antal", "mått", "minst 1 st", "minst", BigDecimal.ONE, "st",
                new BigDecimal(outcome), outcome + " st", "Uppfyllt", "status--ok", "", indicator, List.of(),
                List.of());
    }
}
