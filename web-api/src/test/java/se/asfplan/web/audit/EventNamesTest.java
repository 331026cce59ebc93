package se.asfplan.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/**
 * Every event the domain and the operators record has a Swedish name on the auditors' pages: a new event type
 * fails here until {@link EventNames} names it, instead of showing up as its stable type in English.
 */
class EventNamesTest {

    @Test
    void everyStoredEventTypeHasASwedishName() {
        List<String> types = eventTypes();
        assertThat(types).as("event types found on the class path").hasSizeGreaterThan(50)
                .contains("FollowUpRoundClosedEvent", "DeadLetterEvictedEvent", "PlanAdoptedEvent");
        assertThat(types).allSatisfy(type -> assertThat(EventNames.name(type)).as(type).isNotEqualTo(type));
    }

    @Test
    void anUnknownTypeIsShownByItsStableType() {
        assertThat(EventNames.name("SomethingNewEvent")).isEqualTo("SomethingNewEvent");
        assertThat(EventNames.name(null)).isEqualTo("Okänd händelse");
    }

    /** The simple names of the records named {@code ...Event} in the domain's and the operators' event classes. */
    private static List<String> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && definition.getMetadata().isFinal()
                        && "java.lang.Record".equals(definition.getMetadata().getSuperClassName());
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Events\\$\\w+Event")));
        return java.util.stream.Stream.of("se.asfplan.domain", "se.asfplan.infra.axon")
                .flatMap(base -> scanner.findCandidateComponents(base).stream())
                .map(BeanDefinition::getBeanClassName)
                .map(name -> name.substring(name.lastIndexOf('$') + 1))
                .distinct().sorted().toList();
    }
}
