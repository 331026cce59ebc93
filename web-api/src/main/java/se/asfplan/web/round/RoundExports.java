package se.asfplan.web.round;

import java.util.List;

import se.asfplan.web.page.export.ExportTable;

/** The presented report as tables for download (CSV for Swedish Excel), with Swedish headings. */
public final class RoundExports {

    /** The header that carries a presented report's SHA-256 (over the stored JSON's UTF-8 bytes). */
    public static final String SHA256_HEADER = "X-Report-SHA256";

    private RoundExports() {
    }

    /** One table: a row per goal, then a row per assessment, then the log's checkpoint, each row saying which it is. */
    public static ExportTable table(RoundReport report) {
        ExportTable.Builder table = ExportTable.named("Rapport", "Del", "Id", "Benämning", "Rapportör",
                "Tillstånd", "Bedömning", "Kommentar", "Mål (jämförelse)", "Målvärde", "Enhet", "Utfall",
                "Källa", "Status", "Registrerad av", "Händelser");
        for (RoundReport.GoalOutcome goal : report.goals()) {
            table.row("Mål " + report.year(), goal.goalId(), goal.indicator(), null, null, null, null,
                    RoundTexts.comparator(goal.comparator()), goal.target(), goal.unit(), goal.outcome(),
                    goal.source(), RoundTexts.goalStatus(goal.status()), null, join(goal.events()));
        }
        for (RoundReport.Assessment assessment : report.assessments()) {
            table.row("Bedömning", assessment.subject(), assessment.title(), assessment.reporter(),
                    RoundTexts.state(assessment.state()), RoundTexts.status(assessment.status()),
                    assessment.comment(), null, null, null, assessment.figure(), assessment.figureSource(), null,
                    assessment.submittedBy(), null);
        }
        RoundReport.LogCheckpoint checkpoint = report.logCheckpoint();
        if (checkpoint != null) {
            table.row("Loggens kontrollpunkt", String.valueOf(checkpoint.position()), checkpoint.head(), null, null,
                    null, "signerad " + checkpoint.createdAt() + " med nyckel " + checkpoint.keyId() + "; signatur "
                            + checkpoint.signature(), null, null, null, null, null, null, null, null);
        }
        return table.build();
    }

    private static String join(List<Long> positions) {
        return String.join(" ", positions.stream().map(String::valueOf).toList());
    }
}
