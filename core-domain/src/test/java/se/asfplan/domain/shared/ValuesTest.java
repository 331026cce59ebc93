package se.asfplan.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void trimsTextButKeepsATabThatProtectsAFormulaCharacter() {
        assertThat(Values.text("  Nätverkande \n", "title", 100)).isEqualTo("Nätverkande");
        assertThat(Values.text("\t=HYPERLINK(\"http://x\")", "title", 100)).isEqualTo("\t=HYPERLINK(\"http://x\")");
        assertThat(Values.text(" \t+46 8 123 ", "title", 100)).isEqualTo("\t+46 8 123");
        assertThat(Values.text("\t-1", "title", 100)).isEqualTo("\t-1");
        assertThat(Values.text("\t@A1", "title", 100)).isEqualTo("\t@A1");
        // a tab before anything else, or a space before a formula character, is trimmed as any white space
        assertThat(Values.text("\tNätverkande", "title", 100)).isEqualTo("Nätverkande");
        assertThat(Values.text("\t =1", "title", 100)).isEqualTo("=1");
        assertThat(Values.trimmed(null)).isNull();
    }
}
