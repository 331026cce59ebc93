package se.asfplan.web.page.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Swedish CSV: what Swedish Excel opens as columns, with formulas neutralised. */
class SwedishCsvTest {

    private final ExportTable table = ExportTable.named("Årsmål 2023", "Årsmål", "Målvärde", "Utfall", "Datum")
            .row("ASF inbjudna till Integrationspakten", 3, new BigDecimal("21.50"), LocalDate.of(2023, 2, 1))
            .row("Andel; med semikolon", new BigDecimal("1E+1"), null, null)
            .build();

    @Test
    void beginsWithTheByteOrderMarkAndEndsEveryLineWithCrLf() {
        byte[] bytes = SwedishCsv.bytes(table);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFÅrsmål;Målvärde;Utfall;Datum\r\n").endsWith("\r\n");
        assertThat(text.split("\r\n", -1)).hasSize(4);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void separatesBySemicolonWithADecimalCommaAndQuotesASemicolonInText() {
        String[] lines = SwedishCsv.text(table).split("\r\n");

        assertThat(lines[1]).isEqualTo("ASF inbjudna till Integrationspakten;3;21,5;2023-02-01");
        assertThat(lines[2]).isEqualTo("\"Andel; med semikolon\";10;;");
    }

    @Test
    void neutralisesEveryTextThatASpreadsheetWouldReadAsAFormula() {
        ExportTable risky = ExportTable.named("t", "a", "b", "c", "d", "e", "f", "g")
                .row("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tflik", "\rretur", "vanlig -text")
                .build();

        String line = SwedishCsv.text(risky).split("\r\n", 3)[1];

        assertThat(line).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\";'+1+1;'-2+3;'@SUM(A1);'\tflik;\"'\rretur\";"
                + "vanlig -text");
    }

    @Test
    void writesANegativeNumberAsANumberNotAsText() {
        ExportTable numbers = ExportTable.named("t", "förändring").row(new BigDecimal("-2.5")).build();

        assertThat(SwedishCsv.text(numbers).split("\r\n")[1]).isEqualTo("-2,5");
    }

    @Test
    void neutralisesTheHeadingsToo() {
        assertThat(SwedishCsv.text(ExportTable.named("t", "=rubrik").build())).startsWith("\uFEFF'=rubrik\r\n");
    }
}
