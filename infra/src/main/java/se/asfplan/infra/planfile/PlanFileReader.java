package se.asfplan.infra.planfile;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.ActivityKind;
import se.asfplan.domain.plan.AreaId;
import se.asfplan.domain.plan.Decision;
import se.asfplan.domain.plan.GoalId;
import se.asfplan.domain.plan.GoalKind;
import se.asfplan.domain.plan.PlanCommands.ActivityDraft;
import se.asfplan.domain.plan.PlanCommands.AdoptPlanCommand;
import se.asfplan.domain.plan.PlanCommands.AreaDraft;
import se.asfplan.domain.plan.PlanCommands.GoalDraft;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.plan.PlanPeriod;
import se.asfplan.domain.plan.Responsibility;
import se.asfplan.domain.plan.Target;
import se.asfplan.domain.plan.TargetComparator;
import se.asfplan.domain.plan.Timeline;

/**
 * Reads a plan file (YAML, or JSON, which YAML includes) into one {@link AdoptPlanCommand}. Unknown fields are
 * errors, so that a misspelt field is never silently ignored. All problems are collected and reported together,
 * each with its path; the business rules that span the plan (unique ids, goal years within the period) are the
 * aggregate's and are checked when the command is handled.
 */
public class PlanFileReader {

    public static final String FORMAT = "action-plan/v1";
    /** Large enough for any real plan, small enough that a hostile upload cannot exhaust memory. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final ObjectMapper yaml;

    public PlanFileReader() {
        YAMLFactory factory = YAMLFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(50).build())
                .build();
        this.yaml = YAMLMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    public AdoptPlanCommand read(InputStream input) {
        byte[] bytes;
        try {
            bytes = input.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw single("", "the file could not be read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw single("", "the file is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        if (bytes.length == 0) {
            throw single("", "the file is empty");
        }
        PlanFile file;
        try {
            file = yaml.readValue(bytes, PlanFile.class);
        } catch (JsonMappingException e) {
            throw single(path(e), cleanMessage(e));
        } catch (JsonProcessingException e) {
            throw single("", "not valid YAML or JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw single("", "the file could not be read: " + e.getMessage());
        }
        if (file == null) {
            throw single("", "the file is empty");
        }
        return new Conversion().convert(file);
    }

    private static PlanFileException single(String path, String message) {
        return new PlanFileException(List.of(new PlanFileException.Problem(path, message)));
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

    private static String cleanMessage(JsonMappingException e) {
        String message = e.getOriginalMessage();
        if (message.startsWith("Unrecognized field")) {
            return "unknown field (not part of format " + FORMAT + ")";
        }
        if (message.contains("Cannot deserialize value of type `java.time.LocalDate`")) {
            return "must be a date written YYYY-MM-DD";
        }
        if (message.contains("Cannot deserialize value of type `java.lang.Integer`")
                || message.contains("Cannot deserialize value of type `java.math.BigDecimal`")) {
            return "must be a number";
        }
        if (message.contains("Cannot deserialize value of type `java.util.ArrayList`")) {
            return "must be a list";
        }
        if (message.contains("Cannot deserialize")) {
            return "has the wrong type";
        }
        return message;
    }

    /** One conversion, collecting every problem it meets. */
    private static final class Conversion {

        private final List<PlanFileException.Problem> problems = new ArrayList<>();

        AdoptPlanCommand convert(PlanFile file) {
            if (!FORMAT.equals(file.format())) {
                problem("format", "must be '" + FORMAT + "', but was " + quoted(file.format()));
            }
            PlanId planId = value("id", () -> new PlanId(file.id()));
            String title = requiredText("title", file.title());
            String municipality = requiredText("municipality", file.municipality());
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
                adoption = value("adopted.body",
                        () -> new Decision(adopted.body(), adopted.reference(), adopted.paragraph()));
            }
            PlanPeriod period = null;
            if (file.period() == null || file.period().from() == null) {
                problem("period.from", "must be given: the plan's first year");
            } else {
                period = value("period", () -> new PlanPeriod(file.period().from(), file.period().to()));
            }
            List<AreaDraft> areas = new ArrayList<>();
            if (file.areas() == null || file.areas().isEmpty()) {
                problem("areas", "must list at least one area");
            } else {
                for (int i = 0; i < file.areas().size(); i++) {
                    areas.add(area("areas[" + i + "]", file.areas().get(i)));
                }
            }
            List<GoalDraft> goals = new ArrayList<>();
            if (file.goals() != null) {
                for (int i = 0; i < file.goals().size(); i++) {
                    goals.add(goal("goals[" + i + "]", file.goals().get(i)));
                }
            }
            duplicates(file);
            if (!problems.isEmpty()) {
                throw new PlanFileException(problems);
            }
            return new AdoptPlanCommand(planId, title, municipality, adoption, adoptedOn, period, areas, goals);
        }

        private AreaDraft area(String path, PlanFile.Area area) {
            if (area == null) {
                problem(path, "must not be empty");
                return null;
            }
            AreaId areaId = value(path + ".id", () -> new AreaId(area.id()));
            String name = requiredText(path + ".name", area.name());
            List<ActivityDraft> activities = new ArrayList<>();
            if (area.activities() != null) {
                for (int i = 0; i < area.activities().size(); i++) {
                    activities.add(activity(path + ".activities[" + i + "]", area.activities().get(i)));
                }
            }
            return new AreaDraft(areaId, name, area.description(), activities);
        }

        private ActivityDraft activity(String path, PlanFile.Activity activity) {
            if (activity == null) {
                problem(path, "must not be empty");
                return null;
            }
            ActivityId activityId = value(path + ".id", () -> new ActivityId(activity.id()));
            ActivityKind kind = choice(path + ".kind", activity.kind(), ActivityKind.class);
            String title = requiredText(path + ".title", activity.title());
            Responsibility responsibility = value(path + ".lead",
                    () -> new Responsibility(activity.lead(), activity.involved()));
            Timeline timeline = timeline(path + ".timeline", activity.timeline());
            return new ActivityDraft(activityId, kind, title, activity.description(), responsibility, timeline);
        }

        private Timeline timeline(String path, JsonNode node) {
            if (node == null || node.isNull() || (node.isTextual() && node.asText().equals("ongoing"))) {
                return Timeline.ongoing();
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
                if (from == null || !from.canConvertToInt() || (to != null && !to.canConvertToInt())) {
                    problem(path, "must be {from: YEAR, to: YEAR}, {from: YEAR} or 'ongoing'");
                    return null;
                }
                return value(path, () -> new Timeline(from.asInt(), to == null ? null : to.asInt()));
            }
            problem(path, "must be {from: YEAR, to: YEAR}, {from: YEAR} or 'ongoing'");
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
            GoalKind kind = choice(path + ".kind", goal.kind(), GoalKind.class);
            String indicator = requiredText(path + ".indicator", goal.indicator());
            TargetComparator comparator = choice(path + ".comparator", goal.comparator(), TargetComparator.class);
            BigDecimal targetValue = goal.target();
            if (targetValue == null) {
                problem(path + ".target", "must be given: the target value");
            }
            Target target = comparator == null || targetValue == null ? null
                    : value(path + ".target", () -> new Target(comparator, targetValue, goal.unit()));
            ActivityId activityId = goal.activity() == null ? null
                    : value(path + ".activity", () -> new ActivityId(goal.activity()));
            Decision decision = null;
            if (goal.decision() == null) {
                problem(path + ".decision", "must be given: the decision behind the goal (body, reference, paragraph)");
            } else {
                PlanFile.DecisionMade made = goal.decision();
                decision = value(path + ".decision.body",
                        () -> new Decision(made.body(), made.reference(), made.paragraph()));
            }
            return new GoalDraft(goalId, goal.year() == null ? 0 : goal.year(), kind, indicator, target, activityId,
                    decision);
        }

        private void duplicates(PlanFile file) {
            if (file.areas() == null) {
                return;
            }
            Set<String> areaIds = new HashSet<>();
            Set<String> activityIds = new HashSet<>();
            for (int i = 0; i < file.areas().size(); i++) {
                PlanFile.Area area = file.areas().get(i);
                if (area == null) {
                    continue;
                }
                if (area.id() != null && !areaIds.add(area.id())) {
                    problem("areas[" + i + "].id", "area id '" + area.id() + "' is used twice");
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

        private String requiredText(String path, String text) {
            if (text == null || text.isBlank()) {
                problem(path, "must be given");
                return null;
            }
            return text;
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
