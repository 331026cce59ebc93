package se.asfplan.web.page.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import se.asfplan.web.api.MeetingController;
import se.asfplan.web.api.ProcurementController;
import se.asfplan.web.page.form.CommandForm;
import se.asfplan.web.page.form.CommandFormCatalogue;
import se.asfplan.web.page.form.FormField;

/**
 * Every command of the procurement and meeting API has a form, and every field of those forms names a property of
 * the command's request body (dotted paths through its nested records), so that a renamed request field cannot leave
 * a form sending what the API ignores or refuses.
 */
class ProcurementAndMeetingFormsTest {

    private final RecordChoices choices = new RecordChoices(null, null, null);
    private final List<CommandForm> forms = forms();

    private List<CommandForm> forms() {
        List<CommandForm> all = new ArrayList<>(new ProcurementForms(choices).forms());
        try {
            Class<?> meetingForms = Class.forName("se.asfplan.web.page.meeting.MeetingForms");
            var constructor = meetingForms.getDeclaredConstructor(RecordChoices.class);
            constructor.setAccessible(true);
            all.addAll(((CommandFormCatalogue) constructor.newInstance(choices)).forms());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return all;
    }

    @Test
    void everyCommandOfBothControllersHasAForm() {
        Map<String, Class<?>> commands = commands(ProcurementController.class);
        commands.putAll(commands(MeetingController.class));
        assertThat(commands).hasSize(13);
        assertThat(forms.stream().map(CommandForm::apiPath).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(commands.keySet());
    }

    @Test
    void everyFieldNamesAPropertyOfTheRequestBody() {
        Map<String, Class<?>> commands = commands(ProcurementController.class);
        commands.putAll(commands(MeetingController.class));
        for (CommandForm form : forms) {
            Class<?> body = commands.get(form.apiPath());
            assertThat(body).as(form.id()).isNotNull();
            for (FormField field : form.fields()) {
                Class<?> type = body;
                for (String part : field.name().split("\\.")) {
                    assertThat(type.isRecord()).as(form.id() + ": " + field.name()).isTrue();
                    RecordComponent component = Arrays.stream(type.getRecordComponents())
                            .filter(candidate -> candidate.getName().equals(part)).findFirst().orElse(null);
                    assertThat(component).as(form.id() + ": " + field.name() + " in " + type.getSimpleName())
                            .isNotNull();
                    type = component.getType();
                }
            }
        }
    }

    @Test
    void theFormsThatChangeARecordCheckItsVersionAndShowItAfterwards() {
        for (CommandForm form : forms) {
            if (form.variables().isEmpty()) {
                assertThat(form.recordVariable()).as(form.id()).isNull();
            } else {
                assertThat(form.recordVariable()).as(form.id()).isIn("procurementId", "meetingId");
                assertThat(form.recordPage(Map.of(form.recordVariable(), "x-1"))).as(form.id())
                        .isIn("/upphandlingar/x-1", "/moten/x-1");
            }
        }
        assertThat(forms.stream().filter(form -> form.id().endsWith("-retraction")))
                .allSatisfy(form -> assertThat(form.field("eventId").type().name()).isEqualTo("HIDDEN"))
                .hasSize(2);
    }

    /** The controller's POST paths with the type of the body each takes. */
    private static Map<String, Class<?>> commands(Class<?> controller) {
        String base = controller.getAnnotation(RequestMapping.class).value()[0];
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        for (Method method : controller.getDeclaredMethods()) {
            PostMapping post = method.getAnnotation(PostMapping.class);
            if (post == null) {
                continue;
            }
            String path = base + (post.value().length == 0 ? "" : post.value()[0]);
            Class<?> body = Arrays.stream(method.getParameters())
                    .filter(parameter -> parameter.isAnnotationPresent(RequestBody.class)).map(Parameter::getType)
                    .findFirst().orElseThrow();
            commands.put(path, body);
        }
        return commands;
    }

}
