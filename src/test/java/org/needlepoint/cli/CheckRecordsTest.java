package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.cli.CliRun.run;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} checks the records, not only their counts: a row whose reference is broken
 * (written with the database's checks switched off), an audit entry gone from its numbering, a stock
 * count that does not add up, a signed chart whose stock was never deducted. Each is one PROBLEM
 * line and exit 1.
 */
class CheckRecordsTest {
    /** A small seed-demo clinic, made once; each test works on a copy. */
    @TempDir
    static Path template;

    @TempDir
    Path dir;
    private Path clinic;

    @BeforeAll
    static void seedOnce() {
        CliRun seeded = run("--data", template.resolve("clinic").toString(), "seed-demo", "--patients", "12", "--seed", "7");
        assertThat(seeded.code()).as(seeded.err()).isZero();
    }

    @BeforeEach
    void copyTheClinic() throws Exception {
        clinic = ClinicCopy.of(template.resolve("clinic"), dir);
    }

    private CliRun check() {
        return run("--data", clinic.toString(), "check");
    }

    @Test
    void theSeededClinicPassesEveryCheck() {
        CliRun r = check();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aVisitWhosePatientDoesNotExistIsReported() {
        long injector = ClinicCopy.count(clinic, "SELECT MIN(id) FROM app_user WHERE role = 'INJECTOR'");
        ClinicCopy.sql(clinic, "SET REFERENTIAL_INTEGRITY FALSE",
                "INSERT INTO visit (patient_id, started_at, injector_id, status, created_at, updated_at) VALUES (987654,"
                        + " CURRENT_TIMESTAMP, " + injector + ", 'DRAFT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "SET REFERENTIAL_INTEGRITY TRUE");

        CliRun r = check();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly(
                "PROBLEM records: 1 visit row names a patient that does not exist (visit.patient_id 987654)");
        assertThat(r.out()).contains("check: 1 problem(s)");
    }

    @Test
    void aTaskAndPointsWhoseRecordsAreGoneAreReported() {
        long visit = ClinicCopy.count(clinic, "SELECT MIN(v.id) FROM visit v WHERE EXISTS (SELECT 1 FROM injection_point ip WHERE"
                + " ip.visit_id = v.id) AND NOT EXISTS (SELECT 1 FROM adverse_event e WHERE e.visit_id = v.id)"
                + " AND NOT EXISTS (SELECT 1 FROM followup_task t WHERE t.source_visit_id = v.id)"
                + " AND NOT EXISTS (SELECT 1 FROM stock_ledger s WHERE s.visit_id = v.id)"
                + " AND NOT EXISTS (SELECT 1 FROM vial l WHERE l.first_used_visit_id = v.id)"
                + " AND NOT EXISTS (SELECT 1 FROM vial_override o WHERE o.visit_id = v.id)"
                + " AND NOT EXISTS (SELECT 1 FROM addendum a WHERE a.visit_id = v.id)");
        long points = ClinicCopy.count(clinic, "SELECT COUNT(*) FROM injection_point WHERE visit_id = " + visit);
        long screening = ClinicCopy.count(clinic, "SELECT COUNT(*) FROM visit_screening WHERE visit_id = " + visit);
        long patient = ClinicCopy.count(clinic, "SELECT MIN(patient_id) FROM followup_task");
        long tasks = ClinicCopy.count(clinic, "SELECT COUNT(*) FROM followup_task WHERE patient_id = " + patient);
        assertThat(points).isPositive();
        ClinicCopy.sql(clinic, "DROP TRIGGER visit_signed_guard",
                "SET REFERENTIAL_INTEGRITY FALSE",
                "DELETE FROM visit WHERE id = " + visit,
                "UPDATE followup_task SET patient_id = 99999 WHERE patient_id = " + patient,
                "SET REFERENTIAL_INTEGRITY TRUE");

        CliRun r = check();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).contains(
                "PROBLEM charts: the guards that keep signed charts unchanged are missing",
                "PROBLEM records: " + points + " injection_point rows name a visit that does not exist (injection_point.visit_id "
                        + visit + ")",
                "PROBLEM records: " + tasks + " followup_task row" + (tasks == 1 ? " names" : "s name")
                        + " a patient that does not exist (followup_task.patient_id 99999)");
        if (screening > 0) {
            assertThat(r.err()).contains("visit_screening row");
        }
    }

    @Test
    void anAuditEntryGoneFromTheNumberingIsReported() {
        long last = ClinicCopy.count(clinic, "SELECT MAX(seq) FROM audit_log");
        ClinicCopy.sql(clinic, "DROP TRIGGER audit_log_no_delete", "DELETE FROM audit_log WHERE seq = 5");

        CliRun r = check();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactlyInAnyOrder(
                "PROBLEM audit log: the append-only guards are missing",
                "PROBLEM audit log: 1 entry is missing from its numbered sequence of " + last + " (after #4)");
    }

    @Test
    void aStockCountThatDoesNotAddUpIsReported() {
        long lot = ClinicCopy.count(clinic, "SELECT MIN(lot_id) FROM stock_ledger WHERE kind = 'RECEIVED'");
        long onHand = ClinicCopy.count(clinic, "SELECT SUM(quantity) FROM stock_ledger WHERE lot_id = " + lot);
        ClinicCopy.sql(clinic, "INSERT INTO stock_ledger (lot_id, kind, quantity, counted, reason, at) VALUES (" + lot + ", 'ADJUSTED', 2, "
                + (onHand + 5) + ", 'miscounted', CURRENT_TIMESTAMP)");

        CliRun r = check();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString().matches("PROBLEM stock: lot \\S+: the stock count of entry \\d+"
                + " counted " + (onHand + 5) + " packs, but the ledger adds up to " + (onHand + 2) + " there");
    }

    @Test
    void aSignedChartWhoseStockWasNeverDeductedIsReported() {
        long entry = ClinicCopy.count(clinic, "SELECT MIN(s.id) FROM stock_ledger s WHERE s.kind = 'USED' AND s.vial_id IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM stock_ledger o WHERE o.vial_id = s.vial_id AND o.id <> s.id)");
        assertThat(entry).isPositive();
        ClinicCopy.sql(clinic, "DROP TRIGGER stock_ledger_no_delete", "DELETE FROM stock_ledger WHERE id = " + entry);

        CliRun r = check();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).contains("PROBLEM stock: the append-only guards of the stock ledger and receipts are missing",
                "PROBLEM stock: 1 vial(s) charted by signed visits without their USED ledger entry");
    }
}
