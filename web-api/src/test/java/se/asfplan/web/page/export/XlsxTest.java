package se.asfplan.web.page.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook read back with Apache POI: a sheet per table, typed cells, formulas neutralised. */
class XlsxTest {

    @Test
    void writesOneSheetPerTableWithTypedCellsAndNeutralisedText() throws Exception {
        ExportTable goals = ExportTable.named("Årsmål 2023", "Årsmål", "Målvärde", "Utfall", "Datum")
                .row("Kafé Målet inbjudet", 3, new BigDecimal("21.5"), LocalDate.of(2023, 2, 1))
                .row("=1+1", -2, null, null)
                .build();
        ExportTable activities = ExportTable.named("Aktiviteter 2023", "Område", "Aktivitet")
                .row("Nätverkande", "@kalas")
                .row("-minus", "+plus")
                .build();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.bytes(List.of(goals,
                activities))))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet first = workbook.getSheetAt(0);
            assertThat(first.getSheetName()).isEqualTo("Årsmål 2023");
            Row heading = first.getRow(0);
            assertThat(heading.getCell(0).getStringCellValue()).isEqualTo("Årsmål");
            assertThat(workbook.getFontAt(heading.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Row row = first.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("Kafé Målet inbjudet");
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(21.5);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(3))).isTrue();
            assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2023, 2, 1));
            Row risky = first.getRow(2);
            assertThat(risky.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(risky.getCell(0).getStringCellValue()).isEqualTo("'=1+1");
            assertThat(risky.getCell(1).getNumericCellValue()).isEqualTo(-2.0);
            assertThat(risky.getCell(2)).isNull();

            Sheet second = workbook.getSheetAt(1);
            assertThat(second.getSheetName()).isEqualTo("Aktiviteter 2023");
            assertThat(second.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'@kalas");
            assertThat(second.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'-minus");
            assertThat(second.getRow(2).getCell(1).getStringCellValue()).isEqualTo("'+plus");
            assertThat(second.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void namesSheetsAsExcelAllowsAndKeepsThemUnique() {
        Set<String> taken = new java.util.HashSet<>();
        assertThat(Xlsx.sheetName("Mål: 2023/2024 [utkast]", taken)).isEqualTo("Mål  2023 2024  utkast");
        assertThat(Xlsx.sheetName("Mål: 2023/2024 [utkast]", taken)).isEqualTo("Mål  2023 2024  utkast (2)");
        assertThat(Xlsx.sheetName("En mycket lång tabellrubrik som inte får plats", taken)).hasSize(31);
    }
}
