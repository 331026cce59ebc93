package se.asfplan.web.page.form;

import java.util.List;

/**
 * The choices for a record variable of a form's API path ({@code planId}, {@code activityId}, {@code enterpriseId}...),
 * shown as a list when a form is opened without it. A variable that needs another first (the activities of a plan)
 * names it in {@link #dependsOn()}.
 */
public interface RecordVariableSource {

    /** The variable, as written in the API paths: {@code planId}. */
    String variable();

    /** Its Swedish label: {@code Plan}. */
    String label();

    /** The variables that must be chosen before this one's choices can be listed. */
    default List<String> dependsOn() {
        return List.of();
    }

    OptionSource options();
}
