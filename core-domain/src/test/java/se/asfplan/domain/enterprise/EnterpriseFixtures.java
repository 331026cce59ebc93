package se.asfplan.domain.enterprise;

import static org.hamcrest.Matchers.containsString;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import se.asfplan.domain.enterprise.EnterpriseCommands.RegisterSocialEnterpriseCommand;
import se.asfplan.domain.enterprise.EnterpriseEvents.JoinedIntegrationspaktenEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseClosedEvent;
import se.asfplan.domain.enterprise.EnterpriseEvents.SocialEnterpriseRegisteredEvent;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.domain.shared.RuleCode;
import se.asfplan.domain.shared.RuleViolationException;

/**
 * Test data for the social enterprise aggregate: a work-integrating café registered on {@link #REGISTERED_ON},
 * looked at on {@link #TODAY}. Every factory is named after what it makes; state is always built from events.
 */
final class EnterpriseFixtures {

    static final EnterpriseId ENTERPRISE_ID = new EnterpriseId("kafe-kompassen");
    static final OrganisationNumber ORGANISATION_NUMBER = new OrganisationNumber("556016-0680");
    static final OrganisationNumber OTHER_ORGANISATION_NUMBER = new OrganisationNumber("802002-4280");

    static final LocalDate REGISTERED_ON = LocalDate.of(2021, 5, 10);
    static final LocalDate LATER = LocalDate.of(2022, 3, 1);
    static final LocalDate CLOSED_ON = LocalDate.of(2023, 6, 30);

    /** "Now" for every test: the same date in UTC and in Stockholm. */
    static final Instant NOW = Instant.parse("2024-06-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    static final LocalDate TOMORROW = TODAY.plusDays(1);

    static final IntegrationspaktenLevel MEMBER = new IntegrationspaktenLevel("member");
    static final IntegrationspaktenLevel PLUSMEDLEM = new IntegrationspaktenLevel("plusmedlem");
    static final IntegrationspaktenLevel JOBBPARTNER = new IntegrationspaktenLevel("jobbpartner");

    /** "Invite all known ASF to Integrationspakten" in the Stockholm plan. */
    static final PlanActivityReference INVITE_ALL_TO_INTEGRATIONSPAKTEN = new PlanActivityReference(
            new PlanId("stockholm-asf-2021"), new ActivityId("natverk-bjuda-in-asf-till-integrationspakten"));

    /** An activity reference that no plan has. */
    static final PlanActivityReference UNKNOWN_ACTIVITY = new PlanActivityReference(new PlanId("stockholm-asf-2021"),
            new ActivityId("finns-inte"));

    private EnterpriseFixtures() {
    }

    /** The plan activities the fixtures know: only {@link #INVITE_ALL_TO_INTEGRATIONSPAKTEN}. */
    static PlanActivities knownActivities() {
        return INVITE_ALL_TO_INTEGRATIONSPAKTEN::equals;
    }

    // ------------------------------------------------------------------------------------------- fixture

    static IntegrationspaktenLevels configuredLevels() {
        Map<IntegrationspaktenLevel, String> names = new LinkedHashMap<>();
        names.put(MEMBER, "Medlem");
        names.put(PLUSMEDLEM, "Plusmedlem");
        names.put(JOBBPARTNER, "Jobbpartner");
        return new IntegrationspaktenLevels(names);
    }

    /** A fixture whose "today" is {@link #TODAY}, with the configured levels and the given register. */
    static AggregateTestFixture<SocialEnterprise> enterpriseFixture(EnterpriseRegister register) {
        AggregateTestFixture<SocialEnterprise> fixture = new AggregateTestFixture<>(SocialEnterprise.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(configuredLevels());
        fixture.registerInjectableResource(knownActivities());
        return fixture;
    }

    // ------------------------------------------------------------------------------------------- refusals

    /** Matches a {@link RuleViolationException} that names the given rule. */
    static Matcher<RuleViolationException> violates(RuleCode rule) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolationException exception, Description mismatch) {
                if (exception.rule() != rule) {
                    mismatch.appendText("it violated ").appendValue(exception.rule());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a violation of ").appendValue(rule);
            }
        };
    }

    /** Expects the command to be refused for breaking {@code rule}, with the message part, recording nothing. */
    static <T> ResultValidator<T> expectRefusal(ResultValidator<T> result, RuleCode rule, String messagePart) {
        return result.expectException(RuleViolationException.class)
                .expectException(violates(rule))
                .expectExceptionMessage(containsString(messagePart))
                .expectNoEvents();
    }

    /** Expects the command to be rejected as invalid input, with a message naming the field, recording nothing. */
    static <T> ResultValidator<T> expectInvalid(ResultValidator<T> result, String messagePart) {
        return result.expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString(messagePart))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------------------------------- values

    static EnterpriseDetails details(LegalForm legalForm) {
        return details(legalForm, DefinitionCriteria.allMet());
    }

    static EnterpriseDetails details(LegalForm legalForm, DefinitionCriteria criteria) {
        return new EnterpriseDetails("Kafé Kompassen", legalForm, List.of("café", "catering"), "Stockholm",
                "Rinkeby-Kista", criteria, List.of("Skoopi"));
    }

    static DefinitionCriteria allButReinvestment() {
        return new DefinitionCriteria(true, true, false, true);
    }

    // ------------------------------------------------------------------------------------------- events

    static SocialEnterpriseRegisteredEvent registered() {
        return new SocialEnterpriseRegisteredEvent(ENTERPRISE_ID, ORGANISATION_NUMBER,
                details(LegalForm.EKONOMISK_FORENING), REGISTERED_ON, null);
    }

    static SocialEnterpriseRegisteredEvent soleTraderRegistered() {
        return new SocialEnterpriseRegisteredEvent(ENTERPRISE_ID, null, details(LegalForm.ENSKILD_FIRMA),
                REGISTERED_ON, null);
    }

    static SocialEnterpriseClosedEvent closed() {
        return new SocialEnterpriseClosedEvent(ENTERPRISE_ID, "Verksamheten avvecklad", CLOSED_ON, null);
    }

    static JoinedIntegrationspaktenEvent joined(IntegrationspaktenLevel level) {
        return new JoinedIntegrationspaktenEvent(ENTERPRISE_ID, level, LATER, null);
    }

    // ------------------------------------------------------------------------------------------- commands

    static RegisterSocialEnterpriseCommand register(OrganisationNumber number, LegalForm legalForm) {
        return new RegisterSocialEnterpriseCommand(ENTERPRISE_ID, number, details(legalForm), REGISTERED_ON, null);
    }
}
