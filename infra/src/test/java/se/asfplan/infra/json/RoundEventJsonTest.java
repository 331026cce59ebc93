package se.asfplan.infra.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.round.AssessmentStatus;
import se.asfplan.domain.round.FollowUpRound;
import se.asfplan.domain.round.RoundEvents;
import se.asfplan.domain.round.RoundEvents.AssessmentApprovedEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentMarkedUnansweredEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentReturnedEvent;
import se.asfplan.domain.round.RoundEvents.AssessmentSubmittedEvent;
import se.asfplan.domain.round.RoundEvents.FollowUpRoundClosedEvent;
import se.asfplan.domain.round.RoundEvents.FollowUpRoundOpenedEvent;
import se.asfplan.domain.round.RoundId;
import se.asfplan.domain.round.RoundItem;
import se.asfplan.domain.round.RoundKind;
import se.asfplan.domain.round.RoundSubject;

/**
 * The stored form of the follow-up round events, written and read by the application's ObjectMapper (Axon's
 * serializer); above all, the presented report in the closing event reads back as the very same text, so its
 * SHA-256 still matches.
 */
class RoundEventJsonTest {

    private static final RoundId ROUND = new RoundId("arsredovisning-2023");
    private static final RoundSubject ACTIVITY = new RoundSubject(RoundSubject.Kind.ACTIVITY, "natverk");
    private static final LocalDate ON = LocalDate.of(2024, 1, 10);
    /** Indented, with non-ASCII letters, an escaped quote, a tab and a line separator that JSON may leave as is. */
    private static final String REPORT = "{\n  \"name\" : \"Årsredovisning 2023 – \\\"slutlig\\\"\",\n"
            + "  \"comment\" : \"rad\\u2028två\\tflik\"\n}";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonConfiguration.class);

    private static List<Object> oneOfEach() {
        return List.of(new FollowUpRoundOpenedEvent(ROUND, new PlanId("stockholm-asf-2021"), "Årsredovisning 2023",
                        RoundKind.ANNUAL, LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 31),
                        List.of(new RoundItem(ACTIVITY, "Arbetsmarknadsnämnden (AMN)")), ON),
                new AssessmentSubmittedEvent(ROUND, ACTIVITY, "Arbetsmarknadsnämnden (AMN)",
                        AssessmentStatus.PARTLY_ON_TRACK, "Nära", new BigDecimal("18.5"), "Registret", ON),
                new AssessmentReturnedEvent(ROUND, ACTIVITY, "Komplettera", ON),
                new AssessmentApprovedEvent(ROUND, ACTIVITY, null, ON),
                new AssessmentMarkedUnansweredEvent(ROUND, ACTIVITY, "Inget svar", ON),
                new FollowUpRoundClosedEvent(ROUND, REPORT, FollowUpRound.sha256(REPORT), 120, ON));
    }

    @Test
    void coversEveryRoundEvent() {
        assertThat(oneOfEach()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(RoundEvents.ALL);
    }

    @Test
    void readsTheStoredFormBackEqualAndThePresentedReportByteForByte() {
        context.run(app -> {
            ObjectMapper json = app.getBean(ObjectMapper.class);
            assertThat(json.writeValueAsString(oneOfEach().get(2))).isEqualTo("{\"roundId\":\"arsredovisning-2023\","
                    + "\"subject\":{\"kind\":\"ACTIVITY\",\"id\":\"natverk\"},\"comment\":\"Komplettera\","
                    + "\"occurredOn\":\"2024-01-10\"}");
            for (Object event : oneOfEach()) {
                assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
            }
            FollowUpRoundClosedEvent closed = (FollowUpRoundClosedEvent) oneOfEach().get(5);
            FollowUpRoundClosedEvent read = json.readValue(json.writeValueAsBytes(closed),
                    FollowUpRoundClosedEvent.class);
            assertThat(read.presentedReport()).isEqualTo(REPORT);
            assertThat(FollowUpRound.sha256(read.presentedReport())).isEqualTo(closed.presentedReportSha256());
        });
    }
}
