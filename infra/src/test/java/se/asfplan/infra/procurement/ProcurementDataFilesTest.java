package se.asfplan.infra.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.asfplan.domain.procurement.CpvCode;
import se.asfplan.domain.procurement.DirectAwardLimits;
import se.asfplan.domain.procurement.ReservedWelfareGround;
import se.asfplan.domain.procurement.ReservedWelfareGrounds;

/** The shipped legal data reads into the domain's policies and says what its comments say. */
class ProcurementDataFilesTest {

    private static ReservedWelfareGrounds grounds() throws IOException {
        try (InputStream file = resource("procurement/reserved-welfare-grounds.yaml")) {
            return ProcurementDataFiles.reservedWelfareGrounds(file);
        }
    }

    private static InputStream resource(String name) {
        return ProcurementDataFilesTest.class.getClassLoader().getResourceAsStream(name);
    }

    @Test
    void choosesSixABeforeFebruary2022AndTwentyFiveFromThen() throws IOException {
        ReservedWelfareGrounds grounds = grounds();
        assertThat(grounds.groundFor(LocalDate.of(2022, 1, 31), false)).map(g -> g.ground().citation())
                .contains("LOU 19 kap. 6 a §");
        assertThat(grounds.groundFor(LocalDate.of(2022, 2, 1), false)).map(g -> g.ground().citation())
                .contains("LOU 19 kap. 25 §");
    }

    @Test
    void offersTwentyFiveAToIdeaBasedOrganisationsFrom2023Only() throws IOException {
        ReservedWelfareGrounds grounds = grounds();
        assertThat(grounds.groundFor(LocalDate.of(2022, 12, 31), true)).isEmpty();
        ReservedWelfareGround ideaBased = grounds.groundFor(LocalDate.of(2023, 1, 1), true).orElseThrow();
        assertThat(ideaBased.ground().citation()).isEqualTo("LOU 19 kap. 25 a §");
        assertThat(ideaBased.maxContractYears()).isNull();
        assertThat(ideaBased.repeatAwardBarYears()).isNull();
    }

    @Test
    void sixAListsTheSeedsCodesAndRangeWithThreeYearLimits() throws IOException {
        ReservedWelfareGround sixA = grounds().ground("lou-19-6a").orElseThrow();
        assertThat(sixA.codes()).hasSize(13).contains(new CpvCode("98133000-4"), new CpvCode("80590000-6"));
        assertThat(sixA.covers(new CpvCode("85000000-9"))).isTrue();
        assertThat(sixA.covers(new CpvCode("85322000-2"))).isTrue();
        assertThat(sixA.covers(new CpvCode("85323000-9"))).isTrue();
        assertThat(sixA.covers(new CpvCode("85323001-6"))).isFalse();
        assertThat(sixA.covers(new CpvCode("84999999-1"))).isFalse();
        assertThat(sixA.covers(new CpvCode("90910000-9"))).isFalse();
        assertThat(sixA.maxContractYears()).isEqualTo(3);
        assertThat(sixA.repeatAwardBarYears()).isEqualTo(3);
        assertThat(sixA.source()).contains("line 818");
    }

    @Test
    void twentyFiveAddsCultureSportAndYouthOrganisationsToTheSixAList() throws IOException {
        ReservedWelfareGrounds grounds = grounds();
        CpvCode sport = new CpvCode("92600000-7");
        assertThat(grounds.ground("lou-19-6a").orElseThrow().covers(sport)).isFalse();
        ReservedWelfareGround twentyFive = grounds.ground("lou-19-25").orElseThrow();
        assertThat(twentyFive.covers(sport)).isTrue();
        assertThat(twentyFive.covers(new CpvCode("92500000-6"))).isTrue();
        assertThat(twentyFive.covers(new CpvCode("98133110-8"))).isTrue();
        assertThat(twentyFive.codes()).hasSize(16);
        assertThat(twentyFive.source()).contains("Upphandlingsmyndigheten");
    }

    @Test
    void readsTheDirectAwardLimitsPerYear() throws IOException {
        DirectAwardLimits limits;
        try (InputStream file = resource("procurement/direct-award-limits.yaml")) {
            limits = ProcurementDataFiles.directAwardLimits(file);
        }
        assertThat(limits.limitFor(2022)).contains(new BigDecimal("700000.00"));
        assertThat(limits.limitFor(2024)).contains(new BigDecimal("700000.00"));
        assertThat(limits.limitFor(2019)).isEmpty();
    }

    @Test
    void refusesALimitWithoutSource() {
        String file = "limits:\n  - year: 2024\n    limitSek: 700000\n";
        assertThatThrownBy(() -> ProcurementDataFiles.directAwardLimits(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must cite its source");
    }

    @Test
    void refusesAMalformedCpvCodeInTheData() {
        String file = """
                grounds:
                  - id: lou-19-25
                    citation: "LOU 19 kap. 25 §"
                    ideaBasedOrganisationsOnly: false
                    cpvCodes: [853230009]
                    source: "test"
                """;
        assertThatThrownBy(() -> ProcurementDataFiles.reservedWelfareGrounds(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NNNNNNNN-N");
    }
}
