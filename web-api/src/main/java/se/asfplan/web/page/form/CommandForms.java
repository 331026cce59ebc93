package se.asfplan.web.page.form;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Every form, from every {@link CommandFormCatalogue}; a form id used twice stops the start. */
@Component
public class CommandForms {

    private final Map<String, CommandForm> forms = new LinkedHashMap<>();

    public CommandForms(List<CommandFormCatalogue> catalogues) {
        for (CommandFormCatalogue catalogue : catalogues) {
            for (CommandForm form : catalogue.forms()) {
                if (forms.putIfAbsent(form.id(), form) != null) {
                    throw new IllegalStateException("two forms are named " + form.id());
                }
            }
        }
    }

    public Optional<CommandForm> form(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    public Collection<CommandForm> all() {
        return forms.values();
    }
}
