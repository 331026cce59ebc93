package se.asfplan.web.api.http;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every POST to the API must declare a JSON or YAML body. Browsers send forms, plain text and body-less posts to
 * any site without a CORS preflight, with the user's cached credentials; requiring these content types means a
 * foreign web page can never make a coordinator's browser record something in the permanent log.
 *
 * <p>The body may be at most {@code tracker.api.max-body-bytes} long (default 4 MiB: commands are a few KiB, and
 * the plan import answers a file over 2 MiB itself, naming the limit): a longer one is answered 413 before anything
 * reads it. A body sent without a length (chunked) is read up
 * to one byte past the limit, so no request can make the service hold more than the limit in memory.
 */
@Component
class JsonOrYamlPostsOnly extends OncePerRequestFilter {

    private final long maxBodyBytes;

    JsonOrYamlPostsOnly(@Value("${tracker.api.max-body-bytes:4194304}") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    private static final List<MediaType> ACCEPTED = List.of(MediaType.APPLICATION_JSON,
            MediaType.parseMediaType("application/yaml"), MediaType.parseMediaType("application/x-yaml"),
            MediaType.parseMediaType("text/yaml"));

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!accepted(request.getContentType())) {
            problem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json (or a plan file as application/yaml); nothing was recorded");
            return;
        }
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        if (length >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new BodyReadOnce(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Body too large",
                "The body must be at most " + maxBodyBytes + " bytes long; nothing was recorded");
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String type, String title,
                                String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"https://asf-plan-tracker.example/problems/%s","title":"%s","status":%d,"detail":"%s"}"""
                .formatted(type, title, status.value(), detail));
    }

    private static boolean accepted(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return ACCEPTED.stream().anyMatch(accepted -> accepted.includes(type));
        } catch (IllegalArgumentException e) {
            // a malformed type, or a charset this Java does not know: either way the body cannot be read
            return false;
        }
    }
}
