package se.asfplan.web.page.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.projections.plan.PlanQueries.PlanView;
import se.asfplan.web.api.PlanReader;
import se.asfplan.web.page.PageNotFoundException;
import se.asfplan.web.page.report.GoalReports.YearFigures;

/**
 * The yearly-goal dashboard of a plan: for a chosen year each goal's target against its outcome (bar chart and
 * table), the trend of each goal across the plan's goal years (line chart and table), and from each figure a link to
 * the events behind it ({@code /planer/{planId}/mal/{goalId}/{year}}). Every role may read it. {@code ar} chooses the
 * year, {@code asOf} the recording moment (what the report showed then).
 */
@Controller
class GoalDashboardController {

    private final PlanReader plans;
    private final GoalReports reports;
    private final EventDetails events;
    private final ObjectMapper json;

    GoalDashboardController(PlanReader plans, GoalReports reports, EventDetails events, ObjectMapper json) {
        this.plans = plans;
        this.reports = reports;
        this.events = events;
        this.json = json;
    }

    @GetMapping("/planer/{planId}/mal")
    String dashboard(@PathVariable String planId, @RequestParam(name = "ar", required = false) String ar,
                     @RequestParam(required = false) String asOf, Model model, HttpServletResponse response) {
        PlanView plan = plans.plan(new PlanId(planId));
        List<Integer> years = GoalReports.goalYears(plan);
        model.addAttribute("plan", plan);
        model.addAttribute("years", years);
        model.addAttribute("asOfText", asOf == null ? "" : asOf);
        Instant moment;
        Integer year;
        try {
            moment = AsOf.parse(asOf);
            year = chosenYear(ar, years);
        } catch (AsOf.InvalidFilter e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("filterError", e.getMessage());
            model.addAttribute("filterErrorField", e.field());
            model.addAttribute("year", null);
            return "report/dashboard";
        }
        model.addAttribute("year", year);
        model.addAttribute("asOf", moment);
        if (year == null) {
            return "report/dashboard";
        }
        YearFigures chosen = reports.year(plan, year, moment);
        model.addAttribute("chosen", chosen);
        model.addAttribute("position", chosen.at().position());
        model.addAttribute("generatedAt", SwedishTexts.time(chosen.at().generatedAt()));
        model.addAttribute("barJson", barChart(chosen.figures()).write(json));

        List<YearFigures> all = new ArrayList<>();
        for (int each : years) {
            all.add(each == year ? chosen : reports.year(plan, each, moment));
        }
        Trend trend = Trend.of(years, all);
        model.addAttribute("trend", trend);
        model.addAttribute("lineJson", trend.chart().write(json));
        return "report/dashboard";
    }

    @GetMapping("/planer/{planId}/mal/{goalId}/{year}")
    String figure(@PathVariable String planId, @PathVariable String goalId, @PathVariable int year,
                  @RequestParam(required = false) String asOf, Model model, HttpServletResponse response) {
        PlanView plan = plans.plan(new PlanId(planId));
        Instant moment = AsOf.parse(asOf);
        YearFigures figures = reports.year(plan, year, moment);
        GoalFigure figure = figures.figures().stream().filter(each -> each.goalId().equals(goalId)).findFirst()
                .orElseThrow(() -> new PageNotFoundException("Planen har inget årsmål ”" + goalId + "” för "
                        + year + (moment == null ? "." : " registrerat vid den valda tidpunkten.")));
        model.addAttribute("plan", plan);
        model.addAttribute("figure", figure);
        model.addAttribute("year", year);
        model.addAttribute("asOf", moment);
        model.addAttribute("asOfText", asOf == null ? "" : asOf);
        model.addAttribute("position", figures.at().position());
        model.addAttribute("generatedAt", SwedishTexts.time(figures.at().generatedAt()));
        model.addAttribute("events", events.at(figure.events(), figure.eventIds()));
        return "report/figure";
    }

    /** The year asked for; otherwise this year if the plan has goals for it, the latest earlier one, or the first. */
    private Integer chosenYear(String ar, List<Integer> years) {
        if (ar != null && !ar.isBlank()) {
            try {
                int year = Integer.parseInt(ar.strip());
                if (year >= 1990 && year <= 2100) {
                    return year;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new AsOf.InvalidFilter("ar", "Året ”" + ar + "” kunde inte läsas. Välj ett år i listan.");
        }
        if (years.isEmpty()) {
            return null;
        }
        int thisYear = reports.today().getYear();
        return years.stream().filter(year -> year <= thisYear).reduce((a, b) -> b).orElse(years.get(0));
    }

    static ChartJson barChart(List<GoalFigure> figures) {
        return new ChartJson(figures.stream().map(figure -> figure.indicator() + " (" + figure.unit() + ")")
                .toList())
                .dataset("Målvärde", figures.stream().map(GoalFigure::targetValue).toList())
                .dataset("Utfall", figures.stream().map(GoalFigure::outcome).toList());
    }

    /**
     * Each goal's figures across the years: one series per recurring goal, or per indicator for goals set year by
     * year, with a cell per year (null where the series has no goal that year).
     */
    record Trend(List<Integer> years, List<Series> series) {

        record Series(String label, List<GoalFigure> cells) {
        }

        static Trend of(List<Integer> years, List<YearFigures> figures) {
            Map<String, GoalFigure[]> cells = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            for (int y = 0; y < figures.size(); y++) {
                for (GoalFigure figure : figures.get(y).figures()) {
                    cells.computeIfAbsent(figure.series(), key -> new GoalFigure[years.size()])[y] = figure;
                    labels.putIfAbsent(figure.series(), figure.indicator() + " (" + figure.unit() + ")");
                }
            }
            List<Series> series = new ArrayList<>();
            cells.forEach((key, row) -> series.add(new Series(labels.get(key), java.util.Arrays.asList(row))));
            series.sort(java.util.Comparator.comparing(Series::label,
                    java.text.Collator.getInstance(java.util.Locale.forLanguageTag("sv-SE"))));
            return new Trend(years, series);
        }

        ChartJson chart() {
            ChartJson chart = new ChartJson(years.stream().map(String::valueOf).toList());
            for (Series each : series) {
                List<BigDecimal> outcomes = each.cells().stream()
                        .map(cell -> cell == null ? null : cell.outcome()).toList();
                chart.dataset(each.label(), outcomes);
            }
            return chart;
        }
    }
}
