package se.asfplan.web.page.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table as CSV that Swedish Excel opens as columns: semicolon-separated, decimal comma, Swedish headings, UTF-8
 * with a byte-order mark (without it Excel reads å, ä and ö wrongly), lines ended by CRLF. A field holding a
 * semicolon, a quote or a line break is quoted (RFC 4180, with the semicolon as separator). Text cells are
 * neutralised ({@link Cells#neutralised}); numbers are written plain with a decimal comma, dates as YYYY-MM-DD.
 */
public final class SwedishCsv {

    public static final String BOM = "\uFEFF";

    private SwedishCsv() {
    }

    public static byte[] bytes(ExportTable table) {
        return text(table).getBytes(StandardCharsets.UTF_8);
    }

    /** The CSV text, beginning with the byte-order mark. */
    public static String text(ExportTable table) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, table.headings());
        table.rows().forEach(row -> line(csv, row));
        return csv.toString();
    }

    /** One line of cells, ended by CRLF, each cell as {@link #text} writes it: for exports streamed line by line. */
    public static String line(List<?> cells) {
        StringBuilder csv = new StringBuilder();
        line(csv, cells);
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            csv.append(field(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(Object cell) {
        if (cell == null) {
            return "";
        }
        if (Cells.isNumber(cell)) {
            return Cells.decimal((Number) cell).toPlainString().replace('.', ',');
        }
        String text = Cells.isDate(cell) ? cell.toString() : Cells.text(cell);
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
