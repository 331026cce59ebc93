package se.asfplan.web.page.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormControllerTest {

    @Test
    void anApiLocationLeadsToItsRecordsPage() {
        assertThat(FormController.pageOf("http://localhost:8080/api/procurements/upph-1")).isEqualTo("/upphandlingar/upph-1");
        assertThat(FormController.pageOf("/api/meetings/mote-1")).isEqualTo("/moten/mote-1");
        assertThat(FormController.pageOf("/api/plans/p/activities/a")).isEqualTo("/planer/p/aktiviteter/a");
        assertThat(FormController.pageOf("/api/plans/p/goals/g-2024")).isEqualTo("/planer/p/mal");
        assertThat(FormController.pageOf("/api/enterprises/e1")).isEqualTo("/foretag/e1");
        assertThat(FormController.pageOf("/api/plans/p")).isEqualTo("/planer/p");
        assertThat(FormController.pageOf("https://evil.example/elsewhere")).isNull();
        assertThat(FormController.pageOf("/api/plans/p/../../x")).isNull();
        assertThat(FormController.pageOf(null)).isNull();
    }
}
