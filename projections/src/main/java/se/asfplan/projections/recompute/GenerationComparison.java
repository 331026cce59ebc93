package se.asfplan.projections.recompute;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.asfplan.projections.recompute.RecomputationReport.ColumnDifference;
import se.asfplan.projections.recompute.RecomputationReport.Difference;

/**
 * Compares two generations of a read model's table row by row, and two answers of a report figure by figure. Rows
 * are matched by the table's primary key without its {@code generation} column; values are compared as text in one
 * normal form (numbers without trailing zeros, instants in UTC, bytes in hex), so that the same value read twice
 * compares equal whatever type the driver hands back.
 */
@Component
public class GenerationComparison {

    private static final int VALUE_CHARS = 300;

    private final JdbcTemplate jdbc;
    private final Map<String, List<String>> keys = new ConcurrentHashMap<>();

    public GenerationComparison(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Differences found in one table or report; {@code rows} counts live and recomputed rows compared. */
    public record Found(int liveRows, int recomputedRows, List<Difference> differences) {
    }

    /** Every difference between the table's rows of the live and the recomputed generation, in key order. */
    public Found compareTable(String table, int live, int recomputed) {
        List<String> key = primaryKey(table);
        Map<String, Map<String, String>> liveRows = rows(table, live, key);
        Map<String, Map<String, String>> recomputedRows = rows(table, recomputed, key);
        List<Difference> differences = new ArrayList<>();
        TreeMap<String, Boolean> allKeys = new TreeMap<>();
        liveRows.keySet().forEach(k -> allKeys.put(k, true));
        recomputedRows.keySet().forEach(k -> allKeys.put(k, true));
        for (String rowKey : allKeys.keySet()) {
            Map<String, String> one = liveRows.get(rowKey);
            Map<String, String> other = recomputedRows.get(rowKey);
            if (other == null) {
                differences.add(new Difference("ROW", table, rowKey, "ONLY_LIVE", columns(one, Map.of())));
            } else if (one == null) {
                differences.add(new Difference("ROW", table, rowKey, "ONLY_RECOMPUTED", columns(Map.of(), other)));
            } else {
                List<ColumnDifference> columns = columns(one, other);
                if (!columns.isEmpty()) {
                    differences.add(new Difference("ROW", table, rowKey, "DIFFERENT", columns));
                }
            }
        }
        return new Found(liveRows.size(), recomputedRows.size(), differences);
    }

    /** The columns whose values differ; for a row only one side has, every column it has. */
    private static List<ColumnDifference> columns(Map<String, String> live, Map<String, String> recomputed) {
        List<ColumnDifference> columns = new ArrayList<>();
        TreeMap<String, Boolean> names = new TreeMap<>();
        live.keySet().forEach(name -> names.put(name, true));
        recomputed.keySet().forEach(name -> names.put(name, true));
        for (String name : names.keySet()) {
            String one = live.get(name);
            String other = recomputed.get(name);
            boolean onlyOneSide = live.isEmpty() || recomputed.isEmpty();
            if (onlyOneSide ? (one != null || other != null) : !Objects.equals(one, other)) {
                columns.add(new ColumnDifference(name, shorten(one), shorten(other)));
            }
        }
        return columns;
    }

    private Map<String, Map<String, String>> rows(String table, int generation, List<String> key) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        jdbc.query("select * from " + table + " where generation = ?", rs -> {
            int count = rs.getMetaData().getColumnCount();
            Map<String, String> row = new TreeMap<>();
            for (int i = 1; i <= count; i++) {
                String column = rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (!column.equals("generation")) {
                    row.put(column, normal(rs.getObject(i)));
                }
            }
            StringBuilder rowKey = new StringBuilder();
            for (String column : key) {
                if (!rowKey.isEmpty()) {
                    rowKey.append(", ");
                }
                rowKey.append(column).append('=').append(row.get(column));
            }
            rows.put(rowKey.toString(), row);
        }, generation);
        return rows;
    }

    /** The table's primary key columns without {@code generation}, in key order, read once from the database. */
    List<String> primaryKey(String table) {
        return keys.computeIfAbsent(table, name -> jdbc.execute((ConnectionCallback<List<String>>) connection ->
                primaryKey(connection, name)));
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
            Map<Short, String> columns = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), candidate)) {
                while (rs.next()) {
                    columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (!columns.isEmpty()) {
                return columns.values().stream().filter(column -> !column.equals("generation")).toList();
            }
        }
        throw new IllegalStateException("the table " + table + " has no primary key to match its rows by");
    }

    /** A value in the one form both generations are compared in. */
    static String normal(Object value) {
        try {
            if (value == null) {
                return null;
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
            }
            if (value instanceof byte[] bytes) {
                return HexFormat.of().formatHex(bytes);
            }
            if (value instanceof Timestamp timestamp) {
                return timestamp.toInstant().toString();
            }
            if (value instanceof OffsetDateTime moment) {
                return moment.toInstant().toString();
            }
            if (value instanceof Array array) {
                Object elements = array.getArray();
                return elements instanceof Object[] objects ? Arrays.deepToString(objects) : String.valueOf(elements);
            }
            if (value instanceof java.sql.Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
            return value.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("a value could not be read: " + e.getMessage(), e);
        }
    }

    private static String shorten(String value) {
        return value == null || value.length() <= VALUE_CHARS ? value : value.substring(0, VALUE_CHARS) + "…";
    }

    /**
     * The figures in which two answers of a report differ, each named by its path in the answer ({@code
     * rows[goalId=inbjudna-2023].outcome}); elements of a list are matched by an identifying field when they have
     * one ({@code goalId}, {@code activityId}, ...), else by their place.
     */
    public static List<ColumnDifference> compareAnswers(JsonNode live, JsonNode recomputed) {
        List<ColumnDifference> differences = new ArrayList<>();
        diff("", live, recomputed, differences);
        return differences;
    }

    private static final List<String> IDENTIFYING = List.of("goalId", "activityId", "areaId", "key", "id");

    private static void diff(String path, JsonNode live, JsonNode recomputed, List<ColumnDifference> out) {
        boolean liveMissing = live == null || live.isMissingNode() || live.isNull();
        boolean recomputedMissing = recomputed == null || recomputed.isMissingNode() || recomputed.isNull();
        if (liveMissing || recomputedMissing) {
            if (liveMissing != recomputedMissing) {
                out.add(new ColumnDifference(path, liveMissing ? null : shorten(live.toString()),
                        recomputedMissing ? null : shorten(recomputed.toString())));
            }
            return;
        }
        if (live.isObject() && recomputed.isObject()) {
            TreeMap<String, Boolean> names = new TreeMap<>();
            live.fieldNames().forEachRemaining(name -> names.put(name, true));
            recomputed.fieldNames().forEachRemaining(name -> names.put(name, true));
            for (String name : names.keySet()) {
                diff(path.isEmpty() ? name : path + "." + name, live.get(name), recomputed.get(name), out);
            }
            return;
        }
        if (live.isArray() && recomputed.isArray()) {
            String id = identifying(live, recomputed);
            if (id != null) {
                Map<String, JsonNode> one = byField(live, id);
                Map<String, JsonNode> other = byField(recomputed, id);
                TreeMap<String, Boolean> ids = new TreeMap<>();
                one.keySet().forEach(value -> ids.put(value, true));
                other.keySet().forEach(value -> ids.put(value, true));
                for (String value : ids.keySet()) {
                    diff(path + "[" + id + "=" + value + "]", one.get(value), other.get(value), out);
                }
                return;
            }
            for (int i = 0; i < Math.max(live.size(), recomputed.size()); i++) {
                diff(path + "[" + i + "]", live.get(i), recomputed.get(i), out);
            }
            return;
        }
        if (live.isNumber() && recomputed.isNumber()) {
            if (live.decimalValue().compareTo(recomputed.decimalValue()) != 0) {
                out.add(new ColumnDifference(path, live.asText(), recomputed.asText()));
            }
            return;
        }
        if (!live.equals(recomputed)) {
            out.add(new ColumnDifference(path, shorten(live.isValueNode() ? live.asText() : live.toString()),
                    shorten(recomputed.isValueNode() ? recomputed.asText() : recomputed.toString())));
        }
    }

    /** A field every element of both lists has, as a text, unique within each list; null when there is none. */
    private static String identifying(JsonNode live, JsonNode recomputed) {
        for (String field : IDENTIFYING) {
            if (identifies(live, field) && identifies(recomputed, field)) {
                return field;
            }
        }
        return null;
    }

    private static boolean identifies(JsonNode list, String field) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Iterator<JsonNode> elements = list.elements(); elements.hasNext(); ) {
            JsonNode element = elements.next();
            if (!element.isObject() || !element.hasNonNull(field) || !seen.add(element.get(field).asText())) {
                return false;
            }
        }
        return !seen.isEmpty();
    }

    private static Map<String, JsonNode> byField(JsonNode list, String field) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        list.elements().forEachRemaining(element -> elements.put(element.get(field).asText(), element));
        return elements;
    }
}
