package se.asfplan.web.api.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a JSON request body readable after the message converter has failed on it, so that a 400 can name every
 * bad field rather than the first one Jackson stumbled on (see {@code JsonBodyErrors}). Only JSON bodies up to
 * {@link #MAX_BYTES} are kept; larger ones pass through untouched.
 */
@Component
public class RepeatableBodyFilter extends OncePerRequestFilter {

    /** The request attribute holding the body as read, for {@code JsonBodyErrors}. */
    public static final String BODY = RepeatableBodyFilter.class.getName() + ".body";
    static final int MAX_BYTES = 256 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE)
                || !request.getRequestURI().startsWith("/api/")
                // a chunked body (length unknown) is left alone: keeping only part of it would corrupt it
                || request.getContentLengthLong() < 0 || request.getContentLengthLong() > MAX_BYTES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES);
        request.setAttribute(BODY, body);
        chain.doFilter(new BodyReadOnce(request, body), response);
    }

}
