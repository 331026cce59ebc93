package se.asfplan.web.page.statistics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.asfplan.domain.enterprise.IntegrationspaktenLevels;
import se.asfplan.domain.shared.BusinessCalendar;
import se.asfplan.projections.participation.ParticipationProjection;
import se.asfplan.projections.participation.ParticipationQueries.FindParticipationQuery;
import se.asfplan.projections.participation.ParticipationQueries.ParticipationRow;
import se.asfplan.projections.participation.ParticipationQueries.Source;
import se.asfplan.projections.statistics.StatisticsProjection;
import se.asfplan.projections.statistics.StatisticsQueries.FindProcurementStatisticsQuery;
import se.asfplan.projections.statistics.StatisticsQueries.FindRegisterStatisticsQuery;
import se.asfplan.projections.statistics.StatisticsQueries.ProcurementStatisticsRow;
import se.asfplan.projections.statistics.StatisticsQueries.RegisterStatisticsRow;
import se.asfplan.web.report.ReportPosition;
import se.asfplan.web.report.ReportPositions;

/**
 * {@code /statistik}: the register, procurement and participation statistics for a period (every role), asked of the
 * same read models and with the same questions as the API's reports ({@code /api/reports/register},
 * {@code /procurement}, {@code /participation}), each as a chart and a table with the same figures. The participation
 * figures are shown exactly as the report gives them: a count of one to four participants reads "&lt;5".
 */
@Controller
class StatisticsPageController {

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final QueryGateway queries;
    private final ReportPositions positions;
    private final Clock clock;
    private final ObjectMapper json;
    private final IntegrationspaktenLevels levels;

    StatisticsPageController(QueryGateway queries, ReportPositions positions, Clock clock, ObjectMapper json,
                             IntegrationspaktenLevels levels) {
        this.queries = queries;
        this.positions = positions;
        this.clock = clock;
        this.json = json;
        this.levels = levels;
    }

    /** A district's row of the register statistics. */
    public record DistrictRow(String district, int knownAsf, int invited, int members) {
    }

    /** Members at one level. */
    public record LevelRow(String level, int members) {
    }

    /** A year's procurement figures (over every contracting authority) or one authority's. */
    public record ProcurementRow(int year, String authority, int begun, int reserved, int dividedIntoLots,
                                 int completed, int cancelled, int contractsAwarded, int awardedToAsf,
                                 String valueAwarded, String valueAwardedToAsf) {
    }

    /** A year and kind of the participation report, its cells as the report gives them. */
    public record ParticipationLine(int year, String kind, int occasions, String participations,
                                    String participants) {
    }

    /** A quick choice of period: a calendar year. */
    public record YearLink(int year, String from, String to) {
    }

    @GetMapping("/statistik")
    String statistics(@RequestParam(name = "fran", required = false) String fromText,
                      @RequestParam(name = "till", required = false) String toText, Model model)
            throws JsonProcessingException {
        LocalDate today = BusinessCalendar.today(clock);
        List<String> problems = new ArrayList<>();
        LocalDate from = date(fromText, LocalDate.of(today.getYear(), 1, 1), "Från", problems);
        LocalDate to = date(toText, today, "Till", problems);
        if (from.isAfter(to)) {
            problems.add("Från-datumet ligger efter till-datumet. Statistiken visas för innevarande år.");
            from = LocalDate.of(today.getYear(), 1, 1);
            to = today;
        }
        if (from.isBefore(EARLIEST) || to.isAfter(today.plusYears(50))) {
            problems.add("Välj en period mellan år 2000 och de närmaste åren. Statistiken visas för innevarande år.");
            from = LocalDate.of(today.getYear(), 1, 1);
            to = today;
        }
        model.addAttribute("problems", problems);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        List<YearLink> years = new ArrayList<>();
        for (int year = today.getYear(); year > today.getYear() - 6; year--) {
            years.add(new YearLink(year, LocalDate.of(year, 1, 1).toString(),
                    (year == today.getYear() ? today : LocalDate.of(year, 12, 31)).toString()));
        }
        model.addAttribute("years", years);

        register(from, to, model);
        procurement(from, to, model);
        participation(from, to, model);
        return "statistics/statistics";
    }

    private void register(LocalDate from, LocalDate to, Model model) throws JsonProcessingException {
        ReportPosition at = positions.now(StatisticsProjection.PROCESSING_GROUP, null);
        // as the register report: counted on 'to'; 'from' narrows which invitations count
        List<RegisterStatisticsRow> rows = queries.query(new FindRegisterStatisticsQuery(null, from, to, null)
                .reading(at.generation()), ResponseTypes.multipleInstancesOf(RegisterStatisticsRow.class)).join();
        List<DistrictRow> districts = new ArrayList<>();
        DistrictRow total = new DistrictRow("Alla stadsdelar", 0, 0, 0);
        List<LevelRow> byLevel = new ArrayList<>();
        for (RegisterStatisticsRow row : rows) {
            String district = row.total() ? "Alla stadsdelar" : Objects.requireNonNullElse(row.district(),
                    "Utan stadsdel");
            if (row.level() == null) {
                DistrictRow line = new DistrictRow(district, zero(row.knownAsf()),
                        zero(row.invitedToIntegrationspakten()), row.members());
                if (row.total()) {
                    total = line;
                } else {
                    districts.add(line);
                }
            } else if (row.total()) {
                byLevel.add(new LevelRow(levelName(row.level()), row.members()));
            }
        }
        districts.sort(Comparator.comparing(DistrictRow::district));
        model.addAttribute("registerPosition", at);
        model.addAttribute("districts", districts);
        model.addAttribute("registerTotal", total);
        model.addAttribute("levels", byLevel);
        model.addAttribute("registerChart", chart(districts.stream().map(DistrictRow::district).toList(),
                dataset("Kända ASF", districts.stream().map(DistrictRow::knownAsf).toList()),
                dataset("Inbjudna till Integrationspakten", districts.stream().map(DistrictRow::invited).toList()),
                dataset("Medlemmar i Integrationspakten", districts.stream().map(DistrictRow::members).toList())));
        model.addAttribute("levelChart", chart(byLevel.stream().map(LevelRow::level).toList(),
                dataset("Medlemmar", byLevel.stream().map(LevelRow::members).toList())));
    }

    private void procurement(LocalDate from, LocalDate to, Model model) throws JsonProcessingException {
        ReportPosition at = positions.now(StatisticsProjection.PROCESSING_GROUP, null);
        List<ProcurementStatisticsRow> rows = queries.query(new FindProcurementStatisticsQuery(null, from, to, null,
                        null).reading(at.generation()),
                ResponseTypes.multipleInstancesOf(ProcurementStatisticsRow.class)).join();
        List<ProcurementRow> years = new ArrayList<>();
        List<ProcurementRow> authorities = new ArrayList<>();
        for (ProcurementStatisticsRow row : rows) {
            ProcurementRow line = new ProcurementRow(row.year(), row.authority(), row.begun(), row.reserved(),
                    row.dividedIntoLots(), row.completed(), row.cancelled(), row.contractsAwarded(),
                    row.awardedToAsf(), kronor(row.valueAwarded()), kronor(row.valueAwardedToAsf()));
            (row.authority() == null ? years : authorities).add(line);
        }
        years.sort(Comparator.comparingInt(ProcurementRow::year));
        authorities.sort(Comparator.comparingInt(ProcurementRow::year).thenComparing(ProcurementRow::authority));
        model.addAttribute("procurementYears", years);
        model.addAttribute("procurementAuthorities", authorities);
        model.addAttribute("procurementChart", chart(years.stream().map(row -> String.valueOf(row.year())).toList(),
                dataset("Påbörjade upphandlingar", years.stream().map(ProcurementRow::begun).toList()),
                dataset("Reserverade", years.stream().map(ProcurementRow::reserved).toList()),
                dataset("Tilldelade kontrakt", years.stream().map(ProcurementRow::contractsAwarded).toList()),
                dataset("Kontrakt till ASF", years.stream().map(ProcurementRow::awardedToAsf).toList())));
    }

    private void participation(LocalDate from, LocalDate to, Model model) throws JsonProcessingException {
        ReportPosition at = positions.now(ParticipationProjection.PROCESSING_GROUP, null);
        List<ParticipationRow> rows = queries.query(new FindParticipationQuery(null, from, to, null)
                .reading(at.generation()), ResponseTypes.multipleInstancesOf(ParticipationRow.class)).join();
        List<ParticipationLine> lines = new ArrayList<>();
        for (ParticipationRow row : rows) {
            lines.add(new ParticipationLine(row.year(), kind(row.source(), row.kind()), row.occasions(),
                    row.participations(), row.participants()));
        }
        lines.sort(Comparator.comparingInt(ParticipationLine::year).thenComparing(ParticipationLine::kind));
        model.addAttribute("participation", lines);
        model.addAttribute("participationPosition", at);
        // the chart shows occasions only: they count no one, so no figure of it needs the "<5" rule
        TreeSet<Integer> years = new TreeSet<>();
        lines.forEach(line -> years.add(line.year()));
        Map<String, Map<Integer, Integer>> byKind = new LinkedHashMap<>();
        lines.stream().map(ParticipationLine::kind).sorted().distinct()
                .forEach(kind -> byKind.put(kind, new LinkedHashMap<>()));
        lines.forEach(line -> byKind.get(line.kind()).merge(line.year(), line.occasions(), Integer::sum));
        List<Map<String, Object>> datasets = new ArrayList<>();
        byKind.forEach((kind, counts) -> datasets.add(dataset(kind, years.stream()
                .map(year -> counts.getOrDefault(year, 0)).toList())));
        model.addAttribute("participationYears", List.copyOf(years));
        model.addAttribute("participationKinds", byKind);
        model.addAttribute("participationChart", chart(years.stream().map(String::valueOf).toList(),
                datasets.toArray(Map[]::new)));
    }

    private String levelName(String code) {
        return levels.names().entrySet().stream().filter(entry -> entry.getKey().value().equals(code))
                .map(Map.Entry::getValue).findFirst().orElse(code);
    }

    static String kind(Source source, String kind) {
        String name = switch (kind) {
            case "DIALOGUE_FORUM" -> "Dialogforum";
            case "ROUND_TABLE" -> "Rundabordssamtal";
            case "WORKING_MEETING" -> "Arbetsmöte";
            case "TENDER_SCHOOL" -> "Anbudsskola";
            case "EVENT" -> "Evenemang";
            case "SEMINAR" -> "Seminarium";
            default -> kind;
        };
        return (source == Source.MEETING ? "Möte: " : "Deltagande: ") + name;
    }

    private static String kronor(BigDecimal value) {
        if (value == null) {
            return "0";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("sv"));
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }

    private static Map<String, Object> dataset(String label, List<Integer> data) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", data);
        return dataset;
    }

    /** A chart's JSON, safe inside a script element (no "<" can close it). */
    @SafeVarargs
    private String chart(List<String> labels, Map<String, Object>... datasets) throws JsonProcessingException {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("datasets", List.of(datasets));
        return json.writeValueAsString(chart).replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    private static LocalDate date(String text, LocalDate fallback, String name, List<String> problems) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(name + ": ange ett datum som åååå-mm-dd, till exempel 2024-03-31. Det datumet kunde inte "
                    + "användas, så statistiken visas för " + fallback + ".");
            return fallback;
        }
    }
}
