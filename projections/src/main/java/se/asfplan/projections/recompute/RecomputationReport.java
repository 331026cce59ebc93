package se.asfplan.projections.recompute;

import java.time.Instant;
import java.util.List;

/**
 * What an independent recomputation found, or how far it has got.
 *
 * @param id          the recomputation's number
 * @param generation  the generation its read models were rebuilt into (never an answering one)
 * @param outcome     {@code RUNNING}; then {@code EQUAL} (every read model and report equal), {@code DIFFERENT}
 *                    (each difference listed under its read model), {@code INCOMPLETE} (a read model could not be
 *                    compared: its entry says why) or {@code INTERRUPTED} (the service stopped before the end)
 * @param summary     one sentence saying the same in Swedish
 * @param readModels  one entry per read model (processing group), in name order
 */
public record RecomputationReport(long id, int generation, Instant startedAt, String startedBy, Instant finishedAt,
                                  String outcome, String summary, List<ReadModelResult> readModels) {

    public static final String RUNNING = "RUNNING";
    public static final String EQUAL = "EQUAL";
    public static final String DIFFERENT = "DIFFERENT";
    public static final String INCOMPLETE = "INCOMPLETE";
    public static final String INTERRUPTED = "INTERRUPTED";

    /** The differences of every read model together (each list capped, see {@link ReadModelResult}). */
    public int differenceCount() {
        return readModels.stream().mapToInt(ReadModelResult::differenceCount).sum();
    }

    /**
     * One read model.
     *
     * @param state             {@code WAITING} (not started), {@code REBUILDING} (folding the log), {@code COMPARING}
     *                          (caught up, waiting for a moment when the live read model stands at the same position),
     *                          {@code EQUAL}, {@code DIFFERENT} or {@code FAILED} ({@code error} says why)
     * @param position          the position the recomputed generation has folded up to
     * @param head              the newest position in the event store when last looked
     * @param percent           position / head
     * @param comparedAt        the position both generations had folded up to when they were compared
     * @param liveGeneration    the live generation compared with
     * @param differenceCount   every difference found; {@code differences} lists at most the first 100
     */
    public record ReadModelResult(String processingGroup, String state, Long position, Long head, Double percent,
                                  Long comparedAt, Integer liveGeneration, List<TableResult> tables,
                                  List<ReportResult> reports, int differenceCount, List<Difference> differences,
                                  String error) {
    }

    /** One table: its rows in either generation and how many of them differ. */
    public record TableResult(String table, int liveRows, int recomputedRows, int differences) {
    }

    /** One report: how many answers (a plan and year, a plan, ...) were compared and how many differ. */
    public record ReportResult(String report, int answers, int differences) {
    }

    /**
     * One difference.
     *
     * @param kind    {@code ROW} (a table row) or {@code REPORT} (a report's figure)
     * @param source  the table or the report
     * @param key     the row's primary key without the generation ({@code plan_id=stockholm-asf-2021}), or the
     *                report's question ({@code stockholm-asf-2021 2023})
     * @param what    {@code ONLY_LIVE} (the live generation has it, the recomputed one not), {@code ONLY_RECOMPUTED},
     *                or {@code DIFFERENT} (both have it; {@code columns} lists what differs)
     * @param columns the differing columns, or for a report the differing figures by their path in the answer
     */
    public record Difference(String kind, String source, String key, String what, List<ColumnDifference> columns) {
    }

    /** One column or figure: its value in the live and in the recomputed generation (null: none). */
    public record ColumnDifference(String column, String live, String recomputed) {
    }
}
