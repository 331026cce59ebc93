package se.asfplan.web.page.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The committee's report as a PDF, rendered by openhtmltopdf from the same Thymeleaf content as the page
 * ({@code templates/report/content.html}), processed in XML mode so that the renderer gets well-formed XHTML. The
 * PDF is tagged (PDF/UA: a structure tree, the document title shown, the language Swedish) and embeds the DejaVu
 * Sans fonts shipped in {@code resources/fonts} (with their licence), so å, ä and ö render everywhere.
 */
@Component
public class ReportPdf {

    static final String FONT_FAMILY = "DejaVu Sans";

    private final SpringTemplateEngine xhtml;
    private final byte[] regular;
    private final byte[] bold;

    ReportPdf() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        xhtml = new SpringTemplateEngine();
        xhtml.setTemplateResolver(resolver);
        regular = font("fonts/DejaVuSans.ttf");
        bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    /** The report's XHTML, as the PDF renderer reads it. */
    String xhtml(CommitteeReport report) {
        Context context = new Context(Locale.forLanguageTag("sv-SE"));
        context.setVariable("report", report);
        return xhtml.process("report/report-pdf", context);
    }

    byte[] pdf(CommitteeReport report) {
        return pdf(xhtml(report));
    }

    /**
     * Another page's content as a PDF, rendered the same way: {@code template} (under {@code templates/}, without
     * {@code .html}) processed in XML mode with the given variables.
     */
    public byte[] pdf(String template, java.util.Map<String, Object> variables) {
        Context context = new Context(Locale.forLanguageTag("sv-SE"));
        variables.forEach(context::setVariable);
        return pdf(xhtml.process(template, context));
    }

    private byte[] pdf(String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useFont(() -> stream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> stream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withProducer("ASF-handlingsplaner");
        builder.withHtmlContent(content, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withLanguage(out.toByteArray());
    }

    /** Makes sure the document's language is Swedish (PDF/UA needs a language for screen readers). */
    private static byte[] withLanguage(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if ("sv-SE".equals(document.getDocumentCatalog().getLanguage())) {
                return pdf;
            }
            document.getDocumentCatalog().setLanguage("sv-SE");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static byte[] font(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the report's font " + path + " is missing", e);
        }
    }
}
