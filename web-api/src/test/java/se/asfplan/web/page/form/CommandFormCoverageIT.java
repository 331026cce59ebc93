package se.asfplan.web.page.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Every command the API accepts has a form: each POST mapping under {@code /api} is the path of at least one
 * {@link CommandForm}, except the plan file upload, which has a page of its own ({@code /formular/planfil}), and the
 * verification of the log, started on the log page ({@code /granskning/logg}); and no
 * form names a path the API does not have.
 */
class CommandFormCoverageIT extends PostgresApiTest {

    /** API commands sent by a dedicated page rather than a declared form, with that page. */
    private static final Map<String, String> OWN_PAGES = Map.of("/api/plans/import", "/formular/planfil",
            // the auditor's verification of the log's hash chain is started on the log page (it records nothing)
            "/api/log/verifications", "/granskning/logg");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    CommandForms forms;

    @Test
    void everyApiCommandHasAForm() {
        Set<String> commands = new TreeSet<>();
        Set<String> pages = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST) && pattern.startsWith("/api/")) {
                    commands.add(pattern);
                }
                if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                    pages.add(pattern);
                }
            }
        }
        Set<String> formed = new TreeSet<>();
        forms.all().forEach(form -> formed.add(form.apiPath().replaceFirst("\\?.*$", "")));

        Set<String> withoutForm = new TreeSet<>(commands);
        withoutForm.removeAll(formed);
        withoutForm.removeAll(OWN_PAGES.keySet());
        assertThat(withoutForm).as("API commands without a form").isEmpty();
        assertThat(pages).containsAll(OWN_PAGES.values());

        Set<String> nowhere = new TreeSet<>(formed);
        nowhere.removeAll(commands);
        assertThat(nowhere).as("forms that post to no API command").isEmpty();
        System.out.printf("%d API commands, %d forms; every command has a form%n", commands.size(),
                forms.all().size());
    }
}
