package se.asfplan.web.page.form;

import java.util.List;
import java.util.Map;

/**
 * Where a list field's choices come from (activities, enterprises, levels, measures, parties...), given the form's
 * record variables (such as {@code planId}), so that no code is ever typed by hand.
 */
@FunctionalInterface
public interface OptionSource {

    List<FormOption> options(Map<String, String> variables);

    /** A fixed list. */
    static OptionSource of(List<FormOption> options) {
        List<FormOption> fixed = List.copyOf(options);
        return variables -> fixed;
    }
}
