package se.asfplan.web.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import se.asfplan.infra.history.HistoryEntry;
import se.asfplan.infra.history.RecordHistory;
import se.asfplan.infra.history.RecordKind;
import se.asfplan.web.page.export.SwedishCsv;

/**
 * The history of every record of one kind as CSV for Swedish Excel (as the pages' exports: semicolons, UTF-8 with a
 * byte-order mark), one line per event, written (every text cell neutralised by {@link SwedishCsv}), record by record: only one
 * record's stream is in memory at a time. For an area, activity or goal, every event of every plan that names one.
 */
@Component
public class HistoryCsv {

    static final List<String> HEADINGS = List.of("Post", "Plan", "Id", "Position", "Händelse-id", "Händelse", "Typ",
            "Verksamhetsdag", "Registrerad (UTC)", "Registrerad av", "Kanal", "Request-id", "Korrelations-id",
            "Återkallar", "Återkallad av");

    private final RecordHistory histories;

    public HistoryCsv(RecordHistory histories) {
        this.histories = histories;
    }

    /** The kinds, as their path names. */
    public static List<String> kinds() {
        return Arrays.stream(RecordKind.values()).map(RecordKind::pathName).toList();
    }

    /** Writes the CSV of every record of the kind; answers the number of events written. */
    public long write(RecordKind kind, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(SwedishCsv.BOM);
        writer.write(SwedishCsv.line(HEADINGS));
        long lines = 0;
        RecordKind stream = kind.partOfPlan() ? RecordKind.PLAN : kind;
        for (String id : histories.ids(stream)) {
            List<HistoryEntry> entries = histories.of(stream, id, null).orElse(List.of());
            for (HistoryEntry entry : entries) {
                String part = kind.partOfPlan() ? entry.event().text(kind.partField()) : null;
                if (kind.partOfPlan() && part == null) {
                    continue;
                }
                HistoryEvent event = HistoryEvent.of(entry);
                List<Object> cells = new ArrayList<>();
                cells.add(kind.pathName());
                cells.add(kind.partOfPlan() ? id : null);
                cells.add(kind.partOfPlan() ? part : id);
                cells.add(event.position());
                cells.add(event.eventId());
                cells.add(event.name());
                cells.add(event.type());
                cells.add(event.businessDate());
                cells.add(event.recordedAt() == null ? null : event.recordedAt().toString());
                cells.add(event.recordedBy());
                cells.add(event.recordedVia());
                cells.add(event.requestId());
                cells.add(event.correlationId());
                cells.add(event.retracts());
                cells.add(event.retractedBy());
                writer.write(SwedishCsv.line(cells));
                lines++;
            }
            writer.flush();
        }
        writer.flush();
        return lines;
    }
}
