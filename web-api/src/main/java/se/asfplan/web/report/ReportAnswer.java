package se.asfplan.web.report;

import java.time.Instant;
import java.util.List;

/**
 * A report as answered over the API.
 *
 * @param generatedAt when this answer was computed (UTC)
 * @param position    the highest event position (global index) the read model had folded when answering, or
 *                    {@code null} when it has folded nothing yet
 * @param asOf        the recording moment the report was asked for ({@code null}: everything recorded so far)
 * @param rows        the report's rows
 */
public record ReportAnswer<T>(Instant generatedAt, Long position, Instant asOf, List<T> rows) {

    /** The answer of a report that stands where {@code at} says, asked as recorded at {@code asOf}. */
    public static <T> ReportAnswer<T> at(ReportPosition at, Instant asOf, List<T> rows) {
        return new ReportAnswer<>(at.generatedAt(), at.position(), asOf, rows);
    }
}
