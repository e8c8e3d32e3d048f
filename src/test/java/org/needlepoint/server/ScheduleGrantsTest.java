package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.testing.TestClinic;

/** The appointment book's tables (V13) are granted to the joined PCs: the append-only logs SELECT and INSERT only. */
class ScheduleGrantsTest {
    @TempDir
    Path dir;

    @Test
    void theBooksTablesAreGrantedAndItsLogsAreAppendOnly() {
        try (TestClinic clinic = new TestClinic(dir)) {
            Map<String, String> rights = clinic.db.tx(c -> {
                new PcStore().grantRights(c);
                Map<String, String> m = new TreeMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, RIGHTS FROM INFORMATION_SCHEMA.RIGHTS"
                        + " WHERE GRANTEE = ? AND TABLE_NAME IN ('ROOM', 'OPENING_HOURS', 'INJECTOR_HOURS', 'APPOINTMENT',"
                        + " 'APPOINTMENT_PRODUCT', 'APPOINTMENT_STATUS_LOG', 'APPOINTMENT_CALL')")) {
                    ps.setString(1, PcStore.ROLE);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            m.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                return m;
            });
            assertThat(rights).containsOnlyKeys("ROOM", "OPENING_HOURS", "INJECTOR_HOURS", "APPOINTMENT", "APPOINTMENT_PRODUCT",
                    "APPOINTMENT_STATUS_LOG", "APPOINTMENT_CALL");
            assertThat(rights.get("APPOINTMENT_CALL")).isEqualTo("SELECT, INSERT");
            assertThat(rights.get("APPOINTMENT_STATUS_LOG")).isEqualTo("SELECT, INSERT");
            // H2 shows SELECT, INSERT, UPDATE and DELETE together as ALL
            assertThat(rights.get("APPOINTMENT")).isIn("ALL", "SELECT, INSERT, UPDATE, DELETE");
        }
    }
}
