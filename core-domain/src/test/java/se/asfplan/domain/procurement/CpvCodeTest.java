package se.asfplan.domain.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which CPV codes concern the same services: the repeat-award bar of a reserved welfare contract is per service. */
class CpvCodeTest {

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
            "85312000-9, 85312000-9, true",     // the same code
            "85000000-9, 85312000-9, true",     // a division and a category within it
            "85312000-9, 85000000-9, true",     // either way round
            "85300000-2, 85312000-9, true",     // a group and a category within it
            "85310000-5, 85320000-8, false",    // two classes of one group
            "85312000-9, 80511000-9, false",    // social work and staff training
            "80500000-9, 80511000-9, true",     // a group of training services and one within it
            "80511000-9, 80590000-6, false",    // staff training and tutorial services
            "98133000-4, 98133110-8, true",     // a code and a more specific one below it
            "98133100-5, 98133110-8, true",
            "98133100-5, 98133200-6, false"})
    void concernsTheSameServicesWhenOneCodeLiesWithinTheOther(String one, String other, boolean same) {
        assertThat(new CpvCode(one).concernsSameServicesAs(new CpvCode(other))).isEqualTo(same);
    }
}
