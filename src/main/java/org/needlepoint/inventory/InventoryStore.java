package org.needlepoint.inventory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.Technique;
import org.needlepoint.chart.VisitStatus;
import org.needlepoint.store.RecordCheck;
import org.needlepoint.store.Sql;
import org.needlepoint.store.Versions;

/**
 * All SQL for the product catalogue and stock: products and their GTINs, lots (with their derived
 * stock figures), receipts, the append-only stock ledger, reconstituted vials and their expiry
 * overrides, recall lists and recall notices. Quantity on hand is always read as the SUM of a lot's
 * ledger, never stored.
 */
public final class InventoryStore implements RecordCheck {
    /** A product and its GTINs (an array, in order). */
    private static final String PRODUCT_SELECT = "SELECT p.*, ARRAY(SELECT g.gtin FROM product_gtin g WHERE g.product_id = p.id"
            + " ORDER BY g.gtin) AS gtins FROM product p";
    private static final String PRODUCT_ORDER = " ORDER BY CASE kind WHEN 'TOXIN' THEN 0 WHEN 'BIOSTIMULATOR' THEN 1"
            + " WHEN 'HA_FILLER' THEN 2 WHEN 'CAHA' THEN 3 WHEN 'DEOXYCHOLIC' THEN 4 ELSE 5 END, brand, pack_size, name";
    /** A lot with its stock figures; the one parameter is "now" (vials usable at that instant count as open). */
    private static final String LOT_SELECT = "SELECT l.id, l.product_id, l.lot_number, l.expiry, l.status, l.received_on,"
            + " l.status_reason, l.status_on, l.version, su.full_name AS status_by_name,"
            + " COALESCE((SELECT SUM(s.quantity) FROM stock_ledger s WHERE s.lot_id = l.id), 0) AS on_hand,"
            + " COALESCE((SELECT SUM(r.quantity) FROM receipt r WHERE r.lot_id = l.id), 0) AS received,"
            + " (SELECT COUNT(*) FROM vial v WHERE v.lot_id = l.id AND v.discarded_at IS NULL"
            + " AND (v.usable_until IS NULL OR v.usable_until >= ?)) AS open_vials"
            + " FROM lot l LEFT JOIN app_user su ON su.id = l.status_by";
    private static final String VIAL_SELECT = "SELECT v.*, l.lot_number, l.product_id, p.name AS product_name,"
            + " p.pack_size, p.pack_unit, o.full_name AS opened_name, d.full_name AS discarded_name"
            + " FROM vial v JOIN lot l ON l.id = v.lot_id JOIN product p ON p.id = l.product_id"
            + " JOIN app_user o ON o.id = v.opened_by LEFT JOIN app_user d ON d.id = v.discarded_by";

    // ------------------------------------------------------------------------------- products

    /** Every product with its GTINs, in one statement (one round trip to a clinic server: every chart save reads it). */
    public List<Product> products(Connection c) throws SQLException {
        List<Product> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(PRODUCT_SELECT + PRODUCT_ORDER); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(product(rs));
            }
        }
        return out;
    }

    public Optional<Product> product(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PRODUCT_SELECT + " WHERE p.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(product(rs)) : Optional.empty();
            }
        }
    }

    /** For tests, the demo seeder and the bench: a product by its exact name. */
    public Optional<Product> productNamed(Connection c, String name) throws SQLException {
        return products(c).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static Product product(ResultSet rs) throws SQLException {
        List<String> gtins = new ArrayList<>();
        for (Object g : (Object[]) rs.getArray("gtins").getArray()) {
            gtins.add((String) g);
        }
        int hours = rs.getInt("usable_hours");
        Integer usable = rs.wasNull() ? null : hours;
        return new Product(rs.getLong("id"), rs.getString("name"), rs.getString("brand"),
                ProductKind.valueOf(rs.getString("kind")), Unit.valueOf(rs.getString("charting_unit")),
                rs.getBigDecimal("pack_size"), PackUnit.valueOf(rs.getString("pack_unit")),
                rs.getString("default_diluent"), rs.getBigDecimal("default_diluent_ml"), usable, rs.getString("storage"),
                rs.getBigDecimal("point_min"), rs.getBigDecimal("point_max"), rs.getBigDecimal("visit_max"),
                rs.getBigDecimal("default_amount"), enumOrNull(Depth.class, rs.getString("default_depth")),
                enumOrNull(Technique.class, rs.getString("default_technique")), rs.getBoolean("speywood_units"), rs.getBoolean("milk_protein"), rs.getString("colour"),
                rs.getInt("reorder_level"), gtins, rs.getBoolean("active"), rs.getInt("version"));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** The product a GTIN-14 belongs to. */
    public Optional<Long> productIdForGtin(Connection c, String gtin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT product_id FROM product_gtin WHERE gtin = ?")) {
            ps.setString(1, gtin);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Whether any lot of the product has been received (its kind, unit and pack are then fixed). */
    public boolean productReceived(Connection c, long productId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lot WHERE product_id = ? LIMIT 1")) {
            ps.setLong(1, productId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public boolean productNameTaken(Connection c, String name, Long exceptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM product WHERE LOWER(name) = LOWER(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (exceptId == null || rs.getLong(1) != exceptId) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    public long insertProduct(Connection c, Product p, Instant now, long by) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO product (name, brand, kind, charting_unit, pack_size,"
                + " pack_unit, default_diluent, default_diluent_ml, usable_hours, storage, point_min, point_max, visit_max,"
                + " speywood_units, milk_protein, colour, reorder_level, active, created_at, updated_at, updated_by,"
                + " default_amount, default_depth, default_technique)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, p.name());
            ps.setString(2, p.brand());
            ps.setString(3, p.kind().name());
            ps.setString(4, p.unit().name());
            ps.setBigDecimal(5, p.packSize());
            ps.setString(6, p.packUnit().name());
            ps.setString(7, p.defaultDiluent());
            ps.setBigDecimal(8, p.defaultDiluentMl());
            setInt(ps, 9, p.usableHours());
            ps.setString(10, p.storage());
            ps.setBigDecimal(11, p.pointMin());
            ps.setBigDecimal(12, p.pointMax());
            ps.setBigDecimal(13, p.visitMax());
            ps.setBoolean(14, p.speywoodUnits());
            ps.setBoolean(15, p.milkProtein());
            ps.setString(16, p.colour());
            ps.setInt(17, p.reorderLevel());
            ps.setBoolean(18, p.active());
            Sql.setInstant(ps, 19, now);
            Sql.setInstant(ps, 20, now);
            ps.setLong(21, by);
            ps.setBigDecimal(22, p.defaultAmount());
            ps.setString(23, p.defaultDepth() == null ? null : p.defaultDepth().name());
            ps.setString(24, p.defaultTechnique() == null ? null : p.defaultTechnique().name());
            ps.executeUpdate();
            id = Sql.generatedKey(ps);
        }
        replaceGtins(c, id, p.gtins());
        return id;
    }

    /**
     * Saves the editable fields of a product (everything but kind, unit and pack size, with the
     * brush's usual amount, depth and technique) if nobody saved it since.
     */
    public void updateProduct(Connection c, Product p, Instant now, long by, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE product SET name = ?, brand = ?, default_diluent = ?,"
                + " default_diluent_ml = ?, usable_hours = ?, storage = ?, point_min = ?, point_max = ?, visit_max = ?,"
                + " speywood_units = ?, milk_protein = ?, colour = ?, reorder_level = ?, active = ?,"
                + " default_amount = ?, default_depth = ?, default_technique = ?,"
                + " kind = ?, charting_unit = ?, pack_size = ?, pack_unit = ?,"
                + " version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")) {
            ps.setString(1, p.name());
            ps.setString(2, p.brand());
            ps.setString(3, p.defaultDiluent());
            ps.setBigDecimal(4, p.defaultDiluentMl());
            setInt(ps, 5, p.usableHours());
            ps.setString(6, p.storage());
            ps.setBigDecimal(7, p.pointMin());
            ps.setBigDecimal(8, p.pointMax());
            ps.setBigDecimal(9, p.visitMax());
            ps.setBoolean(10, p.speywoodUnits());
            ps.setBoolean(11, p.milkProtein());
            ps.setString(12, p.colour());
            ps.setInt(13, p.reorderLevel());
            ps.setBoolean(14, p.active());
            ps.setBigDecimal(15, p.defaultAmount());
            ps.setString(16, p.defaultDepth() == null ? null : p.defaultDepth().name());
            ps.setString(17, p.defaultTechnique() == null ? null : p.defaultTechnique().name());
            ps.setString(18, p.kind().name());
            ps.setString(19, p.unit().name());
            ps.setBigDecimal(20, p.packSize());
            ps.setString(21, p.packUnit().name());
            Sql.setInstant(ps, 22, now);
            ps.setLong(23, by);
            ps.setLong(24, p.id());
            ps.setInt(25, p.version());
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "product", p.id(), "The product " + p.name(), zone);
            }
        }
    }

    /** Makes {@code gtins} exactly the product's GTINs. The caller has checked that no other product holds one. */
    public void replaceGtins(Connection c, long productId, Collection<String> gtins) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM product_gtin WHERE product_id = ?")) {
            ps.setLong(1, productId);
            ps.executeUpdate();
        }
        linkGtins(c, productId, gtins);
    }

    public void linkGtins(Connection c, long productId, Collection<String> gtins) throws SQLException {
        if (gtins.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO product_gtin (gtin, product_id) VALUES (?, ?)")) {
            for (String g : gtins) {
                ps.setString(1, g);
                ps.setLong(2, productId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Marks the product changed (a GTIN linked): version + 1, so an open edit of it is refused as stale. */
    public void touchProduct(Connection c, long productId, Instant now, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE product SET version = version + 1, updated_at = ?,"
                + " updated_by = ? WHERE id = ?")) {
            Sql.setInstant(ps, 1, now);
            ps.setLong(2, by);
            ps.setLong(3, productId);
            ps.executeUpdate();
        }
    }

    // ----------------------------------------------------------------------------------- lots

    /** Every lot with its stock figures (vials usable at {@code now} count as open), by product and expiry. */
    public List<Lot> lots(Connection c, Instant now) throws SQLException {
        return lotsWhere(c, now, "", " ORDER BY l.product_id, l.expiry, l.lot_number");
    }

    public List<Lot> lotsOf(Connection c, long productId, Instant now) throws SQLException {
        return lotsWhere(c, now, " WHERE l.product_id = ?", " ORDER BY l.expiry, l.lot_number", productId);
    }

    public Optional<Lot> lot(Connection c, long id, Instant now) throws SQLException {
        List<Lot> l = lotsWhere(c, now, " WHERE l.id = ?", "", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The lots of {@code ids} (unknown ones left out), in one statement: one round trip to a clinic server. */
    public List<Lot> lotsByIds(Connection c, Collection<Long> ids, Instant now) throws SQLException {
        Long[] wanted = distinct(ids);
        return wanted.length == 0 ? List.of() : lotsWhere(c, now, " WHERE l.id = ANY(?)", " ORDER BY l.id", (Object) wanted);
    }

    private static Long[] distinct(Collection<Long> ids) {
        return ids.stream().filter(java.util.Objects::nonNull).distinct().sorted().toArray(Long[]::new);
    }

    public Optional<Lot> lotByNumber(Connection c, long productId, String lotNumber, Instant now) throws SQLException {
        List<Lot> l = lotsWhere(c, now, " WHERE l.product_id = ? AND l.lot_number = ?", "", productId, lotNumber);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /**
     * Lots whose number is {@code typed} whatever its case, then those it begins, up to {@code limit}:
     * exact matches first, each group by lot number and product.
     */
    public List<Lot> findLots(Connection c, String typed, int limit, Instant now) throws SQLException {
        String key = typed.toUpperCase(Locale.ROOT);
        return lotsWhere(c, now, " WHERE l.lot_key LIKE ? ESCAPE '\\'",
                " ORDER BY CASE WHEN l.lot_key = ? THEN 0 ELSE 1 END, l.lot_key, l.product_id LIMIT " + limit,
                Sql.likePrefix(key), key);
    }

    private List<Lot> lotsWhere(Connection c, Instant now, String where, String order, Object... args) throws SQLException {
        List<Lot> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(LOT_SELECT + where + order)) {
            Sql.setInstant(ps, 1, now);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 2, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(lot(rs));
                }
            }
        }
        return out;
    }

    private static Lot lot(ResultSet rs) throws SQLException {
        return new Lot(rs.getLong("id"), rs.getLong("product_id"), rs.getString("lot_number"), Sql.getDate(rs, "expiry"),
                LotStatus.valueOf(rs.getString("status")), Sql.getDate(rs, "received_on"), rs.getInt("received"),
                rs.getInt("on_hand"), rs.getInt("open_vials"), rs.getString("status_reason"),
                rs.getString("status_by_name"), Sql.getDate(rs, "status_on"), rs.getInt("version"));
    }

    /** Locks the lot's row until the transaction ends, so two stock changes of one lot run one after the other. */
    public void lockLot(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM lot WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            ps.executeQuery().close();
        }
    }

    public long insertLot(Connection c, long productId, String lotNumber, LocalDate expiry, LocalDate receivedOn,
                          Instant now, Long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lot (product_id, lot_number, expiry, received_on,"
                + " created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, productId);
            ps.setString(2, lotNumber);
            Sql.setDate(ps, 3, expiry);
            Sql.setDate(ps, 4, receivedOn);
            Sql.setInstant(ps, 5, now);
            Sql.setLong(ps, 6, by);
            Sql.setInstant(ps, 7, now);
            Sql.setLong(ps, 8, by);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    /** Sets the stored status with its reason if nobody changed the lot since {@code version}. */
    public void setLotStatus(Connection c, long id, int version, LotStatus status, String reason, Instant now,
                             LocalDate day, long by, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE lot SET status = ?, status_reason = ?, status_at = ?,"
                + " status_on = ?, status_by = ?, version = version + 1, updated_at = ?, updated_by = ?"
                + " WHERE id = ? AND version = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, reason);
            Sql.setInstant(ps, 3, now);
            Sql.setDate(ps, 4, day);
            ps.setLong(5, by);
            Sql.setInstant(ps, 6, now);
            ps.setLong(7, by);
            ps.setLong(8, id);
            ps.setInt(9, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "lot", id, "This lot", zone);
            }
        }
    }

    // ------------------------------------------------------------------------------- receipts

    public long insertReceipt(Connection c, long lotId, ReceiptDraft d, String gtin, Instant now, long by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO receipt (lot_id, gtin, serial, production_date,"
                + " quantity, supplier, invoice, received_on, received_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, lotId);
            ps.setString(2, gtin);
            ps.setString(3, d.serial());
            Sql.setDate(ps, 4, d.productionDate());
            ps.setInt(5, d.quantity());
            ps.setString(6, d.supplier());
            ps.setString(7, d.invoice());
            Sql.setDate(ps, 8, d.receivedOn());
            ps.setLong(9, by);
            Sql.setInstant(ps, 10, now);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    private static final String RECEIPT_SELECT = "SELECT r.*, u.full_name FROM receipt r"
            + " LEFT JOIN app_user u ON u.id = r.received_by";

    public List<Receipt> receipts(Connection c, long lotId) throws SQLException {
        return receiptsWhere(c, " WHERE r.lot_id = ? ORDER BY r.id", lotId);
    }

    public Optional<Receipt> receipt(Connection c, long id) throws SQLException {
        List<Receipt> r = receiptsWhere(c, " WHERE r.id = ?", id);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    /** The receipt of a serialised pack, if it was received before. */
    public Optional<Receipt> receiptOfSerial(Connection c, String gtin, String serial) throws SQLException {
        List<Receipt> r = receiptsWhere(c, " WHERE r.gtin = ? AND r.serial = ?", gtin, serial);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    private List<Receipt> receiptsWhere(Connection c, String where, Object... args) throws SQLException {
        List<Receipt> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RECEIPT_SELECT + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Receipt(rs.getLong("id"), rs.getLong("lot_id"), rs.getString("gtin"),
                            rs.getString("serial"), Sql.getDate(rs, "production_date"), rs.getInt("quantity"),
                            rs.getString("supplier"), rs.getString("invoice"), Sql.getDate(rs, "received_on"),
                            Sql.getLong(rs, "received_by"), rs.getString("full_name"), Sql.getInstant(rs, "created_at")));
                }
            }
        }
        return out;
    }

    // --------------------------------------------------------------------------------- ledger

    /** Appends a ledger row. */
    public long insertLedger(Connection c, long lotId, LedgerKind kind, int quantity, Integer counted, String reason,
                             Long receiptId, Long visitId, Long vialId, Instant now, Long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO stock_ledger (lot_id, kind, quantity, counted, reason,"
                + " receipt_id, visit_id, vial_id, at, by_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, lotId);
            ps.setString(2, kind.name());
            ps.setInt(3, quantity);
            setInt(ps, 4, counted);
            ps.setString(5, reason);
            Sql.setLong(ps, 6, receiptId);
            Sql.setLong(ps, 7, visitId);
            Sql.setLong(ps, 8, vialId);
            Sql.setInstant(ps, 9, now);
            Sql.setLong(ps, 10, by);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    /** Packs on hand: the SUM of the lot's ledger. */
    public int onHand(Connection c, long lotId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(quantity), 0) FROM stock_ledger WHERE lot_id = ?")) {
            ps.setLong(1, lotId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The lot's ledger in the order it was written, each entry with the balance after it. */
    public List<LedgerEntry> ledger(Connection c, long lotId) throws SQLException {
        List<LedgerEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.*, u.full_name FROM stock_ledger s"
                + " LEFT JOIN app_user u ON u.id = s.by_user WHERE s.lot_id = ? ORDER BY s.id")) {
            ps.setLong(1, lotId);
            try (ResultSet rs = ps.executeQuery()) {
                int balance = 0;
                while (rs.next()) {
                    int q = rs.getInt("quantity");
                    balance += q;
                    int counted = rs.getInt("counted");
                    Integer cnt = rs.wasNull() ? null : counted;
                    out.add(new LedgerEntry(rs.getLong("id"), lotId, LedgerKind.valueOf(rs.getString("kind")), q, cnt,
                            rs.getString("reason"), Sql.getLong(rs, "receipt_id"), Sql.getLong(rs, "visit_id"),
                            Sql.getLong(rs, "vial_id"), Sql.getInstant(rs, "at"), Sql.getLong(rs, "by_user"),
                            rs.getString("full_name"), balance));
                }
            }
        }
        return out;
    }

    /** Packs already deducted (a positive number) for the visit's points of the lot charted without a vial. */
    public int usedWithoutVial(Connection c, long visitId, long lotId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(-SUM(quantity), 0) FROM stock_ledger"
                + " WHERE visit_id = ? AND lot_id = ? AND kind = 'USED' AND vial_id IS NULL")) {
            ps.setLong(1, visitId);
            ps.setLong(2, lotId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // ---------------------------------------------------------------------------------- vials

    public long insertVial(Connection c, long lotId, String diluent, BigDecimal volumeMl, Instant openedAt,
                           Instant usableUntil, long by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vial (lot_id, diluent, volume_ml, opened_at, opened_by,"
                + " usable_until, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, lotId);
            ps.setString(2, diluent);
            ps.setBigDecimal(3, volumeMl);
            Sql.setInstant(ps, 4, openedAt);
            ps.setLong(5, by);
            Sql.setInstant(ps, 6, usableUntil);
            Sql.setInstant(ps, 7, openedAt);
            ps.setLong(8, by);
            ps.executeUpdate();
            return Sql.generatedKey(ps);
        }
    }

    public Optional<Vial> vial(Connection c, long id) throws SQLException {
        List<Vial> v = vialsWhere(c, " WHERE v.id = ?", id);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The vials of {@code ids} (unknown ones left out), in one statement. */
    public List<Vial> vialsByIds(Connection c, Collection<Long> ids) throws SQLException {
        Long[] wanted = distinct(ids);
        return wanted.length == 0 ? List.of() : vialsWhere(c, " WHERE v.id = ANY(?) ORDER BY v.id", (Object) wanted);
    }

    /** Vials not discarded (also those past their usable hours, which show flagged), oldest first; all products when null. */
    public List<Vial> openVials(Connection c, Long productId) throws SQLException {
        return productId == null ? vialsWhere(c, " WHERE v.discarded_at IS NULL ORDER BY v.opened_at, v.id")
                : vialsWhere(c, " WHERE v.discarded_at IS NULL AND l.product_id = ? ORDER BY v.opened_at, v.id", productId);
    }

    public List<Vial> vialsOfLot(Connection c, long lotId) throws SQLException {
        return vialsWhere(c, " WHERE v.lot_id = ? ORDER BY v.opened_at, v.id", lotId);
    }

    private List<Vial> vialsWhere(Connection c, String where, Object... args) throws SQLException {
        List<Vial> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(VIAL_SELECT + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal volume = rs.getBigDecimal("volume_ml");
                    out.add(new Vial(rs.getLong("id"), rs.getLong("lot_id"), rs.getLong("product_id"),
                            rs.getString("lot_number"), rs.getString("product_name"), rs.getString("diluent"), volume,
                            Concentration.of(rs.getBigDecimal("pack_size"), PackUnit.valueOf(rs.getString("pack_unit")), volume),
                            Sql.getInstant(rs, "opened_at"), rs.getString("opened_name"), Sql.getInstant(rs, "usable_until"),
                            Sql.getLong(rs, "first_used_visit_id"), Sql.getInstant(rs, "discarded_at"),
                            rs.getString("discarded_name"), rs.getString("discard_reason"), rs.getInt("version")));
                }
            }
        }
        return out;
    }

    /**
     * Records the visit whose signature deducted the vial's pack; false when a visit already did, or
     * when the vial left the stock as waste (discarded before a signed chart used it).
     */
    public boolean markVialUsed(Connection c, long vialId, long visitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vial SET first_used_visit_id = ?"
                + " WHERE id = ? AND first_used_visit_id IS NULL AND NOT EXISTS (SELECT 1 FROM stock_ledger s"
                + " WHERE s.vial_id = ? AND s.kind = 'WASTED')")) {
            ps.setLong(1, visitId);
            ps.setLong(2, vialId);
            ps.setLong(3, vialId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Whether any injection point (a draft's or a signed visit's) was charted from the vial. */
    public boolean vialCharted(Connection c, long vialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM injection_point WHERE vial_id = ? LIMIT 1")) {
            ps.setLong(1, vialId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void discardVial(Connection c, long id, int version, String reason, Instant now, long by, ZoneId zone)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE vial SET discarded_at = ?, discarded_by = ?,"
                + " discard_reason = ?, version = version + 1, updated_at = ?, updated_by = ?"
                + " WHERE id = ? AND version = ? AND discarded_at IS NULL")) {
            Sql.setInstant(ps, 1, now);
            ps.setLong(2, by);
            ps.setString(3, reason);
            Sql.setInstant(ps, 4, now);
            ps.setLong(5, by);
            ps.setLong(6, id);
            ps.setInt(7, version);
            if (ps.executeUpdate() == 0) {
                throw Versions.stale(c, "vial", id, "This vial", zone);
            }
        }
    }

    public void insertOverride(Connection c, long vialId, long visitId, String reason, Instant now, long by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO vial_override (vial_id, visit_id, reason, created_at,"
                + " created_by) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, vialId);
            ps.setLong(2, visitId);
            ps.setString(3, reason);
            Sql.setInstant(ps, 4, now);
            ps.setLong(5, by);
            ps.executeUpdate();
        }
    }

    /** The vials charted past their usable hours by override on this visit. */
    public Set<Long> overriddenVials(Connection c, long visitId) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT vial_id FROM vial_override WHERE visit_id = ?")) {
            ps.setLong(1, visitId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    // --------------------------------------------------------------------------------- recall

    /**
     * Every point of a lot with its visit, injector and patient: the recall list's one query. It reads
     * the points through the index on injection_point.lot_id, then each visit and patient by primary
     * key (the bench prints H2's plan).
     */
    public static final String RECALL_POINTS = "SELECT ip.visit_id, ip.region, ip.side, ip.amount, ip.amount_unit,"
            + " ip.vial_id, ip.addendum_id, v.patient_id, v.started_at, v.status, i.full_name, i.title,"
            + " p.chart_number, p.first_name, p.last_name, p.birth_date, p.mobile_phone, p.other_phone, p.email"
            + " FROM injection_point ip JOIN visit v ON v.id = ip.visit_id JOIN patient p ON p.id = v.patient_id"
            + " JOIN app_user i ON i.id = v.injector_id WHERE ip.lot_id = ?"
            + " ORDER BY p.last_name, p.first_name, p.id, v.started_at, v.id, ip.addendum_id NULLS FIRST, ip.seq";

    /**
     * Every patient with a point of the lot: contact details, visits (oldest first) and points, the
     * patients by name. Visit days are taken in {@code zone}.
     */
    public List<RecallList.Patient> recallPatients(Connection c, long lotId, ZoneId zone) throws SQLException {
        record Row(long patientId, long chart, String first, String last, LocalDate birth, String mobile, String other,
                   String email) {
        }
        Map<Long, Row> patients = new LinkedHashMap<>();
        Map<Long, Map<Long, RecallList.Visit>> visits = new LinkedHashMap<>();
        Map<Long, List<RecallList.Point>> points = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(RECALL_POINTS)) {
            ps.setLong(1, lotId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long patientId = rs.getLong(8);
                    long visitId = rs.getLong(1);
                    patients.computeIfAbsent(patientId, k -> {
                        try {
                            return new Row(patientId, rs.getLong(13), rs.getString(14), rs.getString(15),
                                    rs.getObject(16, LocalDate.class), rs.getString(17), rs.getString(18), rs.getString(19));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    Map<Long, RecallList.Visit> ofPatient = visits.computeIfAbsent(patientId, k -> new LinkedHashMap<>());
                    if (!ofPatient.containsKey(visitId)) {
                        Instant started = Sql.getInstant(rs, "started_at");
                        String title = rs.getString(12);
                        String injector = (title == null || title.isBlank() ? "" : title + " ") + rs.getString(11);
                        ofPatient.put(visitId, new RecallList.Visit(visitId, started, started.atZone(zone).toLocalDate(),
                                VisitStatus.valueOf(rs.getString(10)), injector, List.of()));
                    }
                    points.computeIfAbsent(visitId, k -> new ArrayList<>()).add(new RecallList.Point(
                            Region.valueOf(rs.getString(2)), Side.valueOf(rs.getString(3)), rs.getBigDecimal(4),
                            Unit.valueOf(rs.getString(5)), Sql.getLong(rs, "vial_id"), Sql.getLong(rs, "addendum_id")));
                }
            }
        }
        List<RecallList.Patient> out = new ArrayList<>();
        for (Row r : patients.values()) {
            List<RecallList.Visit> vs = visits.get(r.patientId()).values().stream()
                    .map(v -> new RecallList.Visit(v.visitId(), v.startedAt(), v.date(), v.status(), v.injectorName(),
                            points.get(v.visitId()))).toList();
            out.add(new RecallList.Patient(r.patientId(), r.chart(), r.first(), r.last(), r.birth(), r.mobile(), r.other(),
                    r.email(), vs));
        }
        return out;
    }

    /** The patients with a point of the lot (signed or draft), each once, in id order. */
    public List<Long> recallPatientIds(Connection c, long lotId) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT v.patient_id FROM injection_point ip"
                + " JOIN visit v ON v.id = ip.visit_id WHERE ip.lot_id = ? ORDER BY v.patient_id")) {
            ps.setLong(1, lotId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** A recall notice per patient who has none for this lot yet; returns how many were made. */
    public int insertRecallNotices(Connection c, long lotId, List<Long> patientIds, Instant now, long by)
            throws SQLException {
        Set<Long> have = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT patient_id FROM recall_notice WHERE lot_id = ?")) {
            ps.setLong(1, lotId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    have.add(rs.getLong(1));
                }
            }
        }
        List<Long> fresh = patientIds.stream().filter(id -> !have.contains(id)).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO recall_notice (lot_id, patient_id, created_at,"
                + " created_by, updated_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Long id : fresh) {
                ps.setLong(1, lotId);
                ps.setLong(2, id);
                Sql.setInstant(ps, 3, now);
                ps.setLong(4, by);
                Sql.setInstant(ps, 5, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return fresh.size();
    }

    /** Recall notices, newest first: of one lot, or of all lots when null; only those without a task when asked. */
    public List<RecallNotice> recallNotices(Connection c, Long lotId, boolean pendingOnly) throws SQLException {
        List<String> where = new ArrayList<>();
        if (lotId != null) {
            where.add("n.lot_id = ?");
        }
        if (pendingOnly) {
            where.add("n.task_created = FALSE");
        }
        List<RecallNotice> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.*, l.lot_number, pr.name AS product_name, p.chart_number,"
                + " p.first_name, p.last_name FROM recall_notice n JOIN lot l ON l.id = n.lot_id"
                + " JOIN product pr ON pr.id = l.product_id JOIN patient p ON p.id = n.patient_id"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY n.created_at DESC, p.last_name, p.first_name, n.id")) {
            if (lotId != null) {
                ps.setLong(1, lotId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RecallNotice(rs.getLong("id"), rs.getLong("lot_id"), rs.getString("lot_number"),
                            rs.getString("product_name"), rs.getLong("patient_id"), rs.getLong("chart_number"),
                            rs.getString("last_name") + ", " + rs.getString("first_name"), Sql.getInstant(rs, "created_at"),
                            rs.getBoolean("task_created"), rs.getInt("version")));
                }
            }
        }
        return out;
    }

    /**
     * For the follow-up work, inside its own transaction (a {@link LotRecallListener} or later):
     * the notice's call task exists. Returns false when the notice was already marked.
     */
    public boolean markRecallTaskCreated(Connection c, long lotId, long patientId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE recall_notice SET task_created = TRUE,"
                + " version = version + 1, updated_at = ? WHERE lot_id = ? AND patient_id = ? AND task_created = FALSE")) {
            Sql.setInstant(ps, 1, now);
            ps.setLong(2, lotId);
            ps.setLong(3, patientId);
            return ps.executeUpdate() == 1;
        }
    }

    // ---------------------------------------------------------------------------------- check

    @Override
    public Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("products", Sql.count(c, "SELECT COUNT(*) FROM product"));
        m.put("lots", Sql.count(c, "SELECT COUNT(*) FROM lot"));
        m.put("receipts", Sql.count(c, "SELECT COUNT(*) FROM receipt"));
        m.put("ledger entries", Sql.count(c, "SELECT COUNT(*) FROM stock_ledger"));
        m.put("vials", Sql.count(c, "SELECT COUNT(*) FROM vial"));
        m.put("recall notices", Sql.count(c, "SELECT COUNT(*) FROM recall_notice"));
        return m;
    }

    @Override
    public List<String> problems(Connection c) throws SQLException {
        List<String> p = new ArrayList<>();
        long guards = Sql.count(c, "SELECT COUNT(DISTINCT TRIGGER_NAME) FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME IN"
                + " ('STOCK_LEDGER_NO_UPDATE', 'STOCK_LEDGER_NO_DELETE', 'RECEIPT_NO_UPDATE', 'RECEIPT_NO_DELETE')");
        if (guards < 4) {
            p.add("stock: the append-only guards of the stock ledger and receipts are missing");
        }
        long overrideGuards = Sql.count(c, "SELECT COUNT(DISTINCT TRIGGER_NAME) FROM INFORMATION_SCHEMA.TRIGGERS WHERE"
                + " TRIGGER_NAME IN ('VIAL_OVERRIDE_NO_UPDATE', 'VIAL_OVERRIDE_NO_DELETE')");
        if (overrideGuards < 2) {
            p.add("stock: the append-only guards of the vial overrides are missing");
        }
        // the ledger's sums against the lots: every pack received is in the books once, and every stock
        // count's entry brings the lot's balance to what was counted (writers of a lot's entries lock the
        // lot first, so its entries are in the order they were committed)
        long strayReceived = Sql.count(c, "SELECT COUNT(*) FROM stock_ledger s LEFT JOIN receipt r ON r.id = s.receipt_id"
                + " WHERE s.kind = 'RECEIVED' AND (r.id IS NULL OR r.lot_id <> s.lot_id OR r.quantity <> s.quantity)");
        if (strayReceived > 0) {
            p.add("stock: " + strayReceived + " RECEIVED ledger entr(ies) that do not match a receipt of their lot");
        }
        long twice = Sql.count(c, "SELECT COUNT(*) FROM (SELECT receipt_id FROM stock_ledger WHERE kind = 'RECEIVED'"
                + " GROUP BY receipt_id HAVING COUNT(*) > 1)");
        if (twice > 0) {
            p.add("stock: " + twice + " receipt(s) booked into the ledger more than once");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT l.lot_number, a.id, a.counted, (SELECT SUM(s.quantity)"
                + " FROM stock_ledger s WHERE s.lot_id = a.lot_id AND s.id <= a.id) FROM stock_ledger a JOIN lot l ON l.id = a.lot_id"
                + " WHERE a.kind = 'ADJUSTED' AND a.counted <> (SELECT SUM(s.quantity) FROM stock_ledger s"
                + " WHERE s.lot_id = a.lot_id AND s.id <= a.id) ORDER BY a.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                p.add("stock: lot " + rs.getString(1) + ": the stock count of entry " + rs.getLong(2) + " counted "
                        + rs.getInt(3) + " packs, but the ledger adds up to " + rs.getInt(4) + " there");
            }
        }
        long undeducted = Sql.count(c, "SELECT COUNT(*) FROM (SELECT DISTINCT ip.visit_id, ip.lot_id FROM injection_point ip"
                + " JOIN visit v ON v.id = ip.visit_id WHERE v.status = 'SIGNED' AND ip.lot_id IS NOT NULL AND ip.vial_id IS NULL) u"
                + " WHERE NOT EXISTS (SELECT 1 FROM stock_ledger s WHERE s.kind = 'USED' AND s.visit_id = u.visit_id"
                + " AND s.lot_id = u.lot_id AND s.vial_id IS NULL)");
        if (undeducted > 0) {
            p.add("stock: " + undeducted + " lot(s) used by signed visits without their USED ledger entry");
        }
        long undeductedVials = Sql.count(c, "SELECT COUNT(DISTINCT ip.vial_id) FROM injection_point ip JOIN visit v"
                + " ON v.id = ip.visit_id WHERE v.status = 'SIGNED' AND ip.vial_id IS NOT NULL AND NOT EXISTS (SELECT 1"
                + " FROM stock_ledger s WHERE s.vial_id = ip.vial_id AND s.kind IN ('USED', 'WASTED'))");
        if (undeductedVials > 0) {
            p.add("stock: " + undeductedVials + " vial(s) charted by signed visits without their USED ledger entry");
        }
        long unbooked = Sql.count(c, "SELECT COUNT(*) FROM receipt r WHERE NOT EXISTS (SELECT 1 FROM stock_ledger s"
                + " WHERE s.receipt_id = r.id AND s.kind = 'RECEIVED' AND s.quantity = r.quantity AND s.lot_id = r.lot_id)");
        if (unbooked > 0) {
            p.add("stock: " + unbooked + " receipt(s) without their RECEIVED ledger entry");
        }
        long draftUse = Sql.count(c, "SELECT COUNT(*) FROM stock_ledger s JOIN visit v ON v.id = s.visit_id"
                + " WHERE s.kind = 'USED' AND v.status <> 'SIGNED'");
        if (draftUse > 0) {
            p.add("stock: " + draftUse + " USED ledger entr(ies) of visits that are not signed");
        }
        long wrongVial = Sql.count(c, "SELECT COUNT(*) FROM injection_point ip JOIN vial v ON v.id = ip.vial_id"
                + " WHERE ip.lot_id IS NULL OR v.lot_id <> ip.lot_id");
        if (wrongVial > 0) {
            p.add("stock: " + wrongVial + " injection point(s) charted from a vial of another lot");
        }
        long unreasoned = Sql.count(c, "SELECT COUNT(*) FROM lot WHERE status <> 'ACTIVE' AND status_reason IS NULL");
        if (unreasoned > 0) {
            p.add("stock: " + unreasoned + " quarantined or recalled lot(s) without a reason");
        }
        return p;
    }

    /** Lots whose signed charts used more than the books held: each needs a stock count. */
    @Override
    public List<String> warnings(Connection c) throws SQLException {
        List<String> w = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.lot_number, p.name, SUM(s.quantity) FROM stock_ledger s"
                + " JOIN lot l ON l.id = s.lot_id JOIN product p ON p.id = l.product_id"
                + " GROUP BY l.id, l.lot_number, p.name HAVING SUM(s.quantity) < 0 ORDER BY p.name, l.lot_number");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                w.add("stock: lot " + rs.getString(1) + " of " + rs.getString(2) + " shows " + rs.getInt(3)
                        + " packs on hand (signed charts used more than the books held): count it");
            }
        }
        return w;
    }

    // -------------------------------------------------------------------------------- helpers

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }
}
