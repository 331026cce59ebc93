package se.asfplan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The README and {@code docs/} are kept true like code: a link that no longer resolves is a bug, the README stays a
 * first hour's reading, and the settings they name are the ones the code reads.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();
    private static final int README_MAX_LINES = 250;
    private static final Pattern FENCED_CODE = Pattern.compile("^```.*?^```", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\n]*`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#*$", Pattern.MULTILINE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(tracker\\.[a-z0-9.-]+)");
    private static final Pattern DOCUMENTED_SETTING = Pattern.compile("TRACKER_[A-Z0-9_]+");

    @Test
    void resolvesEveryRelativeLinkInTheReadmeAndTheDocs() {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            Matcher link = LINK.matcher(prose(read(document)));
            while (link.find()) {
                String target = link.group(1);
                if (!target.matches("^[a-z]+:.*")) {
                    brokenReason(document, target).ifPresent(reason -> broken.add(ROOT.relativize(document) + ": ("
                            + target + ") " + reason));
                }
            }
        }

        assertThat(broken).as("links in README.md and docs/*.md that do not resolve").isEmpty();
    }

    @Test
    void keepsTheReadmeToAFirstHoursReading() {
        assertThat(read(ROOT.resolve("README.md")).lines().count()).as("lines of README.md")
                .isLessThanOrEqualTo(README_MAX_LINES);
    }

    @Test
    void namesEverySettingTheCodeReadsAsAnEnvironmentVariable() {
        String settingsDocumentation = read(ROOT.resolve("README.md")) + read(ROOT.resolve("docs/security.md"));

        assertThat(settingsReadByTheCode()).allSatisfy(variable -> assertThat(settingsDocumentation)
                .as("README.md or docs/security.md names %s", variable).contains(variable));
    }

    @Test
    void namesNoSettingTheCodeDoesNotRead() {
        Set<String> read = settingsReadByTheCode();
        Set<String> documented = new TreeSet<>();
        for (Path document : documents()) {
            Matcher setting = DOCUMENTED_SETTING.matcher(read(document));
            while (setting.find()) {
                documented.add(setting.group());
            }
        }

        assertThat(documented).allSatisfy(variable -> assertThat(read.stream().anyMatch(known -> names(known, variable)))
                .as("%s is read by the code (it reads %s)", variable, read).isTrue());
    }

    /** Whether a documented variable names a setting: the same, one of a map's keys, or a group ({@code ..._OIDC_}). */
    private static boolean names(String known, String documented) {
        return known.equals(documented) || known.endsWith("_") && documented.startsWith(known)
                || documented.endsWith("_") && known.startsWith(documented);
    }

    /** Why a link does not resolve, or nothing when it does. */
    private static java.util.Optional<String> brokenReason(Path document, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return java.util.Optional.of("no such file " + ROOT.relativize(resolved));
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !anchorsOf(read(resolved)).contains(anchor)) {
            return java.util.Optional.of("no heading #" + anchor + " in " + ROOT.relativize(resolved));
        }
        return java.util.Optional.empty();
    }

    /** The anchors GitHub gives a document's headings. */
    private static Set<String> anchorsOf(String markdown) {
        Set<String> anchors = new TreeSet<>();
        Matcher heading = HEADING.matcher(FENCED_CODE.matcher(markdown).replaceAll(""));
        while (heading.find()) {
            anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    /**
     * The environment variables of every {@code tracker.*} setting the code reads: the placeholders of
     * {@code @Value} and the components of every {@code @ConfigurationProperties} record. A list element is written
     * with index 0 and a map's keys are left open ({@code ..._ROLEMAPPING_}).
     */
    private static Set<String> settingsReadByTheCode() {
        Set<String> variables = new TreeSet<>();
        for (Path source : javaSources()) {
            Matcher placeholder = PLACEHOLDER.matcher(read(source));
            while (placeholder.find()) {
                variables.add(variable(placeholder.group(1)));
            }
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("se.asfplan")) {
            Class<?> type = load(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            components(type, variable(prefix) + "_", variables);
        }
        assertThat(variables).as("settings found in the code").hasSizeGreaterThan(5);
        return variables;
    }

    private static void components(Class<?> type, String prefix, Set<String> variables) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + variable(component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2"));
            Class<?> componentType = component.getType();
            if (componentType.isRecord()) {
                components(componentType, name + "_", variables);
            } else if (List.class.isAssignableFrom(componentType) && elementType(component).isRecord()) {
                components(elementType(component), name + "_0_", variables);
            } else if (Map.class.isAssignableFrom(componentType)) {
                variables.add(prefix + variable(component.getName()) + "_");
            } else {
                variables.add(name);
            }
        }
    }

    private static Class<?> elementType(RecordComponent component) {
        return component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element ? element : Object.class;
    }

    /** {@code tracker.event-store.gap-timeout} as {@code TRACKER_EVENT_STORE_GAP_TIMEOUT}. */
    private static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The text outside code blocks and inline code, where links are links. */
    private static String prose(String markdown) {
        return INLINE_CODE.matcher(FENCED_CODE.matcher(markdown).replaceAll("")).replaceAll("");
    }

    private static List<Path> documents() {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
            documents.addAll(docs.filter(path -> path.toString().endsWith(".md")).sorted().toList());
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaSources() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(DocumentationTest::javaFilesUnder).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFilesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("found by the scan but not loadable: " + name, e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(path.normalize() + " cannot be read", e);
        }
    }
}
