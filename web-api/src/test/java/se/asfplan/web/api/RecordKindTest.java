package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RestController;

import se.asfplan.infra.planfile.PlanImportService;
import se.asfplan.web.admin.DeadLetterController;
import se.asfplan.web.api.problem.RecordKind;

/**
 * Every endpoint that records something has a kind of record, so that the refusals the framework reports (no record
 * under the id, begun at the same moment) name that kind's rule: a new controller that sends commands fails here
 * until it is given one ({@code @RecordsFactsOf}).
 */
class RecordKindTest {

    @Test
    void everyControllerThatRecordsServesOneKindOfRecord() {
        List<Class<?>> recording = controllers().stream().filter(RecordKindTest::sendsCommands).toList();
        assertThat(recording).isNotEmpty().allSatisfy(controller -> assertThat(RecordKind.servedBy(controller))
                .as(controller.getSimpleName()).isPresent());
    }

    @Test
    void eachKindIsServedByAControllerThatRecords() {
        List<RecordKind> served = controllers().stream().filter(RecordKindTest::sendsCommands)
                .flatMap(controller -> RecordKind.servedBy(controller).stream()).distinct().toList();
        assertThat(served).containsExactlyInAnyOrder(RecordKind.values());
    }

    @Test
    void aControllerThatOnlyReadsServesNoKind() {
        assertThat(RecordKind.servedBy(ActivityFactsController.class)).isEmpty();
    }

    @Test
    void namesTheIdOfTheMissingRecord() {
        assertThat(RecordKind.ENTERPRISE.notFound("kafe-kompassen"))
                .isEqualTo("No enterprise kafe-kompassen is registered; register it first");
        assertThat(RecordKind.PLAN.mustExist.code()).isEqualTo("plan-must-be-adopted-first");
    }

    /**
     * The dead-letter controller takes the command sender only for the recording metadata of the operator event an
     * eviction writes; that event belongs to no record, and its refusals (no such parked event or group) are its own.
     */
    private static boolean sendsCommands(Class<?> controller) {
        if (controller == DeadLetterController.class) {
            return false;
        }
        return Arrays.stream(controller.getDeclaredConstructors())
                .flatMap(constructor -> Arrays.stream(constructor.getParameterTypes()))
                .anyMatch(type -> type == CommandSender.class || type == PlanImportService.class);
    }

    private static List<Class<?>> controllers() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        return scanner.findCandidateComponents("se.asfplan.web").stream().map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, RecordKindTest.class.getClassLoader()))
                .toList();
    }
}
