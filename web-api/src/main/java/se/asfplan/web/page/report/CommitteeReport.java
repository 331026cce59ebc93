package se.asfplan.web.page.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.asfplan.domain.plan.Timeline;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpView;
import se.asfplan.projections.followup.FollowUpQueries.FollowUpGroup;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.page.export.ExportTable;
import se.asfplan.web.page.report.GoalReports.FollowUp;
import se.asfplan.web.page.report.GoalReports.YearFigures;

/**
 * The committee's yearly follow-up report of a plan, as the page, the PDF, the CSV files and the workbook show it:
 * the goals with target, outcome, status and comment; the activities by area with their status as they stood at the
 * end of the year (or today, for the current year); and the event positions the two parts reflect.
 */
record CommitteeReport(PlanView plan, int year, Instant asOf, String asOfText, String generatedAt,
                       YearFigures goals, FollowUp followUp, List<AreaSection> areas) {

    static CommitteeReport of(PlanView plan, int year, Instant asOf, String asOfText, YearFigures goals,
                              FollowUp followUp) {
        List<AreaSection> areas = followUp.report().byArea().stream().map(AreaSection::of).toList();
        return new CommitteeReport(plan, year, asOf, asOfText, SwedishTexts.time(goals.at().generatedAt()), goals,
                followUp, areas);
    }

    public String title() {
        return "Uppföljning " + year + ": " + plan.title();
    }

    /** Where the goal figures stand: the goal report's event position, or a note that it has read none yet. */
    public String goalPosition() {
        return goals.at().position() == null ? "inga händelser behandlade ännu" : goals.at().position().toString();
    }

    public String activityPosition() {
        return followUp.at().position() == null ? "inga händelser behandlade ännu"
                : followUp.at().position().toString();
    }

    /** The business date the activities' status is read at. */
    public LocalDate statusOn() {
        return followUp.to();
    }

    public String moment() {
        return asOf == null ? "Allt som registrerats till och med " + generatedAt
                : "Som det var registrerat " + asOfText;
    }

    /** One area's activities. */
    record AreaSection(String name, List<ActivityRow> activities) {

        static AreaSection of(FollowUpGroup group) {
            return new AreaSection(group.name(), group.activities().stream().map(ActivityRow::of).toList());
        }
    }

    /** An activity's line in the report. */
    record ActivityRow(String activityId, String area, String title, String leads, String timeline, String status,
                       String statusClass, boolean late, String latestNote, LocalDate latestNoteOn) {

        /** The note to show: the closing note of a completed or cancelled activity, else the latest progress note. */
        static ActivityRow of(ActivityFollowUpView activity) {
            boolean closedLast = activity.closingNote() != null && !activity.closingNote().isBlank()
                    && (activity.latestNoteOn() == null || activity.closedOn() == null
                    || !activity.closedOn().isBefore(activity.latestNoteOn()));
            String note = closedLast ? activity.closingNote() : activity.latestNote();
            LocalDate noteOn = closedLast ? activity.closedOn() : activity.latestNoteOn();
            return new ActivityRow(activity.activityId().value(), activity.areaName(), activity.title(),
                    activity.responsibility().leadsText(), timelineText(activity.timeline()),
                    SwedishTexts.activityStatus(activity.status()),
                    SwedishTexts.activityStatusClass(activity.status(), activity.late()), activity.late(),
                    note == null ? "" : note, noteOn);
        }

        /** The status with "försenad" when it runs late: never shown by colour alone. */
        public String statusText() {
            return late ? status + ", försenad" : status;
        }

        public String note() {
            return latestNote.isEmpty() ? "" : (latestNoteOn == null ? "" : latestNoteOn + ": ") + latestNote;
        }
    }

    static String timelineText(Timeline timeline) {
        if (timeline.fromYear() == null) {
            return "Löpande";
        }
        return timeline.toYear() == null ? "Löpande från " + timeline.fromYear()
                : timeline.fromYear().equals(timeline.toYear()) ? timeline.fromYear().toString()
                : timeline.fromYear() + "–" + timeline.toYear();
    }

    /** The goals as a table for download. */
    ExportTable goalTable() {
        ExportTable.Builder table = ExportTable.named("Årsmål " + year, "År", "Årsmål", "Mått", "Slag",
                "Jämförelse", "Målvärde", "Enhet", "Utfall", "Status", "Kommentar", "Antal händelser",
                "Årsmålets id");
        for (GoalFigure goal : goals.figures()) {
            table.row(goal.year(), goal.indicator(), goal.measure(), goal.kind(), goal.comparator(),
                    goal.targetValue(), goal.unit(), goal.outcome(), goal.status(), goal.comment(),
                    goal.events().size(), goal.goalId());
        }
        return table.build();
    }

    /** The activities as a table for download. */
    ExportTable activityTable() {
        ExportTable.Builder table = ExportTable.named("Aktiviteter " + year, "Område", "Aktivitet", "Ansvarig",
                "Tidsplan", "Status", "Försenad", "Senaste notering", "Noteringens datum", "Aktivitetens id");
        for (AreaSection area : areas) {
            for (ActivityRow activity : area.activities()) {
                table.row(area.name(), activity.title(), activity.leads(), activity.timeline(), activity.status(),
                        activity.late() ? "Ja" : "Nej", activity.latestNote(), activity.latestNoteOn(),
                        activity.activityId());
            }
        }
        return table.build();
    }
}
