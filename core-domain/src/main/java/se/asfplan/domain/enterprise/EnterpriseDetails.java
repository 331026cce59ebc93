package se.asfplan.domain.enterprise;

import se.asfplan.domain.shared.InputRules;
import java.util.List;

import se.asfplan.domain.shared.Values;

/**
 * What the register says about an enterprise besides its organisation number: name, legal form, lines of
 * business (branscher), where it works (municipality and district, stadsdel), which definition criteria it meets
 * and its certifications (for example Skoopi's membership certification).
 */
public record EnterpriseDetails(String name, LegalForm legalForm, List<String> linesOfBusiness, String municipality,
                                String district, DefinitionCriteria criteria, List<String> certifications) {

    public static final int NAME_MAX = 200;
    public static final int LIST_MAX = 20;

    public EnterpriseDetails {
        name = Values.text(name, "name", NAME_MAX);
        InputRules.require(legalForm != null, () -> "legalForm must be given");
        linesOfBusiness = texts(linesOfBusiness, "line of business");
        municipality = Values.text(municipality, "municipality", NAME_MAX);
        district = Values.optionalText(district, "district", NAME_MAX);
        InputRules.require(criteria != null,
                () -> "criteria must be given: each of the four recorded as met or not");
        certifications = texts(certifications, "certification");
    }

    /** Whether the enterprise counts as an ASF: all four definition criteria are met. */
    public boolean countsAsAsf() {
        return criteria.countsAsAsf();
    }

    private static List<String> texts(List<String> values, String what) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > LIST_MAX && InputRules.apply()) {
            throw new IllegalArgumentException("at most " + LIST_MAX + " entries of " + what + ", but there are "
                    + values.size());
        }
        List<String> trimmed = values.stream().map(value -> Values.text(value, what, NAME_MAX)).toList();
        if (trimmed.stream().distinct().count() < trimmed.size() && InputRules.apply()) {
            throw new IllegalArgumentException("each " + what + " must be given once, but " + trimmed
                    + " repeats one");
        }
        return trimmed;
    }
}
