package se.asfplan.web.page.form;

import java.util.List;

/**
 * Contributes the forms of one kind of record; every Spring bean of this type is collected by {@link CommandForms}.
 */
public interface CommandFormCatalogue {

    List<CommandForm> forms();
}
