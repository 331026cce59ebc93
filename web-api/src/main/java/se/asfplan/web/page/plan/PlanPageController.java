package se.asfplan.web.page.plan;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityStatus;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.projections.enterprise.EnterpriseQueries.EnterpriseFactView;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpReport;
import se.asfplan.projections.followup.FollowUpQueries.ActivityFollowUpView;
import se.asfplan.projections.followup.FollowUpQueries.FindActivityFollowUpQuery;
import se.asfplan.projections.meeting.MeetingQueries.MeetingView;
import se.asfplan.projections.plan.PlanQueries.ActivityView;
import se.asfplan.projections.plan.PlanQueries.AreaView;
import se.asfplan.projections.plan.PlanQueries.GoalView;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.projections.procurement.ProcurementQueries.ProcurementStepFactView;
import se.asfplan.web.api.EnterpriseReader;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.api.ProcurementReader;
import se.asfplan.web.api.problem.NotFoundException;
import se.asfplan.web.page.PageNotFoundException;
import se.asfplan.web.security.ReadPolicy;
import se.asfplan.web.page.form.FormOption;

/**
 * {@code /planer/{planId}}: a plan by area, each activity with its status, lead parties, latest note and whether it
 * runs late at the end of the chosen year, filterable; and {@code /planer/{planId}/aktiviteter/{activityId}}: one
 * activity with its facts, its goals and what carried it out.
 */
@Controller
public class PlanPageController {

    static final String ALL_COMMITTEES = Responsibility.ALL_COMMITTEES;
    private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
    private static final int NOTE_SHOWN = 240;

    private final PlanReader plans;
    private final QueryGateway queries;
    private final EnterpriseReader enterprises;
    private final ProcurementReader procurements;
    private final Clock clock;

    public PlanPageController(PlanReader plans, QueryGateway queries, EnterpriseReader enterprises,
                              ProcurementReader procurements, Clock clock) {
        this.plans = plans;
        this.queries = queries;
        this.enterprises = enterprises;
        this.procurements = procurements;
        this.clock = clock;
    }

    /** One activity as the plan page lists it, at the end of the chosen year. */
    public record ActivityRow(String activityId, String title, String kind, String timeline, List<String> leads,
                              boolean allCommittees, ActivityStatus status, boolean late, String latestNote,
                              LocalDate latestNoteOn) {

        public String statusLabel() {
            return PlanLabels.status(status);
        }

        public String statusClass() {
            return PlanLabels.statusClass(status);
        }

        public boolean jointLead() {
            return leads.size() + (allCommittees ? 1 : 0) > 1;
        }

        public String leadsText() {
            List<String> names = new ArrayList<>(leads);
            if (allCommittees) {
                names.add(ALL_COMMITTEES);
            }
            return String.join("; ", names);
        }

        public String shortNote() {
            return latestNote == null || latestNote.length() <= NOTE_SHOWN ? latestNote
                    : latestNote.substring(0, NOTE_SHOWN).strip() + " …";
        }
    }

    /** An area with the activities that pass the filter. */
    public record AreaRows(String areaId, String heading, String description, int total, List<ActivityRow> rows) {
    }

    @GetMapping("/planer/{planId}")
    public String plan(@PathVariable String planId, @RequestParam(name = "omrade", required = false) String area,
                       @RequestParam(name = "status", required = false) String status,
                       @RequestParam(name = "ansvarig", required = false) String lead,
                       @RequestParam(name = "forsenade", required = false) String onlyLate,
                       @RequestParam(name = "ar", required = false) String yearParameter, Model model) {
        PlanView plan = plan(planId);
        LocalDate today = BusinessCalendar.today(clock);
        List<String> notices = new ArrayList<>();
        List<Integer> years = years(plan, today);
        int year = today.getYear();
        if (blank(yearParameter) == null) {
            year = today.getYear();
        } else if (yearParameter.strip().matches("\\d{4}") && years.contains(Integer.parseInt(yearParameter.strip()))) {
            year = Integer.parseInt(yearParameter.strip());
        } else {
            notices.add("Året " + yearParameter + " går inte att välja; sidan visar läget vid utgången av "
                    + year + ".");
        }
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        Map<String, ActivityFollowUpView> followUp = followUp(plan.planId(), yearEnd, today);

        String chosenArea = blank(area);
        String askedArea = chosenArea;
        if (askedArea != null && plan.areas().stream().noneMatch(a -> a.areaId().value().equals(askedArea))) {
            notices.add("Planen har inget sådant område; filtret på område används inte.");
            chosenArea = null;
        }
        ActivityStatus chosenStatus = null;
        if (blank(status) != null) {
            try {
                chosenStatus = ActivityStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                notices.add("Det finns ingen sådan status; filtret på status används inte.");
            }
        }
        List<FormOption> leadChoices = leadChoices(plan);
        String chosenLead = blank(lead);
        if (chosenLead != null && leadChoices.stream().noneMatch(option -> option.value().equals(lead.strip()))) {
            notices.add("Ingen aktivitet i planen leds av " + lead + "; filtret på ansvarig part används inte.");
            chosenLead = null;
        }
        boolean lateOnly = "ja".equals(onlyLate);

        List<AreaRows> areas = new ArrayList<>();
        int shown = 0;
        int lateCount = 0;
        for (AreaView areaView : plan.areas()) {
            List<ActivityRow> all = areaView.activities().stream()
                    .map(activity -> row(activity, followUp.get(activity.activityId().value()), yearEnd)).toList();
            lateCount += (int) all.stream().filter(ActivityRow::late).count();
            if (chosenArea != null && !areaView.areaId().value().equals(chosenArea)) {
                continue;
            }
            ActivityStatus statusFilter = chosenStatus;
            String leadFilter = chosenLead;
            List<ActivityRow> rows = all.stream()
                    .filter(row -> statusFilter == null || row.status() == statusFilter)
                    .filter(row -> leadFilter == null || leads(row, leadFilter))
                    .filter(row -> !lateOnly || row.late()).toList();
            shown += rows.size();
            areas.add(new AreaRows(areaView.areaId().value(), areaHeading(areaView), areaView.description(),
                    all.size(), rows));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("areas", areas);
        model.addAttribute("shown", shown);
        model.addAttribute("total", plan.activities().size());
        model.addAttribute("lateCount", lateCount);
        model.addAttribute("year", year);
        model.addAttribute("currentYear", year == today.getYear());
        model.addAttribute("years", years);
        model.addAttribute("areaChoices", plan.areas().stream()
                .map(a -> new FormOption(a.areaId().value(), areaHeading(a))).toList());
        model.addAttribute("statusChoices", PlanLabels.options(ActivityStatus.class, PlanLabels::status));
        model.addAttribute("leadChoices", leadChoices);
        model.addAttribute("chosenArea", chosenArea);
        model.addAttribute("chosenStatus", chosenStatus == null ? null : chosenStatus.name());
        model.addAttribute("chosenLead", chosenLead);
        model.addAttribute("lateOnly", lateOnly);
        model.addAttribute("filtered", chosenArea != null || chosenStatus != null || chosenLead != null || lateOnly);
        model.addAttribute("notices", notices);
        model.addAttribute("decisions", plan.decisions());
        model.addAttribute("labels", new Labels());
        return "plan/plan";
    }

    @GetMapping("/planer/{planId}/aktiviteter/{activityId}")
    public String activity(@PathVariable String planId, @PathVariable String activityId, Model model) {
        PlanView plan = plan(planId);
        ActivityView activity = plan.activities().stream()
                .filter(candidate -> candidate.activityId().value().equals(activityId)).findFirst()
                .orElseThrow(() -> new PageNotFoundException("Planen " + plan.title()
                        + " har ingen aktivitet som heter " + activityId + "."));
        AreaView area = plan.areas().stream().filter(candidate -> candidate.areaId().equals(activity.areaId()))
                .findFirst().orElse(null);
        ActivityId id = activity.activityId();
        // the same questions as the API's /api/plans/{p}/activities/{a}/facts
        List<EnterpriseFactView> enterpriseFacts = enterprises.factsCarryingOut(plan.planId(), id);
        List<MeetingView> meetings = enterprises.meetingsCarryingOut(plan.planId(), id);
        List<ProcurementStepFactView> steps = procurements.stepsCarryingOut(plan.planId(), id);
        // what the viewer may read of them: the API's rule (ReadPolicy), counts with "<5" for a committee
        ReadPolicy policy = ReadPolicy.current();
        boolean staff = policy.readsRecords();
        List<GoalView> goals = plan.goals().stream().filter(goal -> id.equals(goal.activityId()))
                .sorted(Comparator.comparingInt(GoalView::year)).toList();
        LocalDate today = BusinessCalendar.today(clock);
        model.addAttribute("plan", plan);
        model.addAttribute("activity", activity);
        model.addAttribute("area", area == null ? null : areaHeading(area));
        model.addAttribute("row", row(activity, null, LocalDate.of(today.getYear(), 12, 31)));
        model.addAttribute("year", today.getYear());
        model.addAttribute("goals", goals);
        model.addAttribute("staff", staff);
        model.addAttribute("enterpriseFacts", policy.records(enterpriseFacts));
        model.addAttribute("enterpriseFactCount", policy.count(enterpriseFacts.size()));
        model.addAttribute("enterpriseCount", policy.count(enterpriseFacts.stream()
                .map(EnterpriseFactView::enterpriseId).distinct().count()));
        model.addAttribute("meetings", policy.records(meetings));
        model.addAttribute("meetingCount", meetings.size());
        model.addAttribute("steps", policy.records(steps));
        model.addAttribute("stepCount", steps.size());
        model.addAttribute("labels", new Labels());
        model.addAttribute("responsibilityForm", responsibilityForm(plan, activity));
        model.addAttribute("rescheduleForm", rescheduleForm(plan, activity));
        return "plan/activity";
    }

    /** The responsibility form, prefilled with the activity's lead party and "samtliga nämnder" as they stand. */
    private static String responsibilityForm(PlanView plan, ActivityView activity) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/formular/activity-responsibility")
                .queryParam("planId", plan.planId().value())
                .queryParam("activityId", activity.activityId().value());
        if (activity.responsibility().lead() != null) {
            link.queryParam("responsibility.lead", activity.responsibility().lead());
        }
        if (activity.responsibility().allCommittees()) {
            link.queryParam("responsibility.allCommittees", "true");
        }
        return link.encode().build().toUriString();
    }

    /** The reschedule form, prefilled with the activity's timeline as it stands. */
    private static String rescheduleForm(PlanView plan, ActivityView activity) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/formular/activity-reschedule")
                .queryParam("planId", plan.planId().value())
                .queryParam("activityId", activity.activityId().value());
        if (activity.timeline() != null && activity.timeline().fromYear() != null) {
            link.queryParam("timeline.fromYear", activity.timeline().fromYear());
        }
        if (activity.timeline() != null && activity.timeline().toYear() != null) {
            link.queryParam("timeline.toYear", activity.timeline().toYear());
        }
        return link.encode().build().toUriString();
    }

    /** The Swedish names, for the templates. */
    public static final class Labels {

        public String status(ActivityStatus status) {
            return PlanLabels.status(status);
        }

        public String statusClass(ActivityStatus status) {
            return PlanLabels.statusClass(status);
        }

        public String kind(se.asfplan.domain.plan.ActivityKind kind) {
            return PlanLabels.kind(kind);
        }

        public String goalKind(se.asfplan.domain.plan.GoalKind kind) {
            return PlanLabels.goalKind(kind);
        }

        public String decisionKind(se.asfplan.domain.plan.DecisionKind kind) {
            return PlanLabels.decisionKind(kind);
        }

        public String timeline(se.asfplan.domain.plan.Timeline timeline) {
            return PlanLabels.timeline(timeline);
        }

        public String target(se.asfplan.domain.plan.Target target) {
            return PlanLabels.target(target);
        }

        public String period(se.asfplan.domain.plan.PlanPeriod period) {
            return period.fromYear() + "–" + (period.toYear() == null ? "tills vidare" : period.toYear());
        }

        public String fact(String name) {
            return PlanLabels.fact(name);
        }

        public String date(LocalDate date) {
            return date == null ? "" : date.toString();
        }

        /** A paragraph of the minutes as written, with "§" in front when the record leaves it out. */
        public String paragraph(String paragraph) {
            return paragraph == null ? "" : paragraph.strip().startsWith("§") ? paragraph.strip()
                    : "§ " + paragraph.strip();
        }
    }

    private PlanView plan(String planId) {
        PlanId id;
        try {
            id = new PlanId(planId);
        } catch (IllegalArgumentException e) {
            throw new PageNotFoundException("Det finns ingen plan som heter " + planId + ".");
        }
        try {
            return plans.plan(id);
        } catch (NotFoundException e) {
            throw new PageNotFoundException("Det finns ingen plan som heter " + planId + ".");
        }
    }

    private Map<String, ActivityFollowUpView> followUp(PlanId planId, LocalDate yearEnd, LocalDate today) {
        Optional<ActivityFollowUpReport> report = queries.query(
                new FindActivityFollowUpQuery(planId, null, null, yearEnd, today),
                ResponseTypes.optionalInstanceOf(ActivityFollowUpReport.class)).join();
        Map<String, ActivityFollowUpView> views = new LinkedHashMap<>();
        report.ifPresent(found -> found.activities().forEach(view -> views.putIfAbsent(view.activityId().value(),
                view)));
        return views;
    }

    /**
     * The activity at the end of the year as the follow-up read model has it; an activity that read model does not
     * know yet is shown as the plan reads it, late by the same rule.
     */
    private static ActivityRow row(ActivityView activity, ActivityFollowUpView followUp, LocalDate yearEnd) {
        if (followUp != null) {
            return new ActivityRow(activity.activityId().value(), activity.title(), PlanLabels.kind(activity.kind()),
                    PlanLabels.timeline(followUp.timeline()), followUp.responsibility().leads(),
                    followUp.responsibility().allCommittees(), followUp.status(), followUp.late(),
                    followUp.latestNote(), followUp.latestNoteOn());
        }
        boolean late = !activity.status().isClosed() && activity.timeline() != null
                && activity.timeline().toYear() != null && activity.timeline().toYear() < yearEnd.getYear();
        return new ActivityRow(activity.activityId().value(), activity.title(), PlanLabels.kind(activity.kind()),
                PlanLabels.timeline(activity.timeline()), activity.responsibility().leads(),
                activity.responsibility().allCommittees(), activity.status(), late, activity.latestNote(),
                activity.latestNoteOn());
    }

    private static boolean leads(ActivityRow row, String lead) {
        if (lead.equals(ALL_COMMITTEES)) {
            return row.allCommittees();
        }
        return row.leads().stream().anyMatch(name -> key(name).equals(key(lead)));
    }

    /** Every party that leads an activity of the plan, by the name the plan gives, and "samtliga nämnder". */
    private static List<FormOption> leadChoices(PlanView plan) {
        Map<String, String> names = new LinkedHashMap<>();
        boolean allCommittees = false;
        for (ActivityView activity : plan.activities()) {
            activity.responsibility().leads().forEach(name -> names.putIfAbsent(key(name), name));
            allCommittees |= activity.responsibility().allCommittees();
        }
        List<FormOption> choices = new ArrayList<>(names.values().stream().sorted(SWEDISH)
                .map(name -> new FormOption(name, name)).toList());
        if (allCommittees) {
            choices.add(new FormOption(ALL_COMMITTEES, "Samtliga nämnder"));
        }
        return choices;
    }

    /** The years the page can judge: the plan's years up to this year, and this year. */
    private static List<Integer> years(PlanView plan, LocalDate today) {
        int last = today.getYear();
        List<Integer> years = new ArrayList<>();
        for (int year = Math.min(plan.period().fromYear(), last); year <= last; year++) {
            years.add(year);
        }
        return years;
    }

    static String areaHeading(AreaView area) {
        return (area.number() == null ? "" : "Område " + area.number() + ": ") + area.name();
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
