package se.asfplan.web.api.problem;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import se.asfplan.web.api.http.RepeatableBodyFilter;

/**
 * Jackson stops at the first field it cannot read. When that happens this reads the kept body once more, field by
 * field against the request record, and lists every problem: unknown fields, values of the wrong form, and values
 * missing or breaking their constraints. Empty when the body or its target type cannot be examined.
 */
@Component
class JsonBodyErrors {

    private final ObjectMapper json;
    private final Validator validator;

    JsonBodyErrors(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    List<Map<String, String>> of(HttpServletRequest request, java.util.function.Function<JsonMappingException,
            String> describe) {
        Optional<Class<?>> target = bodyType(request);
        if (!(request.getAttribute(RepeatableBodyFilter.BODY) instanceof byte[] body) || target.isEmpty()
                || !target.get().isRecord()) {
            return List.of();
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (java.io.IOException e) {
            return List.of();
        }
        if (tree == null || !tree.isObject()) {
            return List.of(error("", "the body must be a JSON object"));
        }
        Map<String, RecordComponent> components = Arrays.stream(target.get().getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> c, (a, b) -> a, LinkedHashMap::new));
        List<Map<String, String>> errors = new ArrayList<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!components.containsKey(name)) {
                errors.add(error(name, "unknown field"));
            }
        }
        for (RecordComponent component : components.values()) {
            JsonNode node = tree.get(component.getName());
            Object value = null;
            if (node != null && !node.isNull()) {
                try {
                    JavaType type = json.getTypeFactory().constructType(component.getGenericType());
                    value = json.readerFor(type).readValue(node);
                } catch (JsonMappingException e) {
                    String nested = nestedPath(e);
                    errors.add(error(component.getName() + nested, describe.apply(e)));
                    continue;
                } catch (java.io.IOException e) {
                    errors.add(error(component.getName(), "is invalid"));
                    continue;
                }
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            Set<ConstraintViolation<?>> violations = (Set) validator.validateValue((Class) target.get(),
                    component.getName(), value);
            violations.forEach(violation -> errors.add(error(component.getName(), violation.getMessage())));
        }
        return errors;
    }

    private static Optional<Class<?>> bodyType(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
            return Optional.empty();
        }
        return Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .<Class<?>>map(MethodParameter::getParameterType)
                .findFirst();
    }

    private static String nestedPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
