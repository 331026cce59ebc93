package se.asfplan.web.page.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Answers a download: the file's bytes with its media type and file name (as an attachment). */
public final class Downloads {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX = MediaType.parseMediaType(Xlsx.MEDIA_TYPE);

    private Downloads() {
    }

    /** The table as Swedish CSV ({@link SwedishCsv}). */
    public static ResponseEntity<byte[]> csv(ExportTable table, String fileName) {
        return file(SwedishCsv.bytes(table), CSV, fileName);
    }

    /** The tables as a workbook, one sheet each ({@link Xlsx}). */
    public static ResponseEntity<byte[]> xlsx(List<ExportTable> tables, String fileName) {
        return file(Xlsx.bytes(tables), XLSX, fileName);
    }

    public static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String fileName) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setContentDisposition(ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8)
                .build());
        headers.setCacheControl("no-store");
        return ResponseEntity.ok().headers(headers).body(bytes);
    }
}
