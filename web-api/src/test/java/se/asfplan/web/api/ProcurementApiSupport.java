package se.asfplan.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import se.asfplan.web.support.PostgresApiTest;

/**
 * Helpers for the procurement end-to-end tests. Each test instance uses its own contracting authority, so that the
 * cross-procurement facts (earlier reserved awards, direct-award totals) of other tests never meet its own.
 */
abstract class ProcurementApiSupport extends PostgresApiTest {

    protected final String suffix = UUID.randomUUID().toString().substring(0, 8);
    protected final String authority = "Arbetsmarknadsnämnden " + suffix;
    /** This test's own municipality: a plan covering it counts this test's facts and no other test's. */
    protected final String municipality = "Testkommun " + suffix;

    /**
     * Registers this test's authority as a party of its municipality, so that a plan covering the municipality
     * counts the procurements the test records.
     */
    protected void registerAuthorityInMunicipality() {
        assertStatus(post(COORDINATOR, "/api/parties", """
                {"partyId": "%s", "name": "%s", "kind": "COMMITTEE", "municipality": "%s",
                 "occurredOn": "2015-01-01"}""".formatted(id("myndighet"), authority, municipality)),
                HttpStatus.CREATED);
    }

    protected String id(String name) {
        return "it-" + name + "-" + suffix;
    }

    protected static String base(String procurementId) {
        return "/api/procurements/" + procurementId;
    }

    protected ResponseEntity<Map<String, Object>> begin(String procurementId, String stage, String procedure,
                                                        String cpvCodes, String occurredOn) {
        return post(COORDINATOR, "/api/procurements", """
                {"procurementId": "%s", "stage": "%s", "authority": "%s", "subject": "Korta jobbspår",
                 "cpvCodes": [%s], "procedure": "%s", "occurredOn": "%s"}"""
                .formatted(procurementId, stage, authority, cpvCodes, procedure, occurredOn));
    }

    protected void announced(String procurementId, String procedure, String cpvCodes, String occurredOn) {
        assertStatus(begin(procurementId, "ANNOUNCED", procedure, cpvCodes, occurredOn), HttpStatus.CREATED);
    }

    protected ResponseEntity<Map<String, Object>> award(String procurementId, String supplier, String value,
                                                        String from, String to, String extra, String occurredOn) {
        return post(COORDINATOR, base(procurementId) + "/award", """
                {"supplier": {"organisationNumber": "%s"}, "value": %s,
                 "contractPeriod": {"from": "%s", "to": "%s"}%s, "occurredOn": "%s"}"""
                .formatted(supplier, value, from, to, extra, occurredOn));
    }

    /**
     * Adopts a plan with the activity "reserverad-upphandling" and returns the JSON of a {@code carriesOut} naming
     * it: a procurement step may only name an activity some plan has.
     */
    protected String planActivity() {
        String plan = id("plan");
        assertStatus(post(COORDINATOR, "/api/plans", """
                {"planId": "%s", "title": "Plan", "municipality": "Testkommun", "adoption": {"body": "KS"},
                 "adoptedOn": "2021-03-01", "period": {"fromYear": 2021, "toYear": 2024}}""".formatted(plan)),
                HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/areas", """
                {"areaId": "inkop", "name": "Inköp och upphandling", "occurredOn": "2021-03-01"}"""),
                HttpStatus.CREATED);
        assertStatus(post(COORDINATOR, "/api/plans/" + plan + "/activities", """
                {"activityId": "reserverad-upphandling", "areaId": "inkop", "kind": "ACTIVITY",
                 "title": "Minst en reserverad upphandling per år", "responsibility": {"lead": "AMN"},
                 "occurredOn": "2021-03-01"}"""), HttpStatus.CREATED);
        return "{\"planId\": \"" + plan + "\", \"activityId\": \"reserverad-upphandling\"}";
    }

    /** Registers an enterprise the way the enterprise register's table holds it, returning its new number. */
    protected String registeredAsf() {
        String number = randomOrganisationNumber();
        jdbc.update("insert into enterprise_register (enterprise_id, organisation_number, counts_as_asf, closed_on) "
                + "values (?, ?, true, null)", "it-asf-" + suffix + "-" + number.substring(7), number);
        return number;
    }

    /** A fresh organisation number of a legal person (third digit 2 or more) with a correct Luhn digit. */
    protected static String randomOrganisationNumber() {
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

    protected static void assertStatus(ResponseEntity<Map<String, Object>> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
    }
}
