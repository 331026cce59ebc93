package se.asfplan.web.api;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Tells the client the version its command left the record at: the {@code ETag} header ({@code "3"}) of the
 * answer and, in a {@link Recorded} answer, its {@code version}. The client sends it back as {@code If-Match} to
 * change the record only if nobody changed it in between.
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
        if (!(request instanceof ServletServerHttpRequest servlet)
                || !(servlet.getServletRequest().getAttribute(CommandSender.RECORDED_VERSION) instanceof Long version)) {
            return body;
        }
        response.getHeaders().setETag("\"" + version + "\"");
        return body instanceof Recorded recorded ? recorded.withVersion(version) : body;
    }
}
