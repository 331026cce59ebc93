package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import se.asfplan.web.security.PageRoleMatrix;
import se.asfplan.web.security.Role;

/**
 * Every CSV and spreadsheet the API and the pages serve neutralises formulas (OWASP's rule on CSV injection): texts
 * beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return are recorded in every free
 * text that reaches a report (plan, area and activity titles, the lead party, progress and closing notes, a goal's
 * indicator and the source of its outcome, an enterprise's district, a contracting authority's name), then every
 * download is read back cell by cell: no text cell may begin with one of them, no workbook cell is a formula, and
 * each report that shows such a text shows it neutralised with a leading single quote. A protective tab a writer
 * put before a formula is kept on input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormulaNeutralisingExportsIT extends ProcurementApiSupport {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");

    private final String plan = id("exportplan");
    private final String marker = suffix;

    @LocalServerPort
    int port;

    @BeforeAll
    void recordHostileTexts() {
        assertStatus(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "=HYPERLINK(\\"http://angripare.example\\",\\"Plan %s\\")",
                 "municipality": "%s", "adoption": {"body": "KS"}, "adoptedOn": "2021-03-01",
                 "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan, marker, municipality)),
                HttpStatus.CREATED);
        registerAuthorityInMunicipality();
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "natverk", "name": "+Nätverkande %s", "occurredOn": "2021-03-01"}""".formatted(marker)),
                HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "farlig", "areaId": "natverk", "kind": "ACTIVITY",
                 "title": "-2+3 aktivitet %s", "responsibility": {"lead": "=cmd|' /C calc'!A0 %s"},
                 "occurredOn": "2021-03-01"}""".formatted(marker, marker)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities/farlig/start",
                "{\"occurredOn\": \"2023-01-05\"}"), HttpStatus.OK);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities/farlig/progress-reports", """
                {"note": "\\t=1+1 skyddad %s", "occurredOn": "2023-02-01"}""".formatted(marker)), HttpStatus.OK);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities/farlig/complete", """
                {"note": "@SUM(A1) klar %s", "occurredOn": "2023-11-30"}""".formatted(marker)), HttpStatus.OK);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/goals", """
                {"goalId": "mal-2023", "year": 2023, "kind": "COUNT", "measure": "INTEGRATIONSPAKTEN_INVITATIONS",
                 "indicator": "=2+2 inbjudna %s", "target": {"comparator": "AT_LEAST", "value": 1, "unit": "st"},
                 "decision": {"body": "KS"}, "occurredOn": "2023-01-10"}""".formatted(marker)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/goals", """
                {"goalId": "andel-2023", "year": 2023, "kind": "SHARE", "measure": null,
                 "indicator": "Andel %s", "target": {"comparator": "AT_LEAST", "value": 20, "unit": "%%"},
                 "decision": {"body": "KS"}, "occurredOn": "2023-01-10"}""".formatted(marker)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/goals/andel-2023/outcomes", """
                {"value": 21.5, "source": "@källa %s", "occurredOn": "2024-01-15"}""".formatted(marker)),
                HttpStatus.OK);
        String enterprise = id("e1");
        assertStatus(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "=HYPERLINK(\\"x\\") Kafé %s",
                 "legalForm": "EKONOMISK_FORENING", "linesOfBusiness": ["café"], "municipality": "%s",
                 "district": "-Söder %s",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "certifications": [], "occurredOn": "2023-01-10"}""".formatted(enterprise,
                randomOrganisationNumber(), marker, municipality, marker)), HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/enterprises/" + enterprise + "/integrationspakten/invitations",
                "{\"occurredOn\": \"2023-02-01\"}"), HttpStatus.OK);
        assertStatus(post(COORDINATOR, "/api/enterprises/" + enterprise + "/event-participations", """
                {"kind": "TENDER_SCHOOL", "eventName": "=Anbudsskola %s", "occurredOn": "2023-04-01"}"""
                .formatted(marker)), HttpStatus.OK);
        String hostileAuthority = "=Nämnd " + marker;
        assertStatus(post(COORDINATOR, "/api/parties", """
                {"partyId": "%s", "name": "%s", "kind": "COMMITTEE", "municipality": "%s",
                 "occurredOn": "2015-01-01"}""".formatted(id("farlig-myndighet"), hostileAuthority, municipality)),
                HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/procurements", """
                {"procurementId": "%s", "stage": "PLANNED", "authority": "%s", "subject": "+Korta jobbspår %s",
                 "cpvCodes": ["80511000-9"], "procedure": "RESERVED_WELFARE_SERVICES", "occurredOn": "2023-01-10"}"""
                .formatted(id("p1"), hostileAuthority, marker)), HttpStatus.CREATED);
    }

    /** Every download: its name, how to fetch it, and whether a hostile text of this test must show in it. */
    Stream<Arguments> downloads() {
        return Stream.of(
                Arguments.of("API activity follow-up CSV", api("/api/plans/" + plan
                        + "/reports/activity-follow-up?format=csv"), true),
                Arguments.of("API yearly goals CSV", api("/api/plans/" + plan
                        + "/reports/yearly-goals?year=2023&format=csv"), true),
                Arguments.of("API register statistics CSV", api("/api/reports/register?format=csv"), true),
                Arguments.of("API procurement statistics CSV", api("/api/reports/procurement?format=csv"), true),
                Arguments.of("API participation CSV (no free text)", api("/api/reports/participation?format=csv"),
                        false),
                Arguments.of("committee report page: goals CSV", page("/planer/" + plan + "/rapport/2023.csv?tabell=mal"),
                        true),
                Arguments.of("committee report page: activities CSV", page("/planer/" + plan
                        + "/rapport/2023.csv?tabell=aktiviteter"), true),
                Arguments.of("committee report page: workbook", page("/planer/" + plan + "/rapport/2023.xlsx"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("downloads")
    void noCellOfTheDownloadIsRunAsAFormula(String name, Supplier<byte[]> download, boolean showsHostileText) {
        // a read model may not know the plan for a moment after it was recorded (404 until then)
        byte[] body = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(download::get, bytes -> !showsHostileText || cells(bytes).stream()
                        .anyMatch(cell -> cell.contains(marker)));
        List<String> cells = cells(body);
        assertThat(cells).as(name + ": its cells").isNotEmpty();
        List<String> live = cells.stream().filter(cell -> !cell.isEmpty())
                .filter(cell -> "=+-@\t\r".indexOf(cell.charAt(0)) >= 0)
                .filter(cell -> !NUMBER.matcher(cell).matches()).toList();
        assertThat(live).as(name + ": text cells a spreadsheet would run as a formula").isEmpty();
        if (showsHostileText) {
            assertThat(cells.stream().filter(cell -> cell.contains(marker)))
                    .as(name + ": this test's texts, each neutralised by a leading quote")
                    .isNotEmpty()
                    .anyMatch(cell -> cell.startsWith("'") && cell.length() > 1
                            && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0);
        }
        if (body.length > 1 && body[0] == 'P' && body[1] == 'K') {
            assertThat(formulaCells(body)).as(name + ": workbook cells holding a formula").isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void aProtectiveTabBeforeAFormulaIsKeptOnInput() {
        Object note = awaitResource(COORDINATOR, "/api/plans/" + plan + "/activities/farlig",
                activity -> activity.toString().contains("skyddad " + marker)).get("latestNote");
        assertThat(String.valueOf(note)).startsWith("\t=1+1 skyddad");
    }

    // ------------------------------------------------------------------------------------------------ fetching

    private Supplier<byte[]> api(String path) {
        return () -> {
            var response = http.withBasicAuth(COMMITTEE, COMMITTEE).getForEntity(path, byte[].class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            return response.getBody();
        };
    }

    private Supplier<byte[]> page(String path) {
        return () -> {
            try {
                HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                String base = "http://localhost:" + port;
                PageRoleMatrix.Session session = PageRoleMatrix.signIn(client, base, COMMITTEE, Role.COMMITTEE);
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", session.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                return response.body();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    // ------------------------------------------------------------------------------------------------- reading

    /** Every cell of a CSV (comma or semicolon separated, RFC 4180 quoting) or of every sheet of a workbook. */
    static List<String> cells(byte[] body) {
        if (body.length > 1 && body[0] == 'P' && body[1] == 'K') {
            return workbookCells(body);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLine = text.indexOf("\r\n");
        String header = firstLine < 0 ? text : text.substring(0, firstLine);
        char separator = header.contains(";") ? ';' : ',';
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                i++;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty()) {
            cells.add(cell.toString());
        }
        return cells;
    }

    private static List<String> workbookCells(byte[] body) {
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue()
                                : cell.getCellType() == CellType.NUMERIC ? "0" : cell.toString());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return cells;
    }

    private static long formulaCells(byte[] body) {
        long formulas = 0;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            formulas++;
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return formulas;
    }
}
