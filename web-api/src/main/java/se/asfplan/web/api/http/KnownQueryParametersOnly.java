package se.asfplan.web.api.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a read of the API that names a query parameter its endpoint does not know, with 400 naming it: a
 * mistyped filter ({@code ?yaer=2023}) would otherwise be ignored silently and answer the unfiltered list. The
 * parameters an endpoint knows are its handler method's {@link RequestParam}s, so every API {@code GET} is checked
 * without a list per endpoint. Only requests from outside are checked, not those the pages forward to the API.
 */
@Configuration(proxyBeanMethods = false)
public class KnownQueryParametersOnly implements HandlerInterceptor, WebMvcConfigurer {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    /** The parameter names each handler method knows; {@code null} for one that takes any (a parameter map). */
    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
                || !(HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()))) {
            return true;
        }
        Set<String> names = known.computeIfAbsent(method,
                KnownQueryParametersOnly::parameterNames);
        if (names.contains("*")) {
            return true;
        }
        List<String> unknown = new ArrayList<>();
        for (String name : Collections.list(request.getParameterNames())) {
            if (!names.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownQueryParameterException(unknown, List.copyOf(new LinkedHashSet<>(names)));
        }
        return true;
    }

    private static Set<String> parameterNames(HandlerMethod method) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                return Set.of("*");
            }
            String name = param.name().isEmpty() ? param.value() : param.name();
            if (name.isEmpty()) {
                parameter.initParameterNameDiscovery(NAMES);
                name = parameter.getParameterName();
            }
            if (name != null) {
                names.add(name);
            }
        }
        return Set.copyOf(names);
    }

    /** A read named query parameters its endpoint does not know (400). */
    public static final class UnknownQueryParameterException extends RuntimeException {

        private final List<String> unknown;
        private final List<String> known;

        UnknownQueryParameterException(List<String> unknown, List<String> known) {
            super("unknown query parameter(s) " + unknown);
            this.unknown = List.copyOf(unknown);
            this.known = known.stream().sorted().toList();
        }

        /** The parameters the request named that the endpoint does not know. */
        public List<String> unknown() {
            return unknown;
        }

        /** The parameters the endpoint knows. */
        public List<String> known() {
            return known;
        }
    }
}
