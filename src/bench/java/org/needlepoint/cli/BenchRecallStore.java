package org.needlepoint.cli;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.common.Text;
import org.needlepoint.inventory.InventoryStore;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.store.Sql;

/**
 * Bench only: fills a throwaway clinic with patients, lots and signed charted visits by batched SQL
 * (the services would take hours for a million points). Never used on a clinic's real data. The
 * signed-chart guard on injection points is dropped while the points go in and created again after,
 * exactly as V4 creates it.
 */
final class BenchRecallStore {
    private static final int BATCH = 5_000;
    private static final Region[] TOXIN_REGIONS = {Region.PROCERUS, Region.CORRUGATOR, Region.FRONTALIS,
        Region.ORBICULARIS_OCULI_LATERAL};
    private static final Region[] FILLER_REGIONS = {Region.LIPS, Region.NASOLABIAL_FOLD, Region.CHIN, Region.MALAR};

    /** A product's id and what its points are charted in. */
    record ProductRef(long id, String unit, String name) {
    }

    /** The ids of the clinic's patients, adding synthetic ones (no search keys: recall never searches) up to {@code n}. */
    List<Long> patients(Connection c, int n, Random rnd, LocalDate today, Instant now) throws SQLException {
        long have = Sql.count(c, "SELECT COUNT(*) FROM patient");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO patient (chart_number, first_name, last_name,"
                + " birth_date, sex, mobile_phone, other_phone, email, pregnancy, name_key, created_at, updated_at)"
                + " VALUES (NEXT VALUE FOR chart_number_seq, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (long i = have; i < n; i++) {
                PatientDetails d = SeedDemo.patient(rnd, today);
                ps.setString(1, d.firstName());
                ps.setString(2, d.lastName());
                Sql.setDate(ps, 3, d.birthDate());
                ps.setString(4, d.sex().name());
                ps.setString(5, d.mobilePhone());
                ps.setString(6, d.otherPhone());
                ps.setString(7, d.email());
                ps.setString(8, d.pregnancy().name());
                ps.setString(9, Text.fold(d.lastName() + " " + d.firstName()));
                Sql.setInstant(ps, 10, now);
                Sql.setInstant(ps, 11, now);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    c.commit();
                    pending = 0;
                }
            }
            ps.executeBatch();
            c.commit();
        }
        List<Long> ids = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM patient ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    List<ProductRef> products(Connection c) throws SQLException {
        List<ProductRef> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, charting_unit, name FROM product ORDER BY id")) {
            while (rs.next()) {
                out.add(new ProductRef(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    /** {@code n} lots spread over the products, each received once (a receipt and its RECEIVED entry). */
    List<long[]> lots(Connection c, int n, List<ProductRef> products, LocalDate today, Instant now, long by)
            throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (PreparedStatement lot = c.prepareStatement("INSERT INTO lot (product_id, lot_number, expiry, received_on,"
                + " created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement receipt = c.prepareStatement("INSERT INTO receipt (lot_id, quantity, supplier,"
                     + " received_on, received_by, created_at) VALUES (?, 999, 'Bench supply', ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS);
             PreparedStatement ledger = c.prepareStatement("INSERT INTO stock_ledger (lot_id, kind, quantity,"
                     + " receipt_id, at, by_user) VALUES (?, 'RECEIVED', 999, ?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                ProductRef p = products.get(i % products.size());
                LocalDate received = today.minusDays(700 - (700L * i / n));
                lot.setLong(1, p.id());
                lot.setString(2, String.format("BL%05d", i));
                Sql.setDate(lot, 3, received.plusYears(2));
                Sql.setDate(lot, 4, received);
                Sql.setInstant(lot, 5, now);
                lot.setLong(6, by);
                Sql.setInstant(lot, 7, now);
                lot.setLong(8, by);
                lot.executeUpdate();
                long lotId = Sql.generatedKey(lot);
                receipt.setLong(1, lotId);
                Sql.setDate(receipt, 2, received);
                receipt.setLong(3, by);
                Sql.setInstant(receipt, 4, now);
                receipt.executeUpdate();
                ledger.setLong(1, lotId);
                ledger.setLong(2, Sql.generatedKey(receipt));
                Sql.setInstant(ledger, 3, now);
                ledger.setLong(4, by);
                ledger.executeUpdate();
                out.add(new long[] {lotId, p.id(), "U".equals(p.unit()) ? 1 : 0});
            }
        }
        c.commit();
        return out;
    }

    /**
     * Signed visits of {@code pointsPerVisit} points each until {@code points} points exist, spread
     * evenly over the last 720 days in time order, as a clinic charts them: each visit of a random
     * patient, with a random product, from the lot of that product in use at the time (each product's
     * lots follow one another over the two years, so a lot's visits fall within days or weeks of each
     * other, as when a clinic uses a lot up); one visit in twenty is left a draft. Returns the visits made.
     */
    int visits(Connection c, List<Long> patients, List<long[]> lots, int points, int pointsPerVisit, Random rnd,
               Instant now, long injector) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER injection_point_signed_guard");
        }
        int visits = 0;
        try (PreparedStatement visit = c.prepareStatement("INSERT INTO visit (patient_id, started_at, injector_id, status,"
                + " consent_confirmed, signed_at, signed_by, created_at, created_by, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement point = c.prepareStatement("INSERT INTO injection_point (visit_id, point_key, seq,"
                     + " diagram_view, x, y, region, side, product_id, lot_id, amount, amount_unit)"
                     + " VALUES (?, ?, ?, 'FACE_FRONT', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            java.util.Map<Long, List<long[]>> byProduct = new java.util.LinkedHashMap<>();
            for (long[] l : lots) {
                byProduct.computeIfAbsent(l[1], k -> new ArrayList<>()).add(l);
            }
            List<List<long[]>> products = new ArrayList<>(byProduct.values());
            long totalVisits = (points + pointsPerVisit - 1) / pointsPerVisit;
            long span = ChronoUnit.MINUTES.between(now.minus(720, ChronoUnit.DAYS), now);
            int made = 0;
            int pending = 0;
            while (made < points) {
                long patient = patients.get(rnd.nextInt(patients.size()));
                double progress = visits / (double) totalVisits; // 0 .. 1 over the two years
                List<long[]> ofProduct = products.get(rnd.nextInt(products.size()));
                long[] lot = ofProduct.get(Math.min(ofProduct.size() - 1, (int) (progress * ofProduct.size())));
                boolean toxin = lot[2] == 1;
                Instant at = now.minus(span - (long) (progress * span), ChronoUnit.MINUTES);
                boolean draft = rnd.nextInt(20) == 0;
                visit.setLong(1, patient);
                Sql.setInstant(visit, 2, at);
                visit.setLong(3, injector);
                visit.setString(4, draft ? "DRAFT" : "SIGNED");
                Sql.setInstant(visit, 5, draft ? null : at.plus(30, ChronoUnit.MINUTES));
                Sql.setLong(visit, 6, draft ? null : injector);
                Sql.setInstant(visit, 7, at);
                visit.setLong(8, injector);
                Sql.setInstant(visit, 9, at);
                visit.setLong(10, injector);
                visit.executeUpdate();
                long visitId = Sql.generatedKey(visit);
                visits++;
                for (int i = 0; i < pointsPerVisit && made < points; i++, made++) {
                    Region[] regions = toxin ? TOXIN_REGIONS : FILLER_REGIONS;
                    point.setLong(1, visitId);
                    point.setString(2, "p" + i);
                    point.setInt(3, i);
                    point.setDouble(4, 0.3 + 0.4 * rnd.nextDouble());
                    point.setDouble(5, 0.3 + 0.4 * rnd.nextDouble());
                    point.setString(6, regions[rnd.nextInt(regions.length)].name());
                    point.setString(7, i % 2 == 0 ? Side.LEFT.name() : Side.RIGHT.name());
                    point.setLong(8, lot[1]);
                    point.setLong(9, lot[0]);
                    point.setBigDecimal(10, toxin ? BigDecimal.valueOf(5 + rnd.nextInt(6)) : new BigDecimal("0.2"));
                    point.setString(11, toxin ? "U" : "ML");
                    point.addBatch();
                    if (++pending == BATCH) {
                        point.executeBatch();
                        c.commit();
                        pending = 0;
                    }
                }
            }
            point.executeBatch();
            c.commit();
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TRIGGER injection_point_signed_guard BEFORE INSERT, UPDATE, DELETE ON injection_point"
                        + " FOR EACH ROW CALL 'org.needlepoint.chart.SignedChartGuard'");
            }
            c.commit();
        }
        return visits;
    }

    /** H2's plan for the recall list's query, to show it reads points through the lot index. */
    String recallPlan(Connection c, long lotId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + InventoryStore.RECALL_POINTS)) {
            ps.setLong(1, lotId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
