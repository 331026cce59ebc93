package se.asfplan.infra.planfile;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.asfplan.domain.party.Party;
import se.asfplan.domain.party.PartyCommands.EnsurePartyRegisteredCommand;
import se.asfplan.domain.party.PartyId;
import se.asfplan.domain.party.PartyKind;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.DecisionId;
import se.asfplan.domain.plan.DecisionKind;
import se.asfplan.domain.plan.GoalId;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.GoalYears;
import se.asfplan.domain.plan.Measure;
import se.asfplan.domain.plan.Plan;
import se.asfplan.domain.plan.PlanCommands.ActivityDraft;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.AreaDraft;
import se.asfplan.domain.plan.PlanCommands.DecisionDraft;
import se.asfplan.domain.plan.PlanCommands.GoalDraft;
import se.asfplan.domain.plan.PlanCommands.RecurringGoalDraft;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.PlanScope;
import se.asfplan.domain.plan.PlanSection;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.domain.plan.Timeline;
import se.asfplan.domain.plan.UnderWay;
import se.asfplan.domain.shared.Values;

/**
 * Reads a plan file (YAML, or JSON, which YAML includes) into one {@link AdoptPlanCommand}. Unknown fields are
 * errors, so that a misspelt field is never silently ignored. All problems are collected and reported together,
 * each with its path. The reader checks each field's form and limits and that ids are unique; the plan's rules
 * (goal years within the period, dates not in the future) are the aggregate's and are checked when the command is
 * handled, so that a file and the API are held to the same rules.
 */
public class PlanFileReader {

    public static final String FORMAT = "action-plan/v1";
    /** Large enough for any real plan, small enough that a hostile upload cannot exhaust memory. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    // the domain's limits, so that check-plan finds what recording would refuse
    private static final int TITLE_MAX = Plan.TITLE_MAX;
    private static final int NAME_MAX = Plan.NAME_MAX;
    private static final int TEXT_MAX = Plan.TEXT_MAX;

    private final ObjectMapper yaml;
    private final ObjectMapper json;

    public PlanFileReader() {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(50).build();
        this.yaml = strict(YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(limits).build()));
        this.json = strict(JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build()));
    }

    /** No guessing: no numbers as dates, no fractions or text as years, no repeated keys, nothing after the plan. */
    private static ObjectMapper strict(MapperBuilder<?, ?> builder) {
        ObjectMapper mapper = builder
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        return mapper;
    }

    public AdoptPlanCommand read(InputStream input) {
        return readImport(input).plan();
    }

    /** Reads the plan and the parties it names, which an import registers together with the plan. */
    public PlanImport readImport(InputStream input) {
        byte[] bytes;
        try {
            bytes = input.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw single("", "the file could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw single("", "the file is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        boolean isJson = looksLikeJson(bytes);
        ObjectMapper mapper = isJson ? json : yaml;
        PlanFile file;
        try {
            if (!isJson) {
                refuseAliases(bytes);
            }
            file = mapper.readValue(bytes, PlanFile.class);
        } catch (StreamConstraintsException e) {
            throw single("", "the file is nested more deeply than any plan is (at most 50 levels)");
        } catch (StreamReadException e) {
            throw single("", "not valid " + (isJson ? "JSON" : "YAML or JSON") + ": " + explanation(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty() && e.getOriginalMessage().startsWith("No content")) {
                throw single("", "the file is empty");
            }
            if (e.getOriginalMessage().startsWith("Trailing token")) {
                throw single("", "the file holds more than one document; a plan file holds exactly one plan");
            }
            throw single(path(e), mismatch(e));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamConstraintsException) {
                throw single("", "the file is nested more deeply than any plan is (at most 50 levels)");
            }
            if (e.getCause() instanceof InputCoercionException) {
                throw single(path(e), "is a number out of range");
            }
            throw single(path(e), e.getCause() instanceof StreamReadException ? "not valid YAML or JSON here"
                    : "has the wrong form");
        } catch (IOException e) {
            throw single("", "the file could not be read: " + e.getMessage());
        }
        if (file == null) {
            throw single("", "the file is empty");
        }
        Conversion conversion = new Conversion();
        AdoptPlanCommand plan = conversion.convert(file);
        return new PlanImport(conversion.parties, plan);
    }

    /**
     * A plan file as read: the parties it names (in the file's order; registered on the adoption day unless
     * registered already with the same details) and the plan's adoption.
     */
    public record PlanImport(List<EnsurePartyRegisteredCommand> parties, AdoptPlanCommand plan) {

        public PlanImport {
            parties = List.copyOf(parties);
        }
    }

    private static boolean looksLikeJson(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return bytes[i] == '{';
            }
        }
        return false;
    }

    /** Jackson reads a YAML alias as its bare name, which would silently record the wrong text: refuse it. */
    private void refuseAliases(byte[] bytes) throws IOException {
        try (YAMLParser parser = (YAMLParser) yaml.getFactory().createParser(bytes)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias()) {
                    throw single(pointerToPath(parser.getParsingContext().pathAsPointer().toString()),
                            "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
                }
            }
        }
    }

    private static PlanFileException single(String path, String message) {
        return new PlanFileException(List.of(new PlanFileException.Problem(path, message)));
    }

    /** "/areas/0/activities/1/lead" as the format's path "areas[0].activities[1].lead". */
    private static String pointerToPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String step : pointer.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            if (step.chars().allMatch(Character::isDigit)) {
                path.append('[').append(step).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(step);
            }
        }
        return path.toString();
    }

    /**
     * The parser's explanation without its echo of the file's text ("in 'reader', line 1 ... ^") and without
     * parser internals (source descriptions, setting names in backticks).
     */
    private static String explanation(String message) {
        if (message == null) {
            return "unreadable";
        }
        String lines = java.util.Arrays.stream(message.split("\\R"))
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(java.util.stream.Collectors.joining(", "));
        return lines.replaceAll("\\s*\\([^()]*\\[Source:[^]]*][^()]*\\)", "")
                .replaceAll("`[^`]*`", "").replaceAll("\\s+", " ").strip();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What was expected, in the format's words; never a Java class name. */
    private static String mismatch(MismatchedInputException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field (not part of format " + FORMAT + ")";
        }
        Class<?> expected = e.getTargetType();
        if (expected == null) {
            return "has the wrong form";
        }
        if (expected == LocalDate.class) {
            return "must be a date written YYYY-MM-DD";
        }
        if (expected == Integer.class || expected == int.class || expected == BigDecimal.class) {
            return e.getOriginalMessage().contains("out of range") ? "is a number out of range" : "must be a number";
        }
        if (List.class.isAssignableFrom(expected)) {
            return "must be a list";
        }
        if (expected == String.class) {
            return "must be text";
        }
        if (expected.isRecord()) {
            return "must be a mapping of fields (see the format description)";
        }
        return "has the wrong form";
    }

    /** One conversion, collecting every problem it meets. */
    private static final class Conversion {

        private final List<PlanFileException.Problem> problems = new ArrayList<>();
        private final List<EnsurePartyRegisteredCommand> parties = new ArrayList<>();

        AdoptPlanCommand convert(PlanFile file) {
            if (!FORMAT.equals(file.format())) {
                problem("format", "must be '" + FORMAT + "', but was " + quoted(file.format()));
            }
            PlanId planId = value("id", () -> new PlanId(file.id()));
            String title = text("title", file.title(), TITLE_MAX);
            String municipality = text("municipality", file.municipality(), NAME_MAX);
            Decision adoption = null;
            java.time.LocalDate adoptedOn = null;
            if (file.adopted() == null) {
                problem("adopted", "must be given: the adoption decision (on, body, reference, paragraph)");
            } else {
                adoptedOn = file.adopted().on();
                if (adoptedOn == null) {
                    problem("adopted.on", "must be given: the date of the adoption decision");
                }
                PlanFile.Adopted adopted = file.adopted();
                adoption = decision("adopted", adopted.body(), adopted.reference(), adopted.paragraph());
            }
            PlanPeriod period = null;
            if (file.period() == null) {
                problem("period", "must be given: {from: YEAR, to: YEAR} or {from: YEAR} for an ongoing plan");
            } else if (file.period().from() == null) {
                problem("period.from", "must be given: the plan's first year");
            } else {
                period = value("period", () -> new PlanPeriod(file.period().from(), file.period().to()));
            }
            if (file.parties() != null) {
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < file.parties().size(); i++) {
                    EnsurePartyRegisteredCommand party = party("parties[" + i + "]", file.parties().get(i), adoptedOn);
                    if (party != null && !ids.add(party.partyId().value())) {
                        problem("parties[" + i + "].id", "party '" + party.partyId() + "' is listed twice");
                    } else if (party != null) {
                        parties.add(party);
                    }
                }
            }
            List<AreaDraft> areas = new ArrayList<>();
            if (file.areas() == null || file.areas().isEmpty()) {
                problem("areas", "must list at least one area");
            } else {
                for (int i = 0; i < file.areas().size(); i++) {
                    areas.add(area("areas[" + i + "]", file.areas().get(i)));
                }
                areas.removeIf(Objects::isNull);
            }
            List<GoalDraft> goals = new ArrayList<>();
            List<RecurringGoalDraft> recurringGoals = new ArrayList<>();
            if (file.goals() != null) {
                for (int i = 0; i < file.goals().size(); i++) {
                    PlanFile.Goal goal = file.goals().get(i);
                    if (goal != null && goal.years() != null) {
                        recurringGoals.add(recurringGoal("goals[" + i + "]", goal));
                    } else {
                        goals.add(goal("goals[" + i + "]", goal));
                    }
                }
                goals.removeIf(Objects::isNull);
                recurringGoals.removeIf(Objects::isNull);
            }
            List<PlanSection> sections = new ArrayList<>();
            if (file.sections() != null) {
                if (file.sections().size() > Plan.SECTIONS_MAX) {
                    problem("sections", "must list at most " + Plan.SECTIONS_MAX + " sections, but lists "
                            + file.sections().size());
                }
                for (int i = 0; i < file.sections().size(); i++) {
                    sections.add(section("sections[" + i + "]", file.sections().get(i)));
                }
                sections.removeIf(Objects::isNull);
            }
            List<DecisionDraft> decisions = new ArrayList<>();
            if (file.decisions() != null) {
                for (int i = 0; i < file.decisions().size(); i++) {
                    decisions.add(decisionInChain("decisions[" + i + "]", file.decisions().get(i)));
                }
                decisions.removeIf(Objects::isNull);
            }
            PlanScope scope = file.scope() == null ? null : scope("scope", file.scope());
            duplicates(file);
            if (!problems.isEmpty()) {
                throw new PlanFileException(problems);
            }
            return new AdoptPlanCommand(planId, title, municipality, adoption, adoptedOn, period, areas, goals,
                    sections, decisions, recurringGoals, scope);
        }

        /** What the plan covers; whether its parties are registered is checked when the plan is recorded. */
        private PlanScope scope(String path, PlanFile.Scope scope) {
            if (scope.municipalities() == null || scope.municipalities().isEmpty()) {
                problem(path + ".municipalities", "must name at least one municipality or region the plan covers");
                return null;
            }
            List<PartyId> parties = new ArrayList<>();
            List<String> written = scope.parties() == null ? List.of() : scope.parties();
            for (int i = 0; i < written.size(); i++) {
                String party = written.get(i);
                parties.add(value(path + ".parties[" + i + "]", () -> new PartyId(party)));
            }
            if (parties.contains(null)) {
                return null;
            }
            return value(path, () -> new PlanScope(scope.municipalities(), parties),
                    Map.of("scope municipalit", ".municipalities", "scope parties", ".parties"));
        }

        private EnsurePartyRegisteredCommand party(String path, PlanFile.Party party, LocalDate adoptedOn) {
            if (party == null) {
                problem(path, "must not be empty");
                return null;
            }
            PartyId partyId = value(path + ".id", () -> new PartyId(party.id()));
            String name = text(path + ".name", party.name(), Party.NAME_MAX);
            optionalText(path + ".abbreviation", party.abbreviation(), Party.ABBREVIATION_MAX);
            PartyKind kind = choice(path + ".kind", party.kind(), PartyKind.class);
            optionalText(path + ".municipality", party.municipality(), Party.NAME_MAX);
            if (partyId == null || name == null || kind == null) {
                return null;
            }
            return new EnsurePartyRegisteredCommand(partyId, name, blankAsNull(party.abbreviation()), kind,
                    blankAsNull(party.municipality()), adoptedOn);
        }

        private static String blankAsNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }

        private PlanSection section(String path, PlanFile.Section section) {
            if (section == null) {
                problem(path, "must not be empty");
                return null;
            }
            String heading = text(path + ".heading", section.heading(), PlanSection.HEADING_MAX);
            String text = text(path + ".text", section.text(), PlanSection.TEXT_MAX);
            return heading == null || text == null ? null : new PlanSection(heading, text);
        }

        private DecisionDraft decisionInChain(String path, PlanFile.DecisionInChain made) {
            if (made == null) {
                problem(path, "must not be empty");
                return null;
            }
            DecisionId decisionId = value(path + ".id", () -> new DecisionId(made.id()));
            if (DecisionId.ADOPTION.equals(decisionId)) {
                problem(path + ".id", "'adoption' is the id of the adoption decision, written under 'adopted'");
            }
            DecisionKind kind = chainKind(path + ".kind", made.kind());
            if (made.on() == null) {
                problem(path + ".on", "must be given: the date of the decision");
            }
            Decision decision = decision(path, made.body(), made.reference(), made.paragraph());
            optionalText(path + ".summary", made.summary(), Plan.REASON_MAX);
            return new DecisionDraft(decisionId, kind, decision, made.on(), made.summary());
        }

        /** The kinds a decision of the chain may have: the adoption is written under 'adopted'. */
        private DecisionKind chainKind(String path, String text) {
            List<String> allowed = new ArrayList<>();
            for (DecisionKind kind : DecisionKind.values()) {
                if (kind == DecisionKind.ADOPTION) {
                    continue;
                }
                String name = kind.name().toLowerCase(Locale.ROOT);
                allowed.add(name);
                if (name.equals(text)) {
                    return kind;
                }
            }
            problem(path, "must be one of " + allowed + ", but was " + quoted(text)
                    + ("adoption".equals(text) ? " (the adoption is written under 'adopted')" : ""));
            return null;
        }

        private AreaDraft area(String path, PlanFile.Area area) {
            if (area == null) {
                problem(path, "must not be empty");
                return null;
            }
            AreaId areaId = value(path + ".id", () -> new AreaId(area.id()));
            if (area.number() != null && (area.number() < 1 || area.number() > Plan.AREA_NUMBER_MAX)) {
                problem(path + ".number", "must be from 1 to " + Plan.AREA_NUMBER_MAX + ", but was " + area.number());
            }
            String name = text(path + ".name", area.name(), NAME_MAX);
            optionalText(path + ".description", area.description(), TEXT_MAX);
            List<ActivityDraft> activities = new ArrayList<>();
            if (area.activities() != null) {
                for (int i = 0; i < area.activities().size(); i++) {
                    activities.add(activity(path + ".activities[" + i + "]", area.activities().get(i)));
                }
                activities.removeIf(Objects::isNull);
            }
            return new AreaDraft(areaId, name, area.description(), activities, area.number());
        }

        private ActivityDraft activity(String path, PlanFile.Activity activity) {
            if (activity == null) {
                problem(path, "must not be empty");
                return null;
            }
            ActivityId activityId = value(path + ".id", () -> new ActivityId(activity.id()));
            ActivityKind kind = choice(path + ".kind", activity.kind(), ActivityKind.class);
            String title = text(path + ".title", activity.title(), TITLE_MAX);
            optionalText(path + ".description", activity.description(), TEXT_MAX);
            Responsibility responsibility = responsibility(path, activity);
            Timeline timeline = timeline(path + ".timeline", activity.timeline());
            UnderWay underWay = activity.underWay() == null ? null : underWay(path + ".underWay", activity.underWay());
            return new ActivityDraft(activityId, kind, title, activity.description(), responsibility, timeline,
                    underWay);
        }

        /**
         * {@code lead} (one party) or {@code leads} (one or more, the first the lead), never both; and
         * {@code allCommittees: true} for every committee of the municipality, which a lead written as "samtliga
         * nämnder" also gives (see {@link Responsibility}).
         */
        private Responsibility responsibility(String path, PlanFile.Activity activity) {
            String leadsTooMany = "at most " + Responsibility.LEADS_MAX + " lead";
            if (activity.leads() == null) {
                return value(path, () -> new Responsibility(activity.lead(), activity.involved(), null,
                        activity.allCommittees()), Map.of("lead", ".lead", "involved", ".involved",
                        "at most", ".involved"));
            }
            if (activity.lead() != null) {
                problem(path + ".leads", "give either 'lead' (one party) or 'leads' (one or more), not both");
                return null;
            }
            List<String> leads = activity.leads();
            return value(path, () -> new Responsibility(leads.isEmpty() ? null : leads.get(0), activity.involved(),
                    leads.isEmpty() ? null : leads.subList(1, leads.size()), activity.allCommittees()),
                    Map.of("lead", ".leads", "co-lead", ".leads", "involved", ".involved", "at most", ".involved",
                            leadsTooMany, ".leads"));
        }

        private UnderWay underWay(String path, PlanFile.UnderWay underWay) {
            if (Boolean.FALSE.equals(underWay.sinceBeforePlan())) {
                problem(path + ".sinceBeforePlan", "must be true when given; leave it out and give 'since' instead");
                return null;
            }
            return value(path, () -> new UnderWay(underWay.since(), Boolean.TRUE.equals(underWay.sinceBeforePlan())));
        }

        private Timeline timeline(String path, JsonNode node) {
            if (node == null || node.isNull() || (node.isTextual() && node.asText().equals("ongoing"))) {
                return Timeline.ongoing();
            }
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                // a single year, as plans write it: "2023" is 2023-2023
                return value(path, () -> Timeline.years(node.asInt(), node.asInt()));
            }
            if (node.isObject()) {
                Set<String> fields = new HashSet<>();
                node.fieldNames().forEachRemaining(fields::add);
                fields.removeAll(Set.of("from", "to"));
                if (!fields.isEmpty()) {
                    problem(path, "unknown field(s) " + fields + "; a timeline has only 'from' and 'to'");
                    return null;
                }
                JsonNode from = node.get("from");
                JsonNode to = node.get("to");
                if (from == null || !from.isIntegralNumber() || !from.canConvertToInt()
                        || (to != null && (!to.isIntegralNumber() || !to.canConvertToInt()))) {
                    problem(path, "must be YEAR, {from: YEAR, to: YEAR}, {from: YEAR} or 'ongoing'");
                    return null;
                }
                return value(path, () -> new Timeline(from.asInt(), to == null ? null : to.asInt()));
            }
            problem(path, "must be YEAR, {from: YEAR, to: YEAR}, {from: YEAR} or 'ongoing'");
            return null;
        }

        private GoalDraft goal(String path, PlanFile.Goal goal) {
            if (goal == null) {
                problem(path, "must not be empty");
                return null;
            }
            GoalId goalId = value(path + ".id", () -> new GoalId(goal.id()));
            if (goal.year() == null) {
                problem(path + ".year", "must be given");
            }
            GoalTerms terms = terms(path, goal);
            return new GoalDraft(goalId, goal.year() == null ? 0 : goal.year(), terms.kind(), terms.indicator(),
                    terms.target(), terms.activityId(), terms.decision(), terms.measure());
        }

        /** A recurring goal: one target rule for each of its {@code years}. */
        private RecurringGoalDraft recurringGoal(String path, PlanFile.Goal goal) {
            GoalId goalId = value(path + ".id", () -> new GoalId(goal.id()));
            if (goal.year() != null) {
                problem(path + ".year", "must not be given beside 'years': a goal is set for one year (year) or "
                        + "for each of several (years), not both");
            }
            GoalYears years = years(path + ".years", goal.years());
            GoalTerms terms = terms(path, goal);
            return new RecurringGoalDraft(goalId, years, terms.kind(), terms.indicator(), terms.target(),
                    terms.activityId(), terms.decision(), terms.measure());
        }

        private static final String YEARS_FORM = "must be 'every' (each year of the plan), {from: YEAR, to: YEAR}, "
                + "{from: YEAR} (until the plan ends) or {to: YEAR}";

        private GoalYears years(String path, JsonNode node) {
            if (node.isTextual() && node.asText().equals("every")) {
                return GoalYears.EVERY_YEAR_OF_THE_PLAN;
            }
            if (!node.isObject() || node.isEmpty()) {
                problem(path, YEARS_FORM);
                return null;
            }
            Set<String> fields = new HashSet<>();
            node.fieldNames().forEachRemaining(fields::add);
            fields.removeAll(Set.of("from", "to"));
            if (!fields.isEmpty()) {
                problem(path, "unknown field(s) " + fields + "; years have only 'from' and 'to'");
                return null;
            }
            JsonNode from = node.get("from");
            JsonNode to = node.get("to");
            if ((from != null && (!from.isIntegralNumber() || !from.canConvertToInt()))
                    || (to != null && (!to.isIntegralNumber() || !to.canConvertToInt()))) {
                problem(path, YEARS_FORM);
                return null;
            }
            return value(path, () -> new GoalYears(from == null ? null : from.asInt(), to == null ? null : to.asInt()));
        }

        /** What every goal says, yearly or recurring: its kind, measure, indicator, target, activity and decision. */
        private record GoalTerms(GoalKind kind, Measure measure, String indicator, Target target, ActivityId activityId,
                                 Decision decision) {
        }

        private GoalTerms terms(String path, PlanFile.Goal goal) {
            GoalKind kind = choice(path + ".kind", goal.kind(), GoalKind.class);
            Measure measure = goal.measure() == null ? null
                    : choice(path + ".measure", renamedMeasure(goal.measure()), Measure.class);
            String indicator = text(path + ".indicator", goal.indicator(), TITLE_MAX);
            TargetComparator comparator = choice(path + ".comparator", goal.comparator(), TargetComparator.class);
            BigDecimal targetValue = goal.target();
            if (targetValue == null) {
                problem(path + ".target", "must be given: the target value");
            }
            Target target = comparator == null || targetValue == null ? null
                    : value(path, () -> new Target(comparator, targetValue, goal.unit()),
                            Map.of("target unit", ".unit", "target", ".target"));
            ActivityId activityId = goal.activity() == null ? null
                    : value(path + ".activity", () -> new ActivityId(goal.activity()));
            Decision decision = null;
            if (goal.decision() == null) {
                problem(path + ".decision", "must be given: the decision behind the goal (body, reference, paragraph)");
            } else {
                PlanFile.DecisionMade made = goal.decision();
                decision = decision(path + ".decision", made.body(), made.reference(), made.paragraph());
            }
            return new GoalTerms(kind, measure, indicator, target, activityId, decision);
        }

        private void duplicates(PlanFile file) {
            if (file.areas() == null) {
                return;
            }
            Set<String> areaIds = new HashSet<>();
            Set<Integer> areaNumbers = new HashSet<>();
            Set<String> activityIds = new HashSet<>();
            for (int i = 0; i < file.areas().size(); i++) {
                PlanFile.Area area = file.areas().get(i);
                if (area == null) {
                    continue;
                }
                if (area.id() != null && !areaIds.add(area.id())) {
                    problem("areas[" + i + "].id", "area id '" + area.id() + "' is used twice");
                }
                if (area.number() != null && !areaNumbers.add(area.number())) {
                    problem("areas[" + i + "].number", "area number " + area.number() + " is used twice");
                }
                List<PlanFile.Activity> activities = area.activities() == null ? List.of() : area.activities();
                for (int j = 0; j < activities.size(); j++) {
                    PlanFile.Activity activity = activities.get(j);
                    if (activity != null && activity.id() != null && !activityIds.add(activity.id())) {
                        problem("areas[" + i + "].activities[" + j + "].id",
                                "activity id '" + activity.id() + "' is used twice in the plan");
                    }
                }
            }
            if (file.goals() != null) {
                Set<String> goalIds = new HashSet<>();
                for (int i = 0; i < file.goals().size(); i++) {
                    PlanFile.Goal goal = file.goals().get(i);
                    if (goal != null && goal.id() != null && !goalIds.add(goal.id())) {
                        problem("goals[" + i + "].id", "goal id '" + goal.id() + "' is used twice");
                    }
                    if (goal != null && goal.activity() != null && !activityIds.contains(goal.activity())) {
                        problem("goals[" + i + "].activity", "no activity '" + goal.activity() + "' in this plan");
                    }
                }
            }
            if (file.decisions() != null) {
                Set<String> decisionIds = new HashSet<>();
                for (int i = 0; i < file.decisions().size(); i++) {
                    PlanFile.DecisionInChain decision = file.decisions().get(i);
                    if (decision != null && decision.id() != null && !decisionIds.add(decision.id())) {
                        problem("decisions[" + i + "].id", "decision id '" + decision.id() + "' is used twice");
                    }
                }
            }
        }

        /** A measure written with its name before a rename ({@link Measure#formerNames()}) reads as the measure. */
        private String renamedMeasure(String text) {
            for (Measure measure : Measure.values()) {
                for (String former : measure.formerNames()) {
                    if (former.toLowerCase(Locale.ROOT).replace('_', '-').equals(text)) {
                        return measure.name().toLowerCase(Locale.ROOT).replace('_', '-');
                    }
                }
            }
            return text;
        }

        private <E extends Enum<E>> E choice(String path, String text, Class<E> type) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                String name = constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
                allowed.add(name);
                if (name.equals(text)) {
                    return constant;
                }
            }
            problem(path, "must be one of " + allowed + ", but was " + quoted(text));
            return null;
        }

        private String text(String path, String text, int max) {
            if (text == null || text.isBlank()) {
                problem(path, "must be given");
                return null;
            }
            return value(path, () -> Values.text(text, "the text", max));
        }

        private void optionalText(String path, String text, int max) {
            if (text != null) {
                value(path, () -> Values.optionalText(text, "the text", max));
            }
        }

        private Decision decision(String path, String body, String reference, String paragraph) {
            return value(path, () -> new Decision(body, reference, paragraph), Map.of("decision body", ".body",
                    "decision reference", ".reference", "decision paragraph", ".paragraph"));
        }

        /** As {@link #value(String, Supplier)}, reporting against the sub-field whose name the message starts with. */
        private <T> T value(String path, Supplier<T> construction, Map<String, String> fieldByMessageStart) {
            try {
                return construction.get();
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage());
                String field = fieldByMessageStart.entrySet().stream()
                        .filter(entry -> message.startsWith(entry.getKey()))
                        .max(java.util.Comparator.comparingInt(entry -> entry.getKey().length()))
                        .map(Map.Entry::getValue).orElse("");
                problem(path + field, message);
                return null;
            }
        }

        private <T> T value(String path, Supplier<T> construction) {
            try {
                return construction.get();
            } catch (IllegalArgumentException e) {
                problem(path, e.getMessage());
                return null;
            }
        }

        private void problem(String path, String message) {
            problems.add(new PlanFileException.Problem(path, message));
        }

        private static String quoted(String text) {
            return text == null ? "nothing" : "'" + text + "'";
        }
    }
}
