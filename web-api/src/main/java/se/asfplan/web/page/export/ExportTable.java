package se.asfplan.web.page.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table as a page shows it, for download: its name (the sheet's name in a workbook), its Swedish column headings
 * and its rows. A cell is {@code null} (empty), a {@link Number} (written as a number, with a decimal comma in CSV),
 * a {@link java.time.LocalDate} (a date) or anything else, written as text (neutralised, see {@link Cells}).
 */
public record ExportTable(String name, List<String> headings, List<List<Object>> rows) {

    public ExportTable {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a table needs a name");
        }
        headings = List.copyOf(headings);
        List<List<Object>> copied = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != headings.size()) {
                throw new IllegalArgumentException("table " + name + ": a row has " + row.size() + " cells for "
                        + headings.size() + " headings");
            }
            copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copied);
    }

    /** Builds a table row by row. */
    public static Builder named(String name, String... headings) {
        return new Builder(name, List.of(headings));
    }

    /** Collects the rows of a table. */
    public static final class Builder {

        private final String name;
        private final List<String> headings;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, List<String> headings) {
            this.name = name;
            this.headings = headings;
        }

        /** Adds a row; its cells in the order of the headings ({@code null} for an empty cell). */
        public Builder row(Object... cells) {
            rows.add(new ArrayList<>(Arrays.asList(cells)));
            return this;
        }

        public ExportTable build() {
            return new ExportTable(name, headings, rows);
        }
    }
}
