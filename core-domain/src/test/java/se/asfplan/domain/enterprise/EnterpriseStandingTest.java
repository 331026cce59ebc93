package se.asfplan.domain.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one definition of "known ASF on a date" and "the Integrationspakten level in force on a date". Each case is
 * an enterprise's facts in the order stored, written {@code date what} and separated by {@code ;}: {@code asf} and
 * {@code not-asf} are details that meet or miss the four criteria, {@code closed}, {@code member:level} (joined or
 * level changed), {@code left}, and {@code retract:n} takes out the n-th fact (counting from 1). Facts are named by
 * their position, so an answer can say which fact decided it.
 */
class EnterpriseStandingTest {

    static Stream<Arguments> knownAsf() {
        return Stream.of(
                // facts; day; the deciding details fact, 0 when no known ASF
                Arguments.of("2021-01-01 asf", "2021-01-01", 1),
                Arguments.of("2021-01-01 asf", "2020-12-31", 0),
                Arguments.of("2021-01-01 not-asf", "2021-12-31", 0),
                Arguments.of("2021-01-01 asf; 2022-01-01 not-asf; 2023-01-01 asf", "2021-12-31", 1),
                Arguments.of("2021-01-01 asf; 2022-01-01 not-asf; 2023-01-01 asf", "2022-01-01", 0),
                Arguments.of("2021-01-01 asf; 2022-01-01 not-asf; 2023-01-01 asf", "2023-01-01", 3),
                // a back-dated change recorded late does not override a later one
                Arguments.of("2021-01-01 asf; 2022-01-01 not-asf; 2021-06-01 asf", "2022-06-01", 0),
                Arguments.of("2021-01-01 asf; 2022-01-01 not-asf; 2021-06-01 asf", "2021-12-31", 3),
                // of two facts on one date, the one stored later decides
                Arguments.of("2021-01-01 asf; 2021-01-01 not-asf", "2021-01-01", 0),
                // closed on a day: no longer counted on it, whatever its details say later
                Arguments.of("2021-01-01 asf; 2023-06-30 closed", "2023-06-29", 1),
                Arguments.of("2021-01-01 asf; 2023-06-30 closed", "2023-06-30", 0),
                Arguments.of("2021-01-01 asf; 2023-06-30 closed; 2023-07-01 asf", "2023-12-31", 0),
                // membership does not make an ASF
                Arguments.of("2021-01-01 not-asf; 2021-02-01 member:member", "2021-12-31", 0),
                // a retracted fact counts nowhere
                Arguments.of("2021-01-01 asf; 2022-01-01 not-asf; 2022-02-01 retract:2", "2022-12-31", 1),
                Arguments.of("2021-01-01 asf; 2023-06-30 closed; 2023-07-01 retract:2", "2023-12-31", 1));
    }

    @ParameterizedTest(name = "[{0}] on {1}")
    @MethodSource
    void knownAsf(String facts, String day, int decidedBy) {
        EnterpriseStanding<Integer> standing = standing(facts);

        Optional<Integer> expected = decidedBy == 0 ? Optional.empty() : Optional.of(decidedBy);
        assertThat(standing.knownAsfBy(LocalDate.parse(day))).isEqualTo(expected);
        assertThat(standing.isKnownAsfOn(LocalDate.parse(day))).isEqualTo(decidedBy != 0);
    }

    /** The cases live in a file that the register's read model is checked against too. */
    @ParameterizedTest(name = "[{0}] on {1}")
    @CsvFileSource(resources = "/enterprise-standing/integrationspakten-level.csv", delimiter = '|',
            numLinesToSkip = 1)
    void integrationspaktenLevel(String facts, String day, String level, int givenBy) {
        EnterpriseStanding<Integer> standing = standing(facts);

        Optional<IntegrationspaktenLevel> expected = level.equals("-") ? Optional.empty()
                : Optional.of(new IntegrationspaktenLevel(level));
        assertThat(standing.integrationspaktenLevelOn(LocalDate.parse(day))).isEqualTo(expected);
        assertThat(standing.integrationspaktenMembershipOn(LocalDate.parse(day)))
                .isEqualTo(givenBy == 0 ? Optional.empty() : Optional.of(givenBy));
    }

    @Test
    void holdsTheMembershipAsItsLatestStepLeavesIt() {
        EnterpriseStanding<Integer> standing = standing(
                "2021-02-01 member:member; 2022-02-01 member:plusmedlem; 2022-05-01 left; 2023-01-01 member:member;"
                        + " 2023-03-01 member:jobbpartner");

        assertThat(standing.integrationspaktenLevel()).isEqualTo(new IntegrationspaktenLevel("jobbpartner"));
        assertThat(standing.integrationspaktenMemberSince()).isEqualTo(LocalDate.parse("2023-01-01"));
        assertThat(standing.latestIntegrationspaktenStepOn()).isEqualTo(LocalDate.parse("2023-03-01"));
        assertThat(standing.latestIntegrationspaktenStep()).isEqualTo(5);
        assertThat(standing.isIntegrationspaktenStep(3)).isTrue();

        standing.retracted(5);
        standing.retracted(4);

        assertThat(standing.integrationspaktenLevel()).isNull();
        assertThat(standing.integrationspaktenMemberSince()).isNull();
        assertThat(standing.latestIntegrationspaktenStepOn()).isEqualTo(LocalDate.parse("2022-05-01"));
        assertThat(standing.latestIntegrationspaktenStep()).isEqualTo(3);
        assertThat(standing.isIntegrationspaktenStep(4)).isFalse();
    }

    @Test
    void equalsAnotherStandingOfTheSameFacts() {
        String facts = "2021-01-01 asf; 2021-02-01 member:member; 2021-03-01 retract:2";

        assertThat(standing(facts)).isEqualTo(standing(facts)).hasSameHashCodeAs(standing(facts));
        assertThat(standing(facts)).as("a retracted fact as if never noted").isEqualTo(standing("2021-01-01 asf"));
        assertThat(standing(facts)).isNotEqualTo(standing("2021-01-01 asf; 2021-02-01 member:member"));
    }

    private static EnterpriseStanding<Integer> standing(String facts) {
        return EnterpriseStandingCases.standing(facts);
    }
}
