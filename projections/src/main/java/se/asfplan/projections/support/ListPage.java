package se.asfplan.projections.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * One page of a read model's list, cut in the database: the {@code limit} rows after the first {@code offset} in the
 * list's order, and how many rows the whole (filtered) list holds. Only the page's rows are read, none past the last
 * page. The order must end in the row's unique id, so that consecutive pages neither overlap nor skip a row.
 * <p>
 * A query handler answers with a record of its own kind holding the same two fields (an {@code EnterprisePage}, say):
 * Axon's query bus matches a handler by its return type as a class, and a generic one would match no question.
 *
 * @param items the page's items, in the list's order
 * @param total the number of items in the whole list
 */
public record ListPage<T>(List<T> items, long total) {

    public ListPage {
        items = List.copyOf(items);
    }

    /**
     * Reads a page of {@code select * from table where ... order by ...}.
     *
     * @param table     the read model's table
     * @param where     the list's where clause, {@code where ...}, its values in {@code arguments}
     * @param orderBy   the list's order, {@code order by ...}, ending in the unique id
     */
    public static <T> ListPage<T> read(JdbcTemplate jdbc, String table, String where, String orderBy,
                                       List<Object> arguments, long offset, int limit, RowMapper<T> rows) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("a page starts at 0 or later and holds at least one item, but was "
                    + "offset " + offset + " and limit " + limit);
        }
        Long total = jdbc.queryForObject("select count(*) from " + table + " " + where, Long.class,
                arguments.toArray());
        long all = total == null ? 0 : total;
        if (all <= offset) {
            return new ListPage<>(List.of(), all);
        }
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(limit);
        paged.add(offset);
        return new ListPage<>(jdbc.query("select * from " + table + " " + where + " " + orderBy
                + " limit ? offset ?", rows, paged.toArray()), all);
    }

    /** The text with LIKE's wildcards and the escape character {@code !} escaped, for {@code like ? escape '!'}. */
    public static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
