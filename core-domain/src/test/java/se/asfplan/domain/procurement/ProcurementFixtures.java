package se.asfplan.domain.procurement;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import se.asfplan.domain.enterprise.PlanActivities;
import se.asfplan.domain.plan.ActivityId;
import se.asfplan.domain.plan.PlanActivityReference;
import se.asfplan.domain.plan.PlanId;
import se.asfplan.domain.procurement.ProcurementCommands.AnnounceProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.AwardContractCommand;
import se.asfplan.domain.procurement.ProcurementCommands.PlanProcurementCommand;
import se.asfplan.domain.procurement.ProcurementCommands.ProcurementDetails;
import se.asfplan.domain.procurement.ProcurementEvents.ContractAwardedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementAnnouncedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCancelledEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementCompletedEvent;
import se.asfplan.domain.procurement.ProcurementEvents.ProcurementPlannedEvent;
import se.asfplan.domain.procurement.ReservedWelfareGround.CpvRange;
import se.asfplan.domain.shared.OrganisationNumber;
import se.asfplan.domain.shared.RuleCode;
import se.asfplan.domain.shared.RuleViolationException;

/**
 * Test data for the procurement aggregate, looked at on {@link #TODAY}, with in-memory stand-ins for the ports and
 * a copy of the reserved welfare-services grounds shaped like the cited data infra loads. Every factory is named
 * after what it makes; state is always built from events.
 */
final class ProcurementFixtures {

    static final ProcurementId ID = new ProcurementId("amn-jobbspar-2023");
    static final ContractingAuthority AMN = new ContractingAuthority("Arbetsmarknadsnämnden");
    static final ContractingAuthority SDN = new ContractingAuthority("Stadsdelsnämnden Skärholmen");
    static final String SUBJECT = "Korta jobbspår för arbetssökande";
    static final PlanActivityReference CARRIES_OUT = new PlanActivityReference(new PlanId("stockholm-asf-2021"),
            new ActivityId("upphandling-reserverad"));

    /** Listed in LOU 19 kap. 6 a § (personalutbildning). */
    static final CpvCode LISTED = new CpvCode("80511000-9");
    /** First and last codes of the listed range "85000000-9 till 85323000-9". */
    static final CpvCode RANGE_FIRST = new CpvCode("85000000-9");
    static final CpvCode RANGE_LAST = new CpvCode("85323000-9");
    /** Just outside the listed range on either side. */
    static final CpvCode BELOW_RANGE = new CpvCode("84999999-0");
    static final CpvCode ABOVE_RANGE = new CpvCode("85323001-0");
    /** Cleaning services: not a welfare service. */
    static final CpvCode CLEANING = new CpvCode("90910000-9");

    static final String ASF_NUMBER = "556677-8899";
    static final String OTHER_NUMBER = "556000-1116";
    static final Supplier ASF = Supplier.of(ASF_NUMBER);
    static final Supplier NOT_REGISTERED = Supplier.of(OTHER_NUMBER);

    /** "Now" for every test, the same date in UTC and in Stockholm. */
    static final Instant NOW = Instant.parse("2030-06-15T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2030, 6, 15);

    /** The day LOU 19 kap. 25 § replaced 6 a § for procurements begun from then on. */
    static final LocalDate RENUMBERED_ON = LocalDate.of(2022, 2, 1);
    static final LocalDate PLANNED_ON = LocalDate.of(2023, 1, 10);
    static final LocalDate ANNOUNCED_ON = LocalDate.of(2023, 2, 1);
    static final LocalDate TENDERED_ON = LocalDate.of(2023, 3, 1);
    static final LocalDate AWARDED_ON = LocalDate.of(2023, 4, 3);
    static final LocalDate COMPLETED_ON = LocalDate.of(2024, 4, 2);
    static final BigDecimal VALUE = new BigDecimal("450000.00");
    static final ContractPeriod TWO_YEARS = new ContractPeriod(LocalDate.of(2023, 5, 1), LocalDate.of(2025, 4, 30));

    static final LegalGround SIX_A = new LegalGround("lou-19-6a", "LOU 19 kap. 6 a §");
    static final LegalGround TWENTY_FIVE = new LegalGround("lou-19-25", "LOU 19 kap. 25 §");
    static final LegalGround TWENTY_FIVE_A = new LegalGround("lou-19-25a", "LOU 19 kap. 25 a §");

    private ProcurementFixtures() {
    }

    // ------------------------------------------------------------------------------------------- fixture, ports

    /** The plan activities the fixtures know: only {@link #CARRIES_OUT}. */
    static PlanActivities knownActivities() {
        return CARRIES_OUT::equals;
    }

    static ReservedWelfareGrounds grounds() {
        List<CpvCode> codes = List.of(new CpvCode("79622000-0"), new CpvCode("98133000-4"), LISTED);
        List<CpvRange> ranges = List.of(new CpvRange(RANGE_FIRST, RANGE_LAST));
        return new ReservedWelfareGrounds(List.of(
                new ReservedWelfareGround(SIX_A, null, RENUMBERED_ON, false, codes, ranges, 3, 3, "test"),
                new ReservedWelfareGround(TWENTY_FIVE, RENUMBERED_ON, null, false, codes, ranges, 3, 3, "test"),
                new ReservedWelfareGround(TWENTY_FIVE_A, LocalDate.of(2023, 1, 1), null, true, codes, ranges, null,
                        null, "test")));
    }

    /** Direct-award limits of 700 000 SEK for 2022 to 2030 (and none configured for 2021). */
    static DirectAwardLimits limits() {
        Map<Integer, BigDecimal> limits = new HashMap<>();
        for (int year = 2022; year <= 2030; year++) {
            limits.put(year, new BigDecimal("700000"));
        }
        return new DirectAwardLimits(limits);
    }

    /** The register knows {@link #ASF_NUMBER} as an ASF; it knows nothing of {@link #OTHER_NUMBER}. */
    static final class Register implements SupplierRegister {
        final Set<OrganisationNumber> asf = new HashSet<>(Set.of(new OrganisationNumber(ASF_NUMBER)));

        @Override
        public boolean countsAsAsf(OrganisationNumber organisationNumber, LocalDate on) {
            return asf.contains(organisationNumber);
        }
    }

    static final class History implements ReservedAwardHistory {
        record Award(ProcurementId procurementId, ContractingAuthority authority, OrganisationNumber supplier,
                     LocalDate awardedOn, List<CpvCode> services) {
        }

        final List<Award> awards = new ArrayList<>();

        @Override
        public List<ReservedAward> awards(ContractingAuthority authority, OrganisationNumber supplier) {
            return awards.stream().filter(a -> a.authority.equals(authority) && a.supplier.equals(supplier))
                    .map(a -> new ReservedAward(a.procurementId(), a.awardedOn(), a.services())).toList();
        }

        /** The dates of the authority's reserved awards to the supplier. */
        List<LocalDate> awardDates(ContractingAuthority authority, OrganisationNumber supplier) {
            return awards(authority, supplier).stream().map(ReservedAward::awardedOn).toList();
        }

        @Override
        public void record(ProcurementId procurementId, ContractingAuthority authority, OrganisationNumber supplier,
                           LocalDate awardedOn, List<CpvCode> services) {
            awards.add(new Award(procurementId, authority, supplier, awardedOn, List.copyOf(services)));
        }

        @Override
        public void withdraw(ProcurementId procurementId) {
            awards.removeIf(award -> award.procurementId().equals(procurementId));
        }

        /** An earlier award for the service every announced procurement here buys ({@code LISTED}). */
        History awarded(ContractingAuthority authority, String supplier, LocalDate on) {
            return awarded(authority, supplier, on, LISTED);
        }

        History awarded(ContractingAuthority authority, String supplier, LocalDate on, CpvCode... services) {
            record(new ProcurementId("earlier-procurement"), authority, new OrganisationNumber(supplier), on,
                    List.of(services));
            return this;
        }
    }

    static final class Totals implements DirectAwardTotals {
        final Map<String, BigDecimal> sums = new HashMap<>();
        final Map<ProcurementId, String> keyOf = new HashMap<>();
        final Map<ProcurementId, BigDecimal> valueOf = new HashMap<>();

        @Override
        public BigDecimal totalSoFar(ContractingAuthority authority, String purchaseKind, int financialYear) {
            return sums.getOrDefault(key(authority, purchaseKind, financialYear), BigDecimal.ZERO);
        }

        @Override
        public void record(ProcurementId procurementId, ContractingAuthority authority, String purchaseKind,
                           int financialYear, BigDecimal value) {
            sums.merge(key(authority, purchaseKind, financialYear), value, BigDecimal::add);
            keyOf.put(procurementId, key(authority, purchaseKind, financialYear));
            valueOf.put(procurementId, value);
        }

        @Override
        public void withdraw(ProcurementId procurementId) {
            String key = keyOf.remove(procurementId);
            if (key != null) {
                sums.merge(key, valueOf.remove(procurementId).negate(), BigDecimal::add);
            }
        }

        Totals spent(ContractingAuthority authority, String purchaseKind, int year, String value) {
            sums.put(key(authority, purchaseKind, year), new BigDecimal(value));
            return this;
        }

        private static String key(ContractingAuthority authority, String purchaseKind, int year) {
            return authority.value() + "|" + purchaseKind + "|" + year;
        }
    }

    /** The ports and policies one fixture uses, so that a test can prepare them and look at them afterwards. */
    record Ports(Register register, History history, Totals totals) {
        static Ports empty() {
            return new Ports(new Register(), new History(), new Totals());
        }
    }

    static AggregateTestFixture<Procurement> fixture(Ports ports) {
        AggregateTestFixture<Procurement> fixture = new AggregateTestFixture<>(Procurement.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(grounds());
        fixture.registerInjectableResource(limits());
        fixture.registerInjectableResource(ports.register());
        fixture.registerInjectableResource(ports.history());
        fixture.registerInjectableResource(ports.totals());
        fixture.registerInjectableResource(knownActivities());
        return fixture;
    }

    // ------------------------------------------------------------------------------------------- refusals

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
    static ResultValidator<Procurement> expectRefusal(ResultValidator<Procurement> result, RuleCode rule,
                                                      String messagePart) {
        return result.expectException(RuleViolationException.class)
                .expectException(violates(rule))
                .expectExceptionMessage(containsString(messagePart))
                .expectNoEvents();
    }

    static ResultValidator<Procurement> expectInvalid(ResultValidator<Procurement> result, String messagePart) {
        return result.expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString(messagePart))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------------------------------- details, events

    static ProcurementDetails details(Procedure procedure, CpvCode... codes) {
        return new ProcurementDetails(AMN, SUBJECT, List.of(codes), procedure, false);
    }

    static ProcurementDetails ideaBasedWelfare(CpvCode... codes) {
        return new ProcurementDetails(AMN, SUBJECT, List.of(codes), Procedure.RESERVED_WELFARE_SERVICES, true);
    }

    static LegalGround groundOf(Procedure procedure) {
        return switch (procedure) {
            case RESERVED_FOR_EMPLOYMENT -> LegalGround.EMPLOYMENT_RESERVATION;
            case RESERVED_WELFARE_SERVICES -> TWENTY_FIVE;
            default -> null;
        };
    }

    static ProcurementPlannedEvent planned(Procedure procedure) {
        return new ProcurementPlannedEvent(ID, AMN, SUBJECT, List.of(LISTED), procedure, groundOf(procedure),
                PLANNED_ON, null);
    }

    static ProcurementAnnouncedEvent announced(Procedure procedure) {
        return new ProcurementAnnouncedEvent(ID, AMN, SUBJECT, List.of(LISTED), procedure, groundOf(procedure),
                ANNOUNCED_ON, null);
    }

    static ContractAwardedEvent awarded(Procedure procedure) {
        return new ContractAwardedEvent(ID, ASF, true, VALUE, TWO_YEARS, null, null, AWARDED_ON, null);
    }

    static ProcurementCompletedEvent completed() {
        return new ProcurementCompletedEvent(ID, COMPLETED_ON, null);
    }

    static ProcurementCancelledEvent cancelled() {
        return new ProcurementCancelledEvent(ID, "Inga anbud", LocalDate.of(2023, 3, 15), null);
    }

    // ------------------------------------------------------------------------------------------- commands

    static PlanProcurementCommand plan(ProcurementDetails details, LocalDate on) {
        return new PlanProcurementCommand(ID, details, on, null);
    }

    static AnnounceProcurementCommand announce(ProcurementDetails details, LocalDate on) {
        return new AnnounceProcurementCommand(ID, details, on, null);
    }

    static AwardContractCommand award(Supplier supplier, ContractPeriod period, LocalDate on) {
        return new AwardContractCommand(ID, supplier, VALUE, period, null, null, on, null);
    }

    static AwardContractCommand awardReservedForEmployment(DisadvantagedEmployment employment) {
        return new AwardContractCommand(ID, ASF, VALUE, TWO_YEARS, employment, null, AWARDED_ON, null);
    }

    static AwardContractCommand directAward(String value, String purchaseKind, LocalDate on) {
        return new AwardContractCommand(ID, ASF, new BigDecimal(value), TWO_YEARS, null, purchaseKind, on, null);
    }
}
