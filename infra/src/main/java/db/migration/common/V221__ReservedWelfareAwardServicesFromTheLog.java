package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code reserved_welfare_award_service} for the reserved welfare awards recorded before it existed, from the
 * event log itself: an award's services are the CPV codes of its procurement's first event (planned or announced;
 * an announcement after planning repeats the planned codes). Nothing stored is changed: the log is only read.
 * An award whose procurement has no such event keeps no rows, and so goes on barring every service, as before.
 */
public class V221__ReservedWelfareAwardServicesFromTheLog extends BaseJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> procurements = new ArrayList<>();
        try (PreparedStatement awards = connection.prepareStatement(
                "select procurement_id from reserved_welfare_award order by procurement_id");
             ResultSet rows = awards.executeQuery()) {
            while (rows.next()) {
                procurements.add(rows.getString(1));
            }
        }
        try (PreparedStatement begun = connection.prepareStatement("""
                select payload from domain_event_entry
                where aggregate_identifier = ?
                  and (payload_type like '%$ProcurementPlannedEvent' or payload_type like '%$ProcurementAnnouncedEvent')
                order by sequence_number""");
             PreparedStatement insert = connection.prepareStatement(
                     "insert into reserved_welfare_award_service (procurement_id, cpv_code) values (?, ?)")) {
            begun.setMaxRows(1);
            for (String procurement : procurements) {
                for (String code : servicesOf(begun, procurement)) {
                    insert.setString(1, procurement);
                    insert.setString(2, code);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static Set<String> servicesOf(PreparedStatement begun, String procurement)
            throws SQLException, java.io.IOException {
        begun.setString(1, procurement);
        Set<String> codes = new LinkedHashSet<>();
        try (ResultSet rows = begun.executeQuery()) {
            if (rows.next()) {
                JsonNode cpvCodes = JSON.readTree(rows.getBytes(1)).path("cpvCodes");
                cpvCodes.forEach(code -> codes.add(code.asText().strip()));
            }
        }
        return codes;
    }
}
