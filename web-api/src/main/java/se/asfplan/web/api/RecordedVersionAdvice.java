package se.asfplan.web.api;

import java.lang.reflect.RecordComponent;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Tells the client the version of the record it changed or read: the {@code ETag} header ({@code "3"}) of the
 * answer and, in a {@link Recorded} answer, its {@code version} (with the ids of the events recorded). The client
 * sends it back as {@code If-Match} to change the record only if nobody changed it in between.
 * <p>
 * A read of one record (a plan, an enterprise, a meeting, a procurement, a party) carries its {@code version}, the
 * sequence number of the record's last event the read reflects; the read's answer sends the same number as
 * {@code ETag}, so that an {@code If-Match} taken from a read is accepted as long as nobody changed the record.
 */
@RestControllerAdvice
class RecordedVersionAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        if (!(servlet.getServletRequest().getAttribute(CommandSender.RECORDED_VERSION) instanceof Long version)) {
            Long read = HttpMethod.GET.equals(request.getMethod()) ? readVersion(body) : null;
            if (read != null) {
                response.getHeaders().setETag("\"" + read + "\"");
            }
            return withEvents(body, servlet);
        }
        response.getHeaders().setETag("\"" + version + "\"");
        return body instanceof Recorded recorded ? withEvents(recorded.withVersion(version), servlet) : body;
    }

    private static Object withEvents(Object body, ServletServerHttpRequest servlet) {
        return body instanceof Recorded recorded
                && servlet.getServletRequest().getAttribute(CommandSender.RECORDED_EVENTS) instanceof java.util.List<?> ids
                ? recorded.withEventIds(ids.stream().map(String::valueOf).toList()) : body;
    }

    /** The {@code version} of a one-record read (a record with a {@code long version} component), else none. */
    static Long readVersion(Object body) {
        if (body == null || !body.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : body.getClass().getRecordComponents()) {
            if (component.getName().equals("version") && component.getType() == long.class) {
                try {
                    return (Long) component.getAccessor().invoke(body);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
