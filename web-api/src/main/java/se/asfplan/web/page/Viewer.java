package se.asfplan.web.page;

import java.util.Set;

/** The signed-in person as the pages see them: their name and what their role lets them do. */
public record Viewer(String name, Set<String> roles) {

    public boolean coordinator() {
        return roles.contains("ROLE_COORDINATOR");
    }

    public boolean auditor() {
        return roles.contains("ROLE_AUDITOR");
    }

    public boolean committee() {
        return roles.contains("ROLE_COMMITTEE");
    }

    /** May record (sees the forms and the "record" links). */
    public boolean mayRecord() {
        return coordinator();
    }

    /** May read enterprises, procurements, meetings and history. */
    public boolean mayReadRecords() {
        return coordinator() || auditor();
    }

    /** The role's Swedish name. */
    public String roleName() {
        return coordinator() ? "Samordningsfunktionen" : auditor() ? "Revisor" : committee() ? "Nämnd" : "";
    }
}
