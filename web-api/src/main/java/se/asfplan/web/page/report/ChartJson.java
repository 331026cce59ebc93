package se.asfplan.web.page.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON a chart is drawn from ({@code static/js/app.js}): {"labels": [...], "datasets": [{"label": ..., "data":
 * [...]}]}, written by Jackson. A "<" is written as its Unicode escape, so that no text in the data can end the
 * {@code <script type="application/json">} element it is placed in.
 */
final class ChartJson {

    private final List<String> labels;
    private final List<Map<String, Object>> datasets = new ArrayList<>();

    ChartJson(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    /** Adds a dataset; a null value is a gap in the chart. */
    ChartJson dataset(String label, List<BigDecimal> data) {
        if (data.size() != labels.size()) {
            throw new IllegalArgumentException("dataset " + label + " has " + data.size() + " values for "
                    + labels.size() + " labels");
        }
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", new ArrayList<>(data));
        datasets.add(dataset);
        return this;
    }

    String write(ObjectMapper json) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("datasets", datasets);
        try {
            return json.writeValueAsString(chart).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart data could not be written", e);
        }
    }
}
