package se.asfplan.web.report;

import java.time.Instant;

/**
 * Where a report stands: the generation of its read model it reads, and the event position (global index) the
 * processor writing that generation had folded before the question was asked, so that every row reflects at least
 * the events up to it; with the moment the answer was generated.
 *
 * @param generatedAt when the answer was generated (UTC)
 * @param generation  the generation read: the active one, or the one a rebuild fills when that was asked for
 * @param position    the position reached, or {@code null} before the processor has folded anything
 */
public record ReportPosition(Instant generatedAt, int generation, Long position) {
}
