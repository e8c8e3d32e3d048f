package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.testing.TestClinic;

/** A joined PC may read and add consent texts and signed consents, never change or delete them. */
class ConsentGrantsTest {
    @TempDir
    Path dir;

    @Test
    void theConsentTablesAreGrantedSelectAndInsertOnly() {
        try (TestClinic clinic = new TestClinic(dir)) {
            List<String> rights = clinic.db.tx(c -> {
                new PcStore().grantRights(c);
                List<String> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, PRIVILEGE_TYPE FROM"
                        + " INFORMATION_SCHEMA.TABLE_PRIVILEGES WHERE GRANTEE = ? AND TABLE_NAME IN"
                        + " ('CONSENT_TEXT', 'SIGNED_CONSENT', 'PATIENT') ORDER BY TABLE_NAME, PRIVILEGE_TYPE")) {
                    ps.setString(1, PcStore.ROLE);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1) + " " + rs.getString(2));
                        }
                    }
                }
                return out;
            });
            assertThat(rights).containsExactly("CONSENT_TEXT INSERT", "CONSENT_TEXT SELECT",
                    "PATIENT DELETE", "PATIENT INSERT", "PATIENT SELECT", "PATIENT UPDATE",
                    "SIGNED_CONSENT INSERT", "SIGNED_CONSENT SELECT");
        }
    }
}
