package se.asfplan.web.browser;

import java.util.concurrent.ThreadLocalRandom;

/** Test data for the procurement and meeting page tests: fresh organisation numbers and registration bodies. */
final class PagesTestData {

    private PagesTestData() {
    }

    /** A fresh organisation number of a legal person (third digit 2 or more) with a correct Luhn digit. */
    static String organisationNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder digits = new StringBuilder("55").append(2 + random.nextInt(8));
        while (digits.length() < 9) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        digits.append((10 - sum % 10) % 10);
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    static String enterprise(String enterpriseId, String organisationNumber, String name) {
        return """
                {"enterpriseId": "%s", "organisationNumber": "%s", "name": "%s", "legalForm": "EKONOMISK_FORENING",
                 "linesOfBusiness": ["städ"], "municipality": "Stockholm", "district": "Rinkeby-Kista",
                 "criteria": {"integrationPurpose": true, "employeeParticipation": true, "profitsReinvested": true,
                              "independentOfPublicSector": true},
                 "occurredOn": "2020-01-15"}""".formatted(enterpriseId, organisationNumber, name);
    }

    static String party(String partyId, String name) {
        return """
                {"partyId": "%s", "name": "%s", "kind": "COMMITTEE", "municipality": "Stockholm",
                 "occurredOn": "2015-01-01"}""".formatted(partyId, name);
    }
}
