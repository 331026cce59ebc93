package se.asfplan.web.page.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Tables as an Excel workbook (.xlsx), one sheet per table, named after it: the headings in bold in the first row
 * (frozen), numbers as numbers, dates as dates (YYYY-MM-DD), text neutralised ({@link Cells#neutralised}).
 */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_SHEET_NAME = 31;

    private Xlsx() {
    }

    public static byte[] bytes(List<ExportTable> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one table");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "ASF-handlingsplaner", "1.0");
            Set<String> names = new HashSet<>();
            for (ExportTable table : tables) {
                sheet(workbook.newWorksheet(sheetName(table.name(), names)), table);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sheet(Worksheet sheet, ExportTable table) {
        List<String> headings = table.headings();
        for (int c = 0; c < headings.size(); c++) {
            sheet.value(0, c, Cells.neutralised(headings.get(c)));
            sheet.style(0, c).bold().set();
            sheet.width(c, Math.min(60, Math.max(10, headings.get(c).length() + 4)));
        }
        sheet.freezePane(0, 1);
        int r = 1;
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell == null) {
                    continue;
                }
                if (Cells.isNumber(cell)) {
                    sheet.value(r, c, Cells.decimal((Number) cell));
                } else if (Cells.isDate(cell)) {
                    sheet.value(r, c, (LocalDate) cell);
                    sheet.style(r, c).format("yyyy-mm-dd").set();
                } else {
                    sheet.value(r, c, Cells.text(cell));
                }
            }
            r++;
        }
    }

    /** A sheet name Excel accepts (at most 31 characters, none of []:*?/\), unique within the workbook. */
    static String sheetName(String name, Set<String> taken) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        if (cleaned.startsWith("'")) {
            cleaned = cleaned.substring(1);
        }
        String base = cleaned.isEmpty() ? "Tabell" : cleaned;
        String candidate = base.length() > MAX_SHEET_NAME ? base.substring(0, MAX_SHEET_NAME) : base;
        int n = 2;
        while (!taken.add(candidate.toLowerCase(java.util.Locale.ROOT))) {
            String suffix = " (" + n++ + ")";
            candidate = (base.length() + suffix.length() > MAX_SHEET_NAME
                    ? base.substring(0, MAX_SHEET_NAME - suffix.length()) : base) + suffix;
        }
        return candidate;
    }
}
