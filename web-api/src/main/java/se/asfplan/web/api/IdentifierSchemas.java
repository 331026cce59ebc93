package se.asfplan.web.api;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AssignableTypeFilter;

import se.asfplan.domain.shared.Identifier;

/**
 * Describes every typed id ({@link Identifier}: a plan's, an activity's, an enterprise's, an organisation number, a
 * CPV code, ...) in the OpenAPI document as what travels on the wire: a plain string, with the id's form as its
 * {@code pattern} and an {@code example} where the id class declares them ({@code public static final String
 * PATTERN}, {@code EXAMPLE}). Without this springdoc would describe the record's structure, {@code {"value":
 * "string"}}, which Swagger UI then sends and the API refuses. The id classes are found by scanning the classpath,
 * so a new one is described as a string without being listed here.
 */
@Configuration(proxyBeanMethods = false)
public class IdentifierSchemas {

    static {
        identifierClasses().forEach(type -> SpringDocUtils.getConfig().replaceWithSchema(type, schema(type)));
    }

    /** The string schema of the id class, with its pattern and example when it declares them. */
    static StringSchema schema(Class<?> type) {
        StringSchema schema = new StringSchema();
        String pattern = constant(type, "PATTERN");
        if (pattern != null) {
            schema.setPattern("^" + pattern + "$");
        }
        String example = constant(type, "EXAMPLE");
        if (example != null) {
            schema.setExample(example);
        }
        return schema;
    }

    /** Every concrete class under {@code se.asfplan} that implements {@link Identifier}. */
    static List<Class<?>> identifierClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Identifier.class));
        List<Class<?>> types = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("se.asfplan")) {
            try {
                types.add(Class.forName(candidate.getBeanClassName(), false, IdentifierSchemas.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot load the id class " + candidate.getBeanClassName(), e);
            }
        }
        return types;
    }

    private static String constant(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            int modifiers = field.getModifiers();
            return Modifier.isStatic(modifiers) && field.getType() == String.class ? (String) field.get(null) : null;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }
}
