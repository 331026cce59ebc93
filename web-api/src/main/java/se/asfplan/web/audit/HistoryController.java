package se.asfplan.web.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.infra.history.RecordKind;
import se.asfplan.web.audit.HistoryReader.EventAnswer;
import se.asfplan.web.audit.HistoryReader.Filter;
import se.asfplan.web.audit.HistoryReader.HistoryPage;

/**
 * The history of any record and the look-up of one event, for coordinators and auditors: who recorded what, when,
 * through which channel, and which event retracts which, read from the event store as it is stored.
 */
@RestController
@Tag(name = "History", description = "Every event of a record with who recorded it and when, and one event by its "
        + "position or id with the record it belongs to")
public class HistoryController {

    private static final String FROM = "Recorded at or after: a timestamp, or a date (the start of that day, Swedish "
            + "time)";
    private static final String TO = "Recorded at or before: a timestamp, or a date (the end of that day, Swedish "
            + "time)";

    private final HistoryReader reader;

    public HistoryController(HistoryReader reader) {
        this.reader = reader;
    }

    @GetMapping("/api/history/{kind}/{id}")
    @Operation(summary = "The history of a plan, enterprise, meeting, procurement, party or follow-up round: every "
            + "event, oldest first")
    public HistoryPage history(
            @Parameter(description = "plan, enterprise, meeting, procurement, party or round",
                    schema = @Schema(allowableValues = {"plan", "enterprise", "meeting", "procurement", "party",
                            "round"}))
            @PathVariable String kind,
            @PathVariable String id,
            @Parameter(description = "Only events recorded by this login") @RequestParam(required = false) String user,
            @Parameter(description = FROM, example = "2024-01-01") @RequestParam(required = false) String from,
            @Parameter(description = TO, example = "2024-03-31") @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "At most 500") @RequestParam(defaultValue = "100") int size) {
        RecordKind recordKind = HistoryReader.kind(kind);
        if (recordKind.partOfPlan()) {
            throw new IllegalArgumentException("the history of a plan's " + recordKind.pathName() + " is read at "
                    + "/api/history/" + recordKind.pathName() + "/{planId}/{" + recordKind.pathName() + "Id}");
        }
        return reader.history(recordKind, id, null, filter(user, from, to), page, size);
    }

    @GetMapping("/api/history/{kind}/{planId}/{partId}")
    @Operation(summary = "The history of a plan's area, activity or goal: the plan's events that name it, oldest first")
    public HistoryPage partHistory(
            @Parameter(description = "area, activity or goal",
                    schema = @Schema(allowableValues = {"area", "activity", "goal"}))
            @PathVariable String kind,
            @PathVariable String planId,
            @PathVariable String partId,
            @Parameter(description = "Only events recorded by this login") @RequestParam(required = false) String user,
            @Parameter(description = FROM, example = "2024-01-01") @RequestParam(required = false) String from,
            @Parameter(description = TO, example = "2024-03-31") @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "At most 500") @RequestParam(defaultValue = "100") int size) {
        RecordKind recordKind = HistoryReader.kind(kind);
        if (!recordKind.partOfPlan()) {
            throw new IllegalArgumentException("the history of a " + recordKind.pathName() + " is read at "
                    + "/api/history/" + recordKind.pathName() + "/{id}");
        }
        return reader.history(recordKind, planId, partId, filter(user, from, to), page, size);
    }

    @GetMapping("/api/events/{positionOrId}")
    @Operation(summary = "One event by its position in the log (digits) or its event id: the record it belongs to, "
            + "its links, and its full payload and metadata as stored")
    public EventAnswer event(@PathVariable String positionOrId) {
        return reader.event(positionOrId);
    }

    static Filter filter(String user, String from, String to) {
        return new Filter(user == null || user.isBlank() ? null : user.strip(),
                from == null || from.isBlank() ? null : moment("from", from, true),
                to == null || to.isBlank() ? null : moment("to", to, false));
    }

    private static java.time.Instant moment(String name, String value, boolean start) {
        try {
            return start ? RecordingMoments.startOf(value) : RecordingMoments.endOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage(), e);
        }
    }
}
