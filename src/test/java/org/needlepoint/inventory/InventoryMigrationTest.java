package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.store.Database;
import org.needlepoint.store.Sql;
import org.needlepoint.store.StoreException;

/** V4 takes a clinic charted under V3 into the ledger: its lots become receipts, its signed charts' use is deducted. */
class InventoryMigrationTest {
    @TempDir
    Path folder;

    @Test
    void lotsAndSignedUseChartedUnderV3BecomeLedgerEntriesAndTheChartGuardStillHolds() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve(Database.DB_NAME).toAbsolutePath();
        Flyway.configure().dataSource(url, "needlepoint", "").locations("classpath:db/migration").target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "needlepoint", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO app_user (id, username, username_key, full_name, role, password_hash, created_at,"
                    + " updated_at) VALUES (1, 'ivy', 'ivy', 'Ivy Injector', 'INJECTOR', 'x', CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO patient (id, chart_number, first_name, last_name, birth_date, sex, pregnancy, name_key,"
                    + " created_at, updated_at) VALUES (1, 1001, 'Ann', 'Smith', DATE '1985-03-14', 'FEMALE', 'NO',"
                    + " 'smith ann', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO lot (id, product_id, lot_number, expiry, status, received_on, quantity_received,"
                    + " created_at, created_by, updated_at, updated_by) SELECT 1, id, 'DY1', DATE '2027-06-30', 'ACTIVE',"
                    + " DATE '2026-01-10', 10, CURRENT_TIMESTAMP, 1, CURRENT_TIMESTAMP, 1 FROM product WHERE name = 'Dysport 300 U'");
            st.execute("INSERT INTO lot (id, product_id, lot_number, expiry, status, received_on, quantity_received,"
                    + " created_at, created_by, updated_at, updated_by) SELECT 2, id, 'HA1', DATE '2027-06-30', 'QUARANTINED',"
                    + " DATE '2026-01-10', 5, CURRENT_TIMESTAMP, 1, TIMESTAMP WITH TIME ZONE '2026-02-03 10:00:00+00', 1"
                    + " FROM product WHERE name = 'HA filler 1 mL'");
            for (int visit = 1; visit <= 2; visit++) {
                st.execute("INSERT INTO visit (id, patient_id, started_at, injector_id, status, consent_confirmed, created_at,"
                        + " updated_at) VALUES (" + visit + ", 1, CURRENT_TIMESTAMP, 1, 'DRAFT', TRUE, CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP)");
                for (int i = 0; i < 5; i++) {
                    st.execute("INSERT INTO injection_point (visit_id, point_key, seq, diagram_view, x, y, region, side,"
                            + " product_id, lot_id, amount, amount_unit) SELECT " + visit + ", 'p" + i + "', " + i
                            + ", 'FACE_FRONT', 0.5, 0.4, 'PROCERUS', 'MIDLINE', product_id, 1, 70, 'U' FROM lot WHERE id = 1");
                }
            }
            // visit 1 signed: 350 U of 300 U vials = 2 packs; visit 2 stays a draft
            st.execute("UPDATE visit SET status = 'SIGNED', signed_at = CURRENT_TIMESTAMP, signed_by = 1 WHERE id = 1");
        }

        try (Database db = Database.open(folder)) {
            InventoryStore store = new InventoryStore();
            Instant now = Instant.now();
            db.read(c -> {
                assertThat(Sql.count(c, "SELECT COUNT(*) FROM receipt")).isEqualTo(2);
                Lot dysport = store.lot(c, 1, now).orElseThrow();
                assertThat(dysport.quantityReceived()).isEqualTo(10);
                assertThat(dysport.onHand()).isEqualTo(8);
                assertThat(store.ledger(c, 1)).extracting(LedgerEntry::kind, LedgerEntry::quantity).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LedgerKind.RECEIVED, 10),
                        org.assertj.core.groups.Tuple.tuple(LedgerKind.USED, -2));
                assertThat(store.ledger(c, 1).get(1).visitId()).isEqualTo(1L);
                Lot ha = store.lot(c, 2, now).orElseThrow();
                assertThat(ha.onHand()).isEqualTo(5);
                assertThat(ha.status()).isEqualTo(LotStatus.QUARANTINED);
                assertThat(ha.statusReason()).isEqualTo("Set before reasons were recorded");
                assertThat(ha.statusOn()).hasToString("2026-02-03");
                assertThat(store.products(c)).allSatisfy(p -> assertThat(p.gtins()).hasSize(1));
                assertThat(store.problems(c)).isEmpty();
                assertThat(new org.needlepoint.chart.ChartStore().problems(c)).isEmpty();
                return null;
            });
            // the signed-chart guard was re-created on the widened table: it still refuses, and drafts still change
            assertThatThrownBy(() -> db.tx(c -> c.createStatement().executeUpdate(
                    "UPDATE injection_point SET amount = 1 WHERE visit_id = 1")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("signed");
            for (String sql : List.of("UPDATE injection_point SET amount = 60 WHERE visit_id = 2",
                    "DELETE FROM injection_point WHERE visit_id = 2 AND point_key = 'p4'")) {
                db.tx(c -> c.createStatement().executeUpdate(sql));
            }
            long draftTotal = db.read(c -> Sql.count(c, "SELECT SUM(amount) FROM injection_point WHERE visit_id = 2"));
            assertThat(draftTotal).isEqualTo(240);
        }
    }
}
