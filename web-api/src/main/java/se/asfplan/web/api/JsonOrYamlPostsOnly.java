package se.asfplan.web.api;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every POST to the API must declare a JSON or YAML body. Browsers send forms, plain text and body-less posts to
 * any site without a CORS preflight, with the user's cached credentials; requiring these content types means a
 * foreign web page can never make a coordinator's browser record something in the permanent log.
 */
@Component
class JsonOrYamlPostsOnly extends OncePerRequestFilter {

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
        if (accepted(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"https://asf-plan-tracker.example/problems/unsupported-media-type",\
                "title":"Unsupported media type","status":415,\
                "detail":"Send the body as application/json (or a plan file as application/yaml); nothing was recorded"}""");
    }

    private static boolean accepted(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return ACCEPTED.stream().anyMatch(accepted -> accepted.includes(type));
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            return false;
        }
    }
}
