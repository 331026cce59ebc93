package se.asfplan.web.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import se.asfplan.domain.shared.RuleCode;

/**
 * Every rule a request can be refused by has a Swedish text in {@code i18n/rules.properties}: the rules are found
 * by scanning the classpath for every enum implementing {@link RuleCode} (the domain's and the API's own), so a new
 * rule without a text fails here.
 */
class RuleTextsTest {

    @Test
    void everyRuleCodeHasASwedishText() throws IOException {
        Properties texts = texts();
        List<RuleCode> rules = ruleCodes();
        Set<String> missing = new TreeSet<>();
        for (RuleCode rule : rules) {
            String text = texts.getProperty("rule." + rule.code());
            if (text == null || text.isBlank()) {
                missing.add(rule.code() + " (" + rule.getClass().getSimpleName() + ")");
            }
        }
        assertThat(rules).as("the rule enums found by the scan").hasSizeGreaterThan(90);
        assertThat(rules.stream().map(rule -> rule.getClass().getSimpleName()).collect(Collectors.toSet()))
                .contains("PlanRule", "EnterpriseRule", "MeetingRule", "ProcurementRule", "PartyRule", "RecordRule",
                        "ApiRule");
        assertThat(missing).as("rule codes without a Swedish text in i18n/rules.properties").isEmpty();
    }

    @Test
    void everyTextNamesARuleThatExistsAndKeepsItsLegalReference() throws IOException {
        Properties texts = texts();
        List<RuleCode> rules = ruleCodes();
        Set<String> codes = rules.stream().map(RuleCode::code).collect(Collectors.toSet());
        assertThat(texts.stringPropertyNames().stream().map(key -> key.substring("rule.".length())))
                .as("texts for codes no rule has").allMatch(codes::contains);
        for (RuleCode rule : rules) {
            if (rule.legalReference() != null) {
                assertThat(texts.getProperty("rule." + rule.code())).as(rule.code()).contains("LOU");
            }
        }
    }

    private static Properties texts() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = RuleTextsTest.class.getResourceAsStream("/i18n/rules.properties")) {
            assertThat(in).as("i18n/rules.properties").isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    /** Every constant of every enum implementing RuleCode under se.asfplan. */
    static List<RuleCode> ruleCodes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(RuleCode.class));
        List<RuleCode> rules = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("se.asfplan")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.isEnum() && RuleCode.class.isAssignableFrom(type)) {
                    Arrays.stream(type.getEnumConstants()).map(RuleCode.class::cast).forEach(rules::add);
                }
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return rules;
    }
}
