package se.asfplan.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesOnlyFieldsThatNeedItAndDoublesQuotes() {
        assertThat(Csv.field("Nätverkande")).isEqualTo("Nätverkande");
        assertThat(Csv.field("SBR, AMN")).isEqualTo("\"SBR, AMN\"");
        assertThat(Csv.field("säger \"hej\"")).isEqualTo("\"säger \"\"hej\"\"\"");
        assertThat(Csv.field("två\nrader")).isEqualTo("\"två\nrader\"");
        assertThat(Csv.field(null)).isEmpty();
        assertThat(Csv.field(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void neutralisesEveryTextASpreadsheetWouldRunAsAFormulaButNotNumbers() {
        assertThat(Csv.field("=HYPERLINK(\"http://x\",\"klicka\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"klicka\"\")\"");
        assertThat(Csv.field("+46 8 123")).isEqualTo("'+46 8 123");
        assertThat(Csv.field("-1+1")).isEqualTo("'-1+1");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(Csv.field("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(Csv.field("a=b")).isEqualTo("a=b");
        assertThat(Csv.field(-5)).isEqualTo("-5");
        assertThat(Csv.field(new BigDecimal("-2.5"))).isEqualTo("-2.5");
    }

    @Test
    void writesHeaderRowsAndTheAnswersFactsAsHeaders() {
        var answer = new ReportAnswer<>(Instant.parse("2024-01-31T08:00:00Z"), 42L,
                Instant.parse("2024-01-01T00:00:00Z"), List.of(List.of("a", 1), List.of("b,c", 2)));
        var response = Csv.answer(answer, "rapport.csv", List.of("namn", "antal"), row -> row);

        String body = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("\uFEFFnamn,antal\r\na,1\r\n\"b,c\",2\r\n");
        assertThat(response.getHeaders().getFirst(Csv.POSITION_HEADER)).isEqualTo("42");
        assertThat(response.getHeaders().getFirst(Csv.GENERATED_AT_HEADER)).isEqualTo("2024-01-31T08:00:00Z");
        assertThat(response.getHeaders().getFirst(Csv.AS_OF_HEADER)).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
    }
}
