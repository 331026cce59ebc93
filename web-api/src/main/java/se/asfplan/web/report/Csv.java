package se.asfplan.web.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.page.export.Cells;

/**
 * Writes report rows as RFC 4180 CSV (comma-separated, CRLF, fields quoted when they hold a comma, quote or line
 * break) in UTF-8 with a byte-order mark, so that spreadsheet programs used in municipalities open Swedish
 * letters correctly. A text field that a spreadsheet would read as a formula (beginning with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) is neutralised by a leading single quote ({@link Cells#neutralised},
 * OWASP's rule on CSV injection); numbers are written as they are. The answer's generation time and event position travel in headers.
 */
public final class Csv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final String GENERATED_AT_HEADER = "X-Report-Generated-At";
    public static final String POSITION_HEADER = "X-Report-Position";
    public static final String AS_OF_HEADER = "X-Report-As-Of";

    private Csv() {
    }

    /**
     * Whether the client asked for CSV: {@code format=csv}, or no {@code format} and an {@code Accept} header naming
     * text/csv. {@code format} must be json or csv.
     */
    public static boolean requested(String format, String accept) {
        if (format == null) {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.isCompatibleWith(TEXT_CSV) && !type.isWildcardSubtype());
        }
        return switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new IllegalArgumentException("format must be json or csv, but was '" + format + "'");
        };
    }

    public static <T> ResponseEntity<byte[]> answer(ReportAnswer<T> answer, String fileName, List<String> header,
                                                    Function<T, List<?>> row) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, header);
        for (T value : answer.rows()) {
            line(csv, row.apply(value));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(TEXT_CSV);
        headers.setContentDisposition(org.springframework.http.ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8).build());
        headers.set(GENERATED_AT_HEADER, answer.generatedAt().toString());
        if (answer.position() != null) {
            headers.set(POSITION_HEADER, answer.position().toString());
        }
        if (answer.asOf() != null) {
            headers.set(AS_OF_HEADER, answer.asOf().toString());
        }
        return ResponseEntity.ok().headers(headers).body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder csv, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        // numbers are values, never formulas (a negative figure stays a number); every other text is neutralised
        String text = value instanceof java.math.BigDecimal number ? number.toPlainString()
                : value instanceof Number ? value.toString() : Cells.neutralised(value.toString());
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
