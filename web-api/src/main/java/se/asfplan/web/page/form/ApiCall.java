package se.asfplan.web.page.form;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Runs one API request inside the page's request, through the servlet container's forward: the API's own filters
 * (the idempotency key, the body checks), security rules, controller, rules and problem details all apply exactly
 * as to a request from outside. The answer is captured, not sent, so that the page can show it in Swedish.
 * <p>
 * The forwarded request is marked ({@link #VIA_ATTRIBUTE}) so that the events it records say they came through the
 * web pages.
 */
public final class ApiCall {

    /** Request attribute: the channel the events are recorded through, {@value #VIA_WEB}. */
    public static final String VIA_ATTRIBUTE = se.asfplan.web.api.CommandSender.VIA_ATTRIBUTE;
    public static final String VIA_WEB = "web";

    private ApiCall() {
    }

    /** The API's answer: status, the headers that matter and the body (JSON). */
    public record Answer(int status, Map<String, String> headers, String body) {

        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * POSTs {@code body} as JSON to {@code path} with the given extra headers ({@code Idempotency-Key},
     * {@code If-Match}) and returns what the API answered.
     */
    public static Answer post(HttpServletRequest request, HttpServletResponse response, String path, byte[] body,
                              Map<String, String> headers) throws ServletException, IOException {
        return post(request, response, path, body, MediaType.APPLICATION_JSON_VALUE, headers);
    }

    /** As {@link #post(HttpServletRequest, HttpServletResponse, String, byte[], Map)}, with another body type. */
    public static Answer post(HttpServletRequest request, HttpServletResponse response, String path, byte[] body,
                              String contentType, Map<String, String> headers) throws ServletException, IOException {
        ForwardedPost forwarded = new ForwardedPost(request, body, contentType, headers);
        Captured captured = new Captured(response);
        request.setAttribute(VIA_ATTRIBUTE, VIA_WEB);
        try {
            request.getRequestDispatcher(path).forward(forwarded, captured);
        } finally {
            request.removeAttribute(VIA_ATTRIBUTE);
        }
        return captured.answer();
    }

    private static final class ForwardedPost extends HttpServletRequestWrapper {

        private final byte[] body;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private final String contentType;

        ForwardedPost(HttpServletRequest request, byte[] body, String contentType, Map<String, String> extra) {
            super(request);
            this.body = body;
            this.contentType = contentType;
            headers.put(HttpHeaders.CONTENT_TYPE, contentType);
            headers.put(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
            headers.put(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
            headers.put(HttpHeaders.ACCEPT_LANGUAGE, "sv");
            extra.forEach((name, value) -> {
                if (value != null) {
                    headers.put(name, value);
                }
            });
        }

        @Override
        public String getMethod() {
            return "POST";
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Locale getLocale() {
            return Locale.forLanguageTag("sv");
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(List.of(Locale.forLanguageTag("sv")));
        }

        @Override
        public String getHeader(String name) {
            if (headers.containsKey(name)) {
                return headers.get(name);
            }
            return passedOn(name) ? super.getHeader(name) : null;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (headers.containsKey(name)) {
                return Collections.enumeration(List.of(headers.get(name)));
            }
            return passedOn(name) ? super.getHeaders(name) : Collections.emptyEnumeration();
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new java.util.ArrayList<>(headers.keySet());
            Collections.list(super.getHeaderNames()).stream().filter(ForwardedPost::passedOn)
                    .filter(name -> !headers.containsKey(name)).forEach(names::add);
            return Collections.enumeration(names);
        }

        /** Of the browser's own headers only these reach the API (never its cookies or a stray If-Match). */
        private static boolean passedOn(String name) {
            return name.equalsIgnoreCase(HttpHeaders.USER_AGENT) || name.equalsIgnoreCase(HttpHeaders.HOST)
                    || name.equalsIgnoreCase("X-Request-Id");
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    StandardCharsets.UTF_8));
        }
    }

    /** Holds the API's answer instead of sending it: nothing of it reaches the page's own response. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private int status = HttpServletResponse.SC_OK;
        private PrintWriter writer;
        private final ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                body.write(bytes, offset, length);
            }
        };

        Captured(HttpServletResponse response) {
            super(response);
        }

        Answer answer() {
            if (writer != null) {
                writer.flush();
            }
            return new Answer(status, Map.copyOf(headers), body.toString(StandardCharsets.UTF_8));
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void sendError(int sc) {
            status = sc;
        }

        @Override
        public void sendError(int sc, String msg) {
            status = sc;
        }

        @Override
        public void setHeader(String name, String value) {
            if (value == null) {
                headers.remove(name.toLowerCase(Locale.ROOT));
            } else {
                headers.put(name.toLowerCase(Locale.ROOT), value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (value == null) {
                return;
            }
            headers.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + ", " + b);
        }

        @Override
        public void setIntHeader(String name, int value) {
            setHeader(name, Integer.toString(value));
        }

        @Override
        public void addIntHeader(String name, int value) {
            addHeader(name, Integer.toString(value));
        }

        @Override
        public void setDateHeader(String name, long date) {
            setHeader(name, Long.toString(date));
        }

        @Override
        public void addDateHeader(String name, long date) {
            addHeader(name, Long.toString(date));
        }

        @Override
        public String getHeader(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public java.util.Collection<String> getHeaderNames() {
            return headers.keySet();
        }

        @Override
        public java.util.Collection<String> getHeaders(String name) {
            String value = getHeader(name);
            return value == null ? List.of() : List.of(value);
        }

        @Override
        public boolean containsHeader(String name) {
            return headers.containsKey(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public void setContentType(String type) {
            setHeader(HttpHeaders.CONTENT_TYPE, type);
        }

        @Override
        public String getContentType() {
            return getHeader(HttpHeaders.CONTENT_TYPE);
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return out;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void reset() {
            body.reset();
            headers.clear();
            status = HttpServletResponse.SC_OK;
        }

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public void setBufferSize(int size) {
        }

        @Override
        public int getBufferSize() {
            return 8192;
        }
    }
}
