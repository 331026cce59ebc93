package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** If-Match names one version as the API answers it in ETag; anything else is a bad request. */
class CommandSenderTest {

    @Test
    void readsAQuotedOrBareVersion() {
        assertThat(CommandSender.expectedVersion("\"4\"")).isEqualTo(4L);
        assertThat(CommandSender.expectedVersion(" 12 ")).isEqualTo(12L);
        assertThat(CommandSender.expectedVersion("\"0\"")).isZero();
    }

    @Test
    void noHeaderOrAnyVersionExpectsNothing() {
        assertThat(CommandSender.expectedVersion(null)).isNull();
        assertThat(CommandSender.expectedVersion("")).isNull();
        assertThat(CommandSender.expectedVersion("*")).isNull();
    }

    @Test
    void refusesAnythingElse() {
        for (String ifMatch : new String[] {"\"4", "W/\"4\"", "\"4\", \"5\"", "\"-1\"", "\"fyra\"", "1".repeat(19)}) {
            assertThatThrownBy(() -> CommandSender.expectedVersion(ifMatch)).as(ifMatch)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("If-Match");
        }
    }
}
