package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.cli.CliRun.run;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.security.Role;
import org.needlepoint.store.Database;
import org.needlepoint.testing.MutableClock;

/** The admin subcommands, run in-process on real data folders. Never without a subcommand: that opens the GUI. */
class CliTest {
    private static final Pattern ACCOUNT = Pattern.compile("(?m)^\\s+(admin|injector|frontdesk)\\s+(\\S+)\\s+\\((.+)\\)$");

    @TempDir
    Path dir;

    private CliRun seed(Path folder, int patients, long seed) {
        return run("--data", folder.toString(), "seed-demo", "--patients", Integer.toString(patients), "--seed", Long.toString(seed));
    }

    private static List<String> patientRows(Path folder) {
        try (Database db = Database.open(folder)) {
            return db.read(c -> {
                List<String> rows = new ArrayList<>();
                try (var st = c.createStatement(); var rs = st.executeQuery(
                        "SELECT chart_number, first_name, last_name, birth_date, mobile_phone FROM patient ORDER BY chart_number")) {
                    while (rs.next()) {
                        rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
                                + " " + rs.getString(5));
                    }
                }
                return rows;
            });
        }
    }

    @Test
    void helpPrintsUsage() {
        CliRun r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: needlepoint").contains("seed-demo", "check", "recall LOT", "--data DIR");
        assertThat(r.err()).isEmpty();
        assertThat(run("--data", dir.toString(), "-h").out()).isEqualTo(r.out());
    }

    @Test
    void seedDemoFillsAnEmptyFolderAndPrintsTheStaffAccounts() {
        Path folder = dir.resolve("demo");
        CliRun r = seed(folder, 25, 7);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("25 synthetic patients").contains(folder.toString());
        Map<String, String[]> accounts = new LinkedHashMap<>();
        Matcher m = ACCOUNT.matcher(r.out());
        while (m.find()) {
            accounts.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
        assertThat(accounts).containsOnlyKeys("admin", "injector", "frontdesk");
        assertThat(accounts.get("admin")[1]).isEqualTo("Administrator");
        assertThat(accounts.get("injector")[1]).isEqualTo("Injector");
        assertThat(accounts.get("frontdesk")[1]).isEqualTo("Front desk");
        assertThat(accounts.values()).extracting(a -> a[0]).doesNotHaveDuplicates()
                .allSatisfy(pw -> assertThat(pw).hasSizeGreaterThanOrEqualTo(12));

        // The printed passwords are the real ones.
        try (Database db = Database.open(folder)) {
            Services s = new Services(db, MutableClock.morning(), new PasswordHasher(1_000));
            assertThat(s.auth().signIn("admin", accounts.get("admin")[0].toCharArray()).role()).isEqualTo(Role.ADMIN);
            assertThat(s.auth().signIn("injector", accounts.get("injector")[0].toCharArray()).role()).isEqualTo(Role.INJECTOR);
            assertThat(s.auth().signIn("frontdesk", accounts.get("frontdesk")[0].toCharArray()).role())
                    .isEqualTo(Role.FRONT_DESK);
            assertThat(s.patients().count()).isEqualTo(25);
        }
    }

    @Test
    void aSecondSeedOnTheSameFolderIsRefused() {
        Path folder = dir.resolve("demo");
        assertThat(seed(folder, 25, 7).code()).isZero();
        List<String> before = patientRows(folder);

        CliRun again = seed(folder, 5, 8);
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already holds a clinic");
        assertThat(again.out()).doesNotContain("admin ");
        assertThat(patientRows(folder)).isEqualTo(before);
    }

    @Test
    void checkPrintsTheCountsOfASeededFolder() {
        Path folder = dir.resolve("demo");
        CliRun seeded = seed(folder, 25, 7);
        assertThat(seeded.code()).isZero();
        assertThat(seeded.out()).containsPattern("[1-9][0-9]* consents signed on the pad");

        CliRun r = run("--data", folder.toString(), "check");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).contains("patients: 25", "users: 3", "clinics: 1", "products: 11", "lots: 34");
        assertThat(r.out().lines()).anyMatch(l -> l.matches("visits: [1-9][0-9]*"))
                .anyMatch(l -> l.matches("injection points: [1-9][0-9]*")).anyMatch(l -> l.matches("addenda: [0-9]+"));
        assertThat(r.out().lines()).contains("patient reports: 3", "follow-up rules: 17")
                .anyMatch(l -> l.matches("adverse events: [1-9][0-9]*"))
                .anyMatch(l -> l.matches("follow-up tasks: [1-9][0-9]*"))
                .anyMatch(l -> l.matches("follow-up call attempts: [1-9][0-9]*"));
        // every charted patient signed the consents their treatments needed (and photography) on the pad
        assertThat(r.out().lines()).contains("consent texts: 7").anyMatch(l -> l.matches("signed consents: [1-9][0-9]*"));
        try (Database db = Database.open(folder)) {
            db.read(c -> {
                for (String[] t : new String[][] {{"receipts", "receipt"}, {"ledger entries", "stock_ledger"},
                        {"vials", "vial"}, {"recall notices", "recall_notice"}}) {
                    long n = org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM " + t[1]);
                    assertThat(r.out().lines()).contains(t[0] + ": " + n);
                }
                return null;
            });
        }
        assertThat(r.out()).contains("check: OK").doesNotContain("WARNING");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void seedDemoKeepsStockThroughTheLedgerAndCheckWarnsAboutALotToCount() {
        Path folder = dir.resolve("demo");
        assertThat(seed(folder, 60, 7).code()).isZero();
        String lot;
        try (Database db = Database.open(folder)) {
            lot = db.read(c -> {
                var count = (java.util.function.Function<String, Long>) sql -> {
                    try {
                        return org.needlepoint.store.Sql.count(c, sql);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
                assertThat(count.apply("SELECT COUNT(*) FROM lot WHERE status = 'RECALLED'")).isEqualTo(1);
                assertThat(count.apply("SELECT COUNT(*) FROM lot WHERE status = 'QUARANTINED'")).isEqualTo(1);
                assertThat(count.apply("SELECT COUNT(*) FROM recall_notice n JOIN lot l ON l.id = n.lot_id"
                        + " WHERE l.status = 'RECALLED'")).as("a notice per patient of the recalled lot").isEqualTo(
                        count.apply("SELECT COUNT(DISTINCT v.patient_id) FROM injection_point ip JOIN visit v"
                                + " ON v.id = ip.visit_id JOIN lot l ON l.id = ip.lot_id WHERE l.status = 'RECALLED'"));
                assertThat(count.apply("SELECT COUNT(*) FROM lot l WHERE NOT EXISTS (SELECT 1 FROM receipt r"
                        + " WHERE r.lot_id = l.id)")).as("every lot came through receiving").isZero();
                for (String kind : List.of("RECEIVED", "USED", "WASTED", "ADJUSTED")) {
                    assertThat(count.apply("SELECT COUNT(*) FROM stock_ledger WHERE kind = '" + kind + "'")).as(kind)
                            .isPositive();
                }
                assertThat(count.apply("SELECT COUNT(*) FROM vial")).isPositive();
                assertThat(count.apply("SELECT COUNT(*) FROM injection_point ip JOIN visit v ON v.id = ip.visit_id"
                        + " JOIN product p ON p.id = ip.product_id WHERE v.status = 'SIGNED' AND p.kind <> 'HA_FILLER'"
                        + " AND ip.vial_id IS NULL")).as("toxins and Sculptra charted from vials").isZero();
                assertThat(count.apply("SELECT COUNT(*) FROM (SELECT lot_id FROM stock_ledger GROUP BY lot_id"
                        + " HAVING SUM(quantity) < 0)")).as("no lot below zero").isZero();
                assertThat(count.apply("SELECT COUNT(*) FROM lot WHERE status = 'ACTIVE' AND expiry >= DATE '2026-11-21'"
                        + " AND expiry <= DATE '2026-12-21'")).as("expiring within 30 days").isPositive();
                try (var st = c.createStatement(); var rs = st.executeQuery(
                        "SELECT lot_number FROM lot WHERE status = 'ACTIVE' AND expiry > DATE '2027-01-01' ORDER BY id")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            db.tx(c -> c.createStatement().executeUpdate("INSERT INTO stock_ledger (lot_id, kind, quantity, visit_id, at)"
                    + " SELECT l.id, 'USED', -500, (SELECT MIN(id) FROM visit WHERE status = 'SIGNED'), CURRENT_TIMESTAMP"
                    + " FROM lot l WHERE l.lot_number = '" + lot + "'"));
        }

        CliRun r = run("--data", folder.toString(), "check");
        assertThat(r.code()).as("a lot to count is a warning, not a problem").isZero();
        assertThat(r.out().lines()).anyMatch(l -> l.startsWith("WARNING stock: lot " + lot + " of ")
                && l.endsWith("packs on hand (signed charts used more than the books held): count it"));
        assertThat(r.out()).contains("check: OK, 1 warning(s)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void recallPrintsTheRecalledLotsPatientsAsCsv() {
        Path folder = dir.resolve("demo");
        assertThat(seed(folder, 200, 7).code()).isZero();
        String lot;
        long rows;
        try (Database db = Database.open(folder)) {
            lot = db.read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT lot_number FROM lot WHERE status = 'RECALLED'")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            rows = db.read(c -> org.needlepoint.store.Sql.count(c, "SELECT COUNT(DISTINCT ip.visit_id) FROM injection_point ip"
                    + " JOIN lot l ON l.id = ip.lot_id WHERE l.lot_number = '" + lot + "'"));
        }
        assertThat(rows).as("the demo's recalled lot was charted").isPositive();

        CliRun r = run("--data", folder.toString(), "recall", lot.toLowerCase(java.util.Locale.ROOT));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = List.of(r.out().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("lot,product,expiry,chart_number,patient_name,birth_date,phones,email,"
                + "visit_date,visit_status,injector,points,amount,unit");
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).startsWith(lot + ",Dysport 500 U,")
                .matches(".*,(SIGNED|DRAFT),NP Demo Injector,[0-9]+,[0-9.]+,U"));
        assertThat(r.out()).endsWith("\r\n");
    }

    @Test
    void recallOfAnUnknownLotPrintsTheHeaderOnlyAndExitsOne() {
        Path folder = dir.resolve("demo");
        assertThat(seed(folder, 3, 7).code()).isZero();
        CliRun r = run("--data", folder.toString(), "recall", "NO-SUCH-LOT");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(String.join(",", org.needlepoint.inventory.RecallCsv.HEADER) + "\r\n");
        assertThat(r.err().lines()).containsExactly("recall: no lot numbered NO-SUCH-LOT in this clinic's stock.");

        CliRun none = run("--data", folder.toString(), "recall");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("recall takes one lot number");
    }

    @Test
    void seedDemoChartsSignedVisitsWithUsableLots() {
        Path folder = dir.resolve("demo");
        CliRun r = seed(folder, 60, 7);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Charted history: [1-9][0-9]* visits of [1-9][0-9]* patients");

        try (Database db = Database.open(folder)) {
            db.read(c -> {
                long visits = org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM visit");
                assertThat(visits).isGreaterThan(5);
                long drafts = org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM visit WHERE status = 'DRAFT'");
                // the charted history leaves one draft open today; today's check-ins prepared the others
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM visit WHERE status = 'DRAFT'"
                        + " AND id NOT IN (SELECT visit_id FROM appointment WHERE visit_id IS NOT NULL)")).isLessThanOrEqualTo(1);
                long checkedIn = org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM appointment WHERE checked_in_at IS NOT NULL");
                assertThat(checkedIn).as("today's first patients checked in").isPositive();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM appointment a JOIN visit v ON v.id = a.visit_id"
                        + " WHERE v.injector_id = a.injector_id AND v.patient_id = a.patient_id"
                        + " AND a.status IN ('ARRIVED', 'IN_TREATMENT', 'COMPLETED')")).isEqualTo(checkedIn);
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM visit_screening s JOIN appointment a"
                        + " ON a.visit_id = s.visit_id WHERE s.answer = 'UNANSWERED'")).as("screened at the desk").isZero();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM visit v JOIN app_user u"
                        + " ON u.id = v.signed_by WHERE v.status = 'SIGNED' AND u.username = 'injector'"
                        + " AND v.signed_at > v.started_at")).isEqualTo(visits - drafts);
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM injection_point WHERE lot_id IS NULL"))
                        .isZero();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM injection_point ip"
                        + " JOIN lot l ON l.id = ip.lot_id JOIN visit v ON v.id = ip.visit_id"
                        + " WHERE l.product_id <> ip.product_id OR l.expiry < CAST(v.started_at AS DATE)"
                        + " OR l.received_on > CAST(v.started_at AS DATE)")).isZero();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM lot WHERE expiry < DATE '2026-11-21'"))
                        .as("old lots stay on record").isPositive();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM lot WHERE expiry >= DATE '2026-11-21'"
                        + " AND expiry < DATE '2027-01-20' AND status = 'ACTIVE'")).as("near expiry").isPositive();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM visit v JOIN patient p"
                        + " ON p.id = v.patient_id WHERE p.pregnancy IN ('PREGNANT', 'BREASTFEEDING')"
                        + " AND v.status = 'SIGNED'")).as("nobody pregnant was treated").isZero();
                assertThat(org.needlepoint.store.Sql.count(c, "SELECT COUNT(*) FROM audit_log WHERE action = 'SIGN'"))
                        .isEqualTo(visits - drafts);
                return null;
            });
        }
    }

    @Test
    void checkOnAnEmptyFolderCreatesTheStoreAndFindsNothingWrong() {
        CliRun r = run("--data", dir.resolve("fresh").toString(), "check");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines()).contains("patients: 0", "users: 0", "clinics: 0", "products: 11", "lots: 0",
                "visits: 0", "injection points: 0", "addenda: 0", "adverse events: 0", "patient reports: 0",
                "follow-up tasks: 0", "follow-up rules: 17", "consent texts: 7", "signed consents: 0");
    }

    @Test
    void checkReportsAProblemAndExitsOne() {
        Path folder = dir.resolve("demo");
        assertThat(seed(folder, 3, 7).code()).isZero();
        try (Database db = Database.open(folder)) {
            db.tx(c -> c.createStatement().execute("DROP TRIGGER audit_log_no_update"));
        }

        CliRun r = run("--data", folder.toString(), "check");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("PROBLEM audit log: the append-only guards are missing");
        assertThat(r.out()).contains("check: 1 problem(s)").contains("patients: 3");
    }

    @Test
    void theSameSeedGivesTheSamePatientsAndAnotherSeedDoesNot() {
        assertThat(seed(dir.resolve("a"), 25, 7).code()).isZero();
        assertThat(seed(dir.resolve("b"), 25, 7).code()).isZero();
        assertThat(seed(dir.resolve("c"), 25, 8).code()).isZero();

        List<String> a = patientRows(dir.resolve("a"));
        assertThat(a).hasSize(25);
        assertThat(patientRows(dir.resolve("b"))).isEqualTo(a);
        assertThat(patientRows(dir.resolve("c"))).hasSize(25).isNotEqualTo(a);
        List<String> followUps = followUpRows(dir.resolve("a"));
        assertThat(followUps).isNotEmpty();
        assertThat(followUpRows(dir.resolve("b"))).isEqualTo(followUps);
    }

    /** The seeded events, reports, tasks and attempts, in a form two seeds can be compared by. */
    private static List<String> followUpRows(Path folder) {
        try (Database db = Database.open(folder)) {
            return db.read(c -> {
                List<String> rows = new ArrayList<>();
                for (String sql : List.of(
                        "SELECT patient_id, visit_id, event_type, severity, onset_date, reported_on, outcome, outcome_date,"
                                + " urgent, urgent_closed_at, created_at FROM adverse_event ORDER BY id",
                        "SELECT patient_id, status, event_id, phoned_at, reviewed_at FROM patient_report ORDER BY id",
                        "SELECT patient_id, task_kind, due_date, status, source_key, attempts, last_outcome, snoozed_until,"
                                + " closed_at, close_note FROM followup_task ORDER BY id",
                        "SELECT task_id, outcome, note, at FROM followup_attempt ORDER BY id")) {
                    try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder b = new StringBuilder();
                            for (int i = 1; i <= n; i++) {
                                b.append(rs.getString(i)).append('|');
                            }
                            rows.add(b.toString());
                        }
                    }
                }
                return rows;
            });
        }
    }

    @Test
    void seedDemoAddsSideEffectsAndTasksInEveryState() {
        Path folder = dir.resolve("demo");
        CliRun r = seed(folder, 60, 7);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Follow-ups: [1-9][0-9]* adverse events \\(1 urgent alert open\\)");

        try (Database db = Database.open(folder)) {
            db.read(c -> {
                java.util.function.Function<String, Long> n = sql -> {
                    try {
                        return org.needlepoint.store.Sql.count(c, sql);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
                String today = "DATE '2026-11-21'";
                assertThat(n.apply("SELECT COUNT(DISTINCT event_type) FROM adverse_event")).isGreaterThanOrEqualTo(3);
                assertThat(n.apply("SELECT COUNT(*) FROM adverse_event WHERE urgent AND urgent_closed_at IS NULL")).isEqualTo(1);
                assertThat(n.apply("SELECT COUNT(*) FROM adverse_event WHERE outcome IN ('RESOLVED', 'RESOLVED_WITH_SEQUELAE')"))
                        .isPositive();
                assertThat(n.apply("SELECT COUNT(*) FROM patient_report WHERE status = 'WAITING'")).isEqualTo(1);
                assertThat(n.apply("SELECT COUNT(*) FROM patient_report WHERE status = 'RECORDED'")).isEqualTo(1);
                assertThat(n.apply("SELECT COUNT(*) FROM patient_report WHERE status = 'DISMISSED'")).isEqualTo(1);
                String open = "SELECT COUNT(*) FROM followup_task WHERE status = 'OPEN' AND (snoozed_until IS NULL"
                        + " OR snoozed_until <= " + today + ") AND due_date ";
                assertThat(n.apply(open + "= " + today)).as("due today").isPositive();
                assertThat(n.apply(open + "< " + today)).as("overdue").isPositive();
                assertThat(n.apply(open + "> " + today)).as("upcoming").isPositive();
                assertThat(n.apply("SELECT COUNT(*) FROM followup_task WHERE status = 'OPEN' AND snoozed_until > " + today))
                        .as("snoozed").isPositive();
                assertThat(n.apply("SELECT COUNT(*) FROM followup_task WHERE status = 'DONE' AND attempts > 1"))
                        .as("done after unanswered calls").isPositive();
                assertThat(n.apply("SELECT COUNT(*) FROM followup_task WHERE status = 'MISSED'")).isPositive();
                assertThat(n.apply("SELECT COUNT(*) FROM followup_task WHERE status = 'CANCELLED'")).isPositive();
                assertThat(n.apply("SELECT COUNT(*) FROM followup_task WHERE source_type = 'VISIT'")).isPositive();
                assertThat(n.apply("SELECT COUNT(*) FROM followup_task WHERE source_type = 'EVENT'")).isPositive();
                assertThat(n.apply("SELECT COUNT(*) FROM followup_attempt a JOIN followup_task t ON t.id = a.task_id"
                        + " WHERE a.at < t.created_at OR a.at > TIMESTAMP WITH TIME ZONE '2026-11-21 09:00:00+00'"))
                        .as("calls happen between a task's creation and now").isZero();
                return null;
            });
        }
        CliRun check = run("--data", folder.toString(), "check");
        assertThat(check.out()).contains("check: OK");
    }

    @Test
    void aTinyDemoStillShowsEveryTaskState() {
        Path folder = dir.resolve("tiny");
        assertThat(seed(folder, 2, 7).code()).isZero();
        try (Database db = Database.open(folder)) {
            long states = db.read(c -> org.needlepoint.store.Sql.count(c, "SELECT COUNT(DISTINCT status) FROM followup_task"));
            assertThat(states).isEqualTo(4);
        }
    }

    @Test
    void aFolderAlreadyOpenIsRefusedWithExitOne() {
        Path folder = dir.resolve("busy");
        try (Database open = Database.open(folder)) {
            CliRun r = run("--data", folder.toString(), "check");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("already open");
        }
    }

    @Test
    void anUnknownSubcommandExitsTwo() {
        CliRun r = run("--data", dir.toString(), "frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown subcommand: frobnicate").contains("--help");
    }

    @Test
    void anUnknownOptionExitsTwoWithoutTouchingTheFolder() {
        Path folder = dir.resolve("untouched");
        CliRun r = run("--data", folder.toString(), "seed-demo", "--patiens", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option --patiens");
        assertThat(folder).doesNotExist();
    }

    @Test
    void checkRefusesAnOptionItDoesNotKnow() {
        Path folder = dir.resolve("untouched");
        CliRun r = run("--data", folder.toString(), "check", "--verbose");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option --verbose");
        assertThat(folder).doesNotExist();
    }

    @Test
    void badOptionValuesExitTwoWithAMessage() {
        CliRun missingValue = run("--data", dir.toString(), "seed-demo", "--patients");
        assertThat(missingValue.code()).isEqualTo(2);
        assertThat(missingValue.err()).contains("--patients needs a value");

        CliRun notANumber = run("--data", dir.toString(), "seed-demo", "--patients", "many");
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--patients must be a whole number");

        CliRun negative = run("--data", dir.toString(), "seed-demo", "--patients=-3");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("--patients must be between");

        CliRun noFolder = run("check", "--data");
        assertThat(noFolder.code()).isEqualTo(2);
        assertThat(noFolder.err()).contains("--data needs a folder");
    }

    @Test
    void scanPrintsTheFieldsAsJsonWithoutADataFolder() {
        Path folder = dir.resolve("never-created");
        CliRun r = run("--data", folder.toString(), "scan", "(01)09506000134352(17)271200(10)ABC123(21)XYZ");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("{\"gtin\":\"09506000134352\",\"lot\":\"ABC123\",\"expiry\":\"2027-12-31\","
                + "\"serial\":\"XYZ\",\"productionDate\":null}" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
        assertThat(folder).doesNotExist();
    }

    @Test
    void scanReadsRawScannerTextAndEscapesJson() {
        CliRun r = run("scan", "]d20100361234567890" + "11250301" + "17270900" + "10A\"B\u001D" + "21S/1\r\n");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("{\"gtin\":\"00361234567890\",\"lot\":\"A\\\"B\",\"expiry\":"
                + "\"2027-09-30\",\"serial\":\"S/1\",\"productionDate\":\"2025-03-01\"}");
    }

    @Test
    void scanUsesTheClockForTheCenturyOfTwoDigitYears() {
        // The test clock is in 2026: 76 is 2076, 77 is 1977 (GS1's sliding window).
        assertThat(run("scan", "(01)09506000134352(17)761231(11)770101").out().strip()).isEqualTo("{\"gtin\":"
                + "\"09506000134352\",\"lot\":null,\"expiry\":\"2076-12-31\",\"serial\":null,\"productionDate\":"
                + "\"1977-01-01\"}");
    }

    @Test
    void scanOfABadCodeExitsTwoWithOneLineAndNoStackTrace() {
        Path folder = dir.resolve("never-created");
        CliRun r = run("--data", folder.toString(), "scan", "(01)09506000134357(17)271231(10)ABC");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("The GTIN's check digit is wrong (expected 2, read 7): scan the pack again or"
                + " type the code from the box." + System.lineSeparator());
        assertThat(folder).doesNotExist();

        for (String bad : new String[] {"Jane Smith", "4006381333931", "(01)09506000134352(17)270231", "",
            "(01)09506000134352(10)ABCDEFGHIJKLMNOPQRSTU", "(01)09506000134352(10)A\u0000B"}) {
            CliRun b = run("scan", bad);
            assertThat(b.code()).as(bad).isEqualTo(2);
            assertThat(b.out()).as(bad).isEmpty();
            assertThat(b.err().lines()).as(bad).hasSize(1);
            assertThat(b.err()).as(bad).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void scanNeedsExactlyOneArgument() {
        CliRun none = run("scan");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("scan takes one argument");
        CliRun two = run("scan", "(01)09506000134352", "(10)ABC");
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.err()).contains("scan takes one argument");
        assertThat(run("--help").out()).contains("scan TEXT");
    }

    @Test
    void scanDashReadsStandardInput() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(("0109506000134352" + "17271231" + "10LOT-7\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            CliRun r = run("scan", "-");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().strip()).isEqualTo("{\"gtin\":\"09506000134352\",\"lot\":\"LOT-7\",\"expiry\":"
                    + "\"2027-12-31\",\"serial\":null,\"productionDate\":null}");

            System.setIn(new ByteArrayInputStream("(01)09506000134352(17)271331\n".getBytes(StandardCharsets.UTF_8)));
            CliRun bad = run("scan", "-");
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).startsWith("The expiry date (17) reads 271331 (YYMMDD), but there is no month 13");
        } finally {
            System.setIn(stdin);
        }
    }
}
