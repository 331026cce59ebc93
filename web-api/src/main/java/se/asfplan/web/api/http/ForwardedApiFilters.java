package se.asfplan.web.api.http;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The API's request filters run on requests from outside ({@code REQUEST}) and on the requests the web pages forward
 * to the API when a form is sent ({@code FORWARD}, see {@code se.asfplan.web.page.form.ApiCall}): a form gets the
 * same body checks and the same idempotency as any API client. The order is that of the filters' own declarations:
 * the content type and size first, idempotency last (after Spring Security, whose user the key belongs to).
 */
@Configuration(proxyBeanMethods = false)
class ForwardedApiFilters {

    private static final DispatcherType[] DISPATCHES = {DispatcherType.REQUEST, DispatcherType.FORWARD};

    @Bean
    FilterRegistrationBean<JsonOrYamlPostsOnly> jsonOrYamlPostsOnlyRegistration(JsonOrYamlPostsOnly filter) {
        return registration(filter, Ordered.LOWEST_PRECEDENCE);
    }

    @Bean
    FilterRegistrationBean<RepeatableBodyFilter> repeatableBodyRegistration(RepeatableBodyFilter filter) {
        return registration(filter, Ordered.LOWEST_PRECEDENCE);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyRegistration(IdempotencyFilter filter) {
        return registration(filter, Ordered.LOWEST_PRECEDENCE - 100);
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DISPATCHES);
        registration.setOrder(order);
        return registration;
    }
}
