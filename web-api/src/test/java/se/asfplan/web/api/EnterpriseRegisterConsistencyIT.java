package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import se.asfplan.domain.enterprise.DefinitionCriteria;
import se.asfplan.domain.enterprise.EnterpriseCommands.RegisterSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseDetails;
import se.asfplan.domain.enterprise.EnterpriseId;
import se.asfplan.domain.enterprise.LegalForm;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.projections.enterprise.EnterpriseRegisterProjection;
import se.asfplan.web.support.PostgresApiTest;

/**
 * The register table and the event store stay consistent: the register row is written in the command's own
 * transaction, so a command that fails after its handler ran leaves neither; and the enterprise read model
 * rebuilds to the same view when its processing group is replayed from the start.
 */
class EnterpriseRegisterConsistencyIT extends PostgresApiTest {

    private static final String FAIL_AFTER_HANDLING = "failAfterHandlingForTest";

    @Autowired
    private CommandBus commandBus;

    @Autowired
    private CommandGateway commandGateway;

    @Autowired
    private EventProcessingConfiguration eventProcessing;

    private final String enterprise = "it-tx-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCommandThatFailsAfterItsHandlerWroteTheRegisterLeavesNeitherRowNorEvent() {
        RegisterSocialEnterpriseCommand command = new RegisterSocialEnterpriseCommand(new EnterpriseId(enterprise),
                new OrganisationNumber(EnterpriseApiIT.organisationNumber()),
                new EnterpriseDetails("Kafé Kompassen", LegalForm.AKTIEBOLAG, List.of(), "Stockholm", null,
                        DefinitionCriteria.allMet(), List.of()), LocalDate.of(2022, 1, 10), null);
        AtomicLong rowsSeenInsideTheTransaction = new AtomicLong(-1);
        Registration failing = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getMetaData().containsKey(FAIL_AFTER_HANDLING)) {
                rowsSeenInsideTheTransaction.set(registerRows());
                throw new IllegalStateException("failing after the handler on purpose");
            }
            return result;
        });
        try {
            assertThatIllegalStateException().isThrownBy(() -> commandGateway.sendAndWait(GenericCommandMessage
                            .asCommandMessage(command)
                            .andMetaData(Map.of("recordedBy", "it-test", FAIL_AFTER_HANDLING, true))))
                    .withMessage("failing after the handler on purpose");
        } finally {
            failing.cancel();
        }
        assertThat(rowsSeenInsideTheTransaction).as("the handler wrote the row before the failure").hasValue(1);
        assertThat(registerRows()).isZero();
        assertThat(storedEvents(enterprise)).isEmpty();

        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("recordedBy", "it-test")));
        assertThat(registerRows()).isOne();
        assertThat(storedEvents(enterprise)).hasSize(1);
    }

    @Test
    void replayingTheRegisterRebuildsTheSameView() {
        String base = "/api/enterprises/" + enterprise;
        assertThat(post(COORDINATOR, "/api/enterprises", """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "Väveriet", "legalForm": "IDEELL_FORENING",
                 "municipality": "Stockholm", "district": "Skärholmen",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true}, "occurredOn": "2022-01-10"}"""
                .formatted(enterprise, EnterpriseApiIT.organisationNumber())).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(post(COORDINATOR, base + "/integrationspakten/membership", """
                {"level": "plusmedlem", "occurredOn": "2022-02-01"}""").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(COORDINATOR, base + "/business-advice", """
                {"provider": "SBR", "hours": 1.25, "occurredOn": "2022-03-01"}""").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Map<String, Object> before = awaitResource(AUDITOR, base,
                body -> ((Number) body.get("version")).intValue() == 2);

        StreamingEventProcessor processor = eventProcessing.eventProcessor(
                        EnterpriseRegisterProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        assertThat(awaitResource(AUDITOR, base, body -> ((Number) body.get("version")).intValue() == 2,
                java.time.Duration.ofMinutes(3)))
                .isEqualTo(before);
    }

    private long registerRows() {
        return jdbc.queryForObject("select count(*) from enterprise_register where enterprise_id = ?", Long.class,
                enterprise);
    }
}
