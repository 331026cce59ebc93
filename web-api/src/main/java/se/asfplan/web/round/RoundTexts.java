package se.asfplan.web.round;

import java.util.List;
import java.util.Map;

import se.asfplan.domain.round.AssessmentStatus;
import se.asfplan.domain.round.ItemState;
import se.asfplan.domain.round.RoundKind;

/** The Swedish words for a round's kinds, states and the assessment scale, as pages and downloads show them. */
public final class RoundTexts {

    private static final Map<RoundKind, String> KINDS = Map.of(RoundKind.TERTIAL, "Tertialuppföljning",
            RoundKind.INTERIM, "Delårsrapport", RoundKind.ANNUAL, "Årsredovisning");
    private static final Map<AssessmentStatus, String> STATUSES = Map.of(AssessmentStatus.ON_TRACK, "Enligt plan",
            AssessmentStatus.PARTLY_ON_TRACK, "Delvis enligt plan", AssessmentStatus.NOT_ON_TRACK,
            "Ej enligt plan", AssessmentStatus.NOT_STARTED, "Ej påbörjad");
    private static final Map<ItemState, String> STATES = Map.of(ItemState.AWAITING_SUBMISSION, "Ej rapporterad",
            ItemState.SUBMITTED, "Väntar på granskning", ItemState.RETURNED, "Returnerad",
            ItemState.APPROVED, "Godkänd", ItemState.UNANSWERED, "Obesvarad");

    private RoundTexts() {
    }

    public static String kind(RoundKind kind) {
        return kind == null ? "" : KINDS.get(kind);
    }

    public static String status(AssessmentStatus status) {
        return status == null ? "" : STATUSES.get(status);
    }

    public static String state(ItemState state) {
        return state == null ? "" : STATES.get(state);
    }

    public static List<RoundKind> kinds() {
        return List.of(RoundKind.TERTIAL, RoundKind.INTERIM, RoundKind.ANNUAL);
    }

    public static List<AssessmentStatus> statuses() {
        return List.of(AssessmentStatus.values());
    }

    public static String goalStatus(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "MET" -> "Uppnått";
            case "NOT_MET" -> "Ej uppnått";
            case "IN_PROGRESS" -> "Pågår";
            default -> status;
        };
    }

    public static String comparator(String comparator) {
        if (comparator == null) {
            return "";
        }
        return switch (comparator) {
            case "AT_LEAST" -> "minst";
            case "AT_MOST" -> "högst";
            case "EXACTLY" -> "exakt";
            default -> comparator.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** What a difference in the comparison means, in Swedish. */
    public static String difference(String difference) {
        return switch (difference) {
            case "outcome" -> "utfallet";
            case "status" -> "status";
            case "target" -> "målvärdet";
            case "source" -> "källan";
            case "events" -> "händelserna bakom utfallet";
            case "added" -> "målet har tillkommit";
            case "removed" -> "målet finns inte längre i rapporten";
            default -> difference;
        };
    }
}
