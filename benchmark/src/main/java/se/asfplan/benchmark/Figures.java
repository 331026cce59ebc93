package se.asfplan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The figures of one run: each with the raw baseline it is compared to (when there is one) and the ratio. Printed as
 * they come, and written to one JSON file at the end.
 */
final class Figures {

    /** One figure; baseline fields and ratio are null when the figure has no raw counterpart. */
    record Figure(String name, double value, String unit, String baselineName, Double baselineValue, Double ratio,
                  String target, Boolean met) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> run = new LinkedHashMap<>();

    void describe(String key, Object value) {
        run.put(key, value);
    }

    /** A figure compared with a baseline: ratio = value / baseline. */
    Figure add(String name, double value, String unit, String baselineName, double baselineValue, String target,
               Boolean met) {
        Double ratio = baselineValue == 0 ? null : value / baselineValue;
        return add(new Figure(name, value, unit, baselineName, baselineValue, ratio, target, met));
    }

    Figure add(String name, double value, String unit) {
        return add(new Figure(name, value, unit, null, null, null, null, null));
    }

    Figure add(String name, double value, String unit, String target, boolean met) {
        return add(new Figure(name, value, unit, null, null, null, target, met));
    }

    Figure add(Figure figure) {
        synchronized (figures) {
            figures.add(figure);
        }
        System.out.println(format(figure));
        return figure;
    }

    static String format(Figure f) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-58s %12s %-7s", f.name(),
                number(f.value()), f.unit()));
        if (f.baselineName() != null) {
            line.append(String.format(Locale.ROOT, " | %-36s %12s | %7s", f.baselineName(),
                    number(f.baselineValue()), f.ratio() == null ? "-" : percent(f.ratio())));
        }
        if (f.target() != null) {
            line.append("  [target ").append(f.target()).append(": ").append(f.met() ? "met" : "NOT met").append(']');
        }
        return line.toString();
    }

    static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, ratio >= 0.1 ? "%.0f %%" : "%.1f %%", ratio * 100);
    }

    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("finishedAt", Instant.now().toString());
        json.put("run", run);
        synchronized (figures) {
            json.put("figures", List.copyOf(figures));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
