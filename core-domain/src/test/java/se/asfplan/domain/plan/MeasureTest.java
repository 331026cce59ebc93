package se.asfplan.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The measure catalogue: names old and new, the goal kinds each fits, and the levels the member counts count. */
class MeasureTest {

    @Test
    void findsAMeasureByItsNameAndARenamedOneByItsFormerName() {
        assertThat(Measure.named("RESERVED_PROCUREMENTS_BEGUN"))
                .contains(Measure.RESERVED_PROCUREMENTS_BEGUN_EVEN_IF_CANCELLED);
        assertThat(Measure.named("CONTRACTS_AWARDED_TO_ASF")).contains(Measure.CONTRACTS_AWARDED_TO_ASF_ANY_PROCEDURE);
        assertThat(Measure.named("RESERVED_CONTRACTS_AWARDED")).contains(Measure.RESERVED_CONTRACTS_AWARDED);
        assertThat(Measure.named("RESERVED_CONTRACTS")).isEmpty();
        assertThat(Measure.named("reserved-contracts-awarded")).isEmpty();
        assertThat(Measure.named(null)).isEmpty();
    }

    @Test
    void noFormerNameIsTheNameOrFormerNameOfAnotherMeasure() {
        List<String> names = Arrays.stream(Measure.values())
                .flatMap(measure -> Stream.concat(Stream.of(measure.name()),
                        measure.formerNames().stream()))
                .toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void theNewMeasuresAreCountsForCountAndChangeGoals() {
        for (Measure measure : List.of(Measure.RESERVED_CONTRACTS_AWARDED, Measure.RESERVED_PROCUREMENTS_ANNOUNCED,
                Measure.INTEGRATIONSPAKTEN_ASF_MEMBERS, Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_MEMBER,
                Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_PLUSMEDLEM,
                Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_JOBBPARTNER)) {
            assertThat(measure.fits(GoalKind.COUNT)).as(measure.name()).isTrue();
            assertThat(measure.fits(GoalKind.CHANGE)).as(measure.name()).isTrue();
            assertThat(measure.fits(GoalKind.COVERAGE)).as(measure.name()).isFalse();
            assertThat(measure.fits(GoalKind.MILESTONE)).as(measure.name()).isFalse();
            assertThat(measure.fits(GoalKind.SHARE)).as(measure.name()).isFalse();
        }
    }

    @Test
    void theMemberCountsNameTheirLevelsAndNoOtherMeasureCountsMembers() {
        assertThat(Measure.INTEGRATIONSPAKTEN_ASF_MEMBERS.membershipLevels()).isEmpty();
        assertThat(Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_MEMBER.membershipLevels()).containsExactly("member");
        assertThat(Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_PLUSMEDLEM.membershipLevels())
                .containsExactly("plusmedlem");
        assertThat(Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_JOBBPARTNER.membershipLevels())
                .containsExactly("jobbpartner");
        assertThat(Measure.PLUS_AND_JOBBPARTNER_ASF.membershipLevels())
                .containsExactlyInAnyOrder("plusmedlem", "jobbpartner");
        assertThat(Arrays.stream(Measure.values()).filter(Measure::countsIntegrationspaktenMembers))
                .containsExactlyInAnyOrder(Measure.PLUS_AND_JOBBPARTNER_ASF, Measure.INTEGRATIONSPAKTEN_ASF_MEMBERS,
                        Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_MEMBER,
                        Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_PLUSMEDLEM,
                        Measure.INTEGRATIONSPAKTEN_ASF_AT_LEVEL_JOBBPARTNER);
        assertThat(Measure.RESERVED_CONTRACTS_AWARDED.membershipLevels()).isEmpty();
    }
}
