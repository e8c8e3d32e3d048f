package org.needlepoint.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.needlepoint.chart.ChartRules;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.chart.Depth;
import org.needlepoint.chart.Technique;
import org.needlepoint.chart.Visit;
import org.needlepoint.clinic.ClinicStore;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.Text;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.store.Database;

/**
 * Product lots: the catalogue, receiving packs (from a scanned GS1 code or typed), stock kept as an
 * append-only ledger of whole packs, lot states, reconstituted vials, and recall.
 *
 * <p><b>Stock.</b> A lot's packs on hand are the SUM of its ledger: RECEIVED (+, each receipt), USED
 * (-, written by {@link StockDeduction} inside a chart's signing transaction), WASTED (-, with a
 * reason) and ADJUSTED (+/-, from a stock count: the person enters what they counted, the entry
 * records the difference, with a reason). Nothing edits a quantity. Waste that would take the books
 * below zero is refused; a signed chart is the truth of what was injected, so its use is recorded
 * even past zero, and the lot then shows a negative balance ({@link Lot#needsCount}) until a count
 * corrects it ({@code check} warns about such lots).
 *
 * <p><b>Lot states.</b> Stored ACTIVE, QUARANTINED or RECALLED (with reason, who and when); EXPIRED
 * and DEPLETED are derived on the day ({@link Lot#state}). Quarantine and release by INJECTOR or
 * ADMIN; RECALLED is final ({@link #markRecalled}).
 *
 * <p><b>Vials.</b> Opening a toxin or Sculptra vial records diluent, volume, when and who; the
 * concentration is computed ({@link Concentration}); the vial is usable until opened-at + the
 * product's usable hours, after which charting from it needs an override recorded per vial and
 * visit ({@link #overrideVialExpiry}). Its pack leaves the stock the first time a signed chart uses
 * it (once, however many patients share it), or as waste when it is discarded before any did.
 *
 * <p><b>Recall.</b> {@link #recallList} lists every patient, visit, point and amount of a lot (signed
 * visits and drafts, drafts marked) with contact details. {@link #markRecalled} blocks the lot, writes
 * a {@code recall_notice} per affected patient (the durable record of who must be called) and calls
 * the {@link LotRecallListener}s in the same transaction: the follow-up work creates each call task
 * there and marks the notice ({@link InventoryStore#markRecallTaskCreated}).
 *
 * <p><b>Who may do what.</b> Any staff reads the catalogue, stock, vials and recall lists, receives
 * packs, records waste and stock counts. INJECTOR and ADMIN open, discard and override vials, link a
 * GTIN, quarantine, release and recall lots. ADMIN alone edits or adds products and the
 * expiring-soon setting. Every change is one transaction with its audit row; reading a recall list is
 * audited (VIEW), exporting it too (EXPORT).
 */
public final class InventoryService {
    public static final int MAX_RECEIPT = 999;
    public static final int MAX_COUNT = 99_999;
    public static final int MAX_REASON = 500;
    public static final int MAX_LOT_NUMBER = 20;
    public static final int MAX_SERIAL = 20;
    public static final int MAX_SUPPLIER = 200;
    public static final int MAX_INVOICE = 100;
    public static final int MAX_DILUENT = 100;
    public static final int MAX_STORAGE = 200;
    public static final BigDecimal MAX_VIAL_ML = new BigDecimal("20");
    /** The largest usual amount per point of a product without a per-point maximum: toxin units. */
    public static final BigDecimal MAX_DEFAULT_U = new BigDecimal("100");
    /** The largest usual amount per point of a product without a per-point maximum: mL of filler or PLLA. */
    public static final BigDecimal MAX_DEFAULT_ML = new BigDecimal("5");
    public static final String EXPIRING_DAYS = "inventory.expiring.days";
    public static final int DEFAULT_EXPIRING_DAYS = 30;
    public static final int FIND_LIMIT = 50;

    /** GS1 AI (10) and (21): up to 20 characters of the GS1 "CSET 82" set. */
    private static final Pattern GS1_TEXT = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM yyyy", Locale.ENGLISH);
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};
    private static final Role[] CLINICAL = {Role.INJECTOR, Role.ADMIN};

    private final Database db;
    private final InventoryStore store;
    private final ChartStore charts;
    private final ClinicStore settings;
    private final Audit audit;
    private final Session session;
    private final Clock clock;
    private final List<LotRecallListener> recallListeners;

    public InventoryService(Database db, InventoryStore store, ChartStore charts, ClinicStore settings, Audit audit,
                            Session session, Clock clock, List<LotRecallListener> recallListeners) {
        this.db = db;
        this.store = store;
        this.charts = charts;
        this.settings = settings;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
        this.recallListeners = List.copyOf(recallListeners);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------ catalogue

    /** The catalogue, toxins first, inactive products included (see {@link Product#active}). Any staff. */
    public List<Product> products() {
        session.require("see products", ANY_STAFF);
        return db.read(store::products);
    }

    public Product product(long id) {
        session.require("see products", ANY_STAFF);
        return db.read(c -> store.product(c, id))
                .orElseThrow(() -> new ValidationException("product", "This product no longer exists."));
    }

    /** The product a GTIN (8-14 digits) belongs to; empty for an unknown or malformed GTIN. Any staff. */
    public Optional<Product> productForGtin(String gtin) {
        session.require("see products", ANY_STAFF);
        String g = Gtin.normaliseOrNull(gtin);
        if (g == null) {
            return Optional.empty();
        }
        return db.read(c -> {
            Optional<Long> id = store.productIdForGtin(c, g);
            return id.isPresent() ? store.product(c, id.get()) : Optional.<Product>empty();
        });
    }

    /**
     * Saves an administrator's edit of a product: name, brand, diluent and its volume, usable hours,
     * storage, limits, the brush's usual amount, depth and technique per point (see
     * {@link #defaultProblems}), Speywood and milk-protein flags, colour, active, reorder level and
     * GTINs (each 8-14 digits with a correct check digit, kept as GTIN-14, none belonging to another
     * product).
     * Kind, charting unit and pack size are what the product is and cannot change (add a product
     * instead). {@code edited.version()} is the version the admin saw. ADMIN only; audited.
     */
    public Product updateProduct(Product edited) {
        User u = session.require("edit products", Role.ADMIN);
        Objects.requireNonNull(edited, "edited");
        Map<String, String> e = productProblems(edited);
        whatProblems(edited, e);
        List<String> gtins = gtins(edited.gtins(), e);
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        Product clean = clean(edited).withGtins(gtins);
        return db.tx(c -> {
            Product before = store.product(c, edited.id())
                    .orElseThrow(() -> new ValidationException("product", "This product no longer exists."));
            boolean kindChanged = before.kind() != edited.kind();
            boolean unitChanged = before.unit() != edited.unit();
            if ((kindChanged || unitChanged || before.packUnit() != edited.packUnit()
                    || before.packSize().compareTo(edited.packSize()) != 0) && store.productReceived(c, edited.id())) {
                throw new ValidationException(kindChanged ? "kind" : unitChanged ? "unit" : "packSize", before.name()
                        + " is a " + before.kind().toString().toLowerCase(Locale.ROOT) + " of "
                        + Amounts.plain(before.packSize()) + " " + before.packUnit() + " per " + before.packWord()
                        + ", charted in " + before.unit().symbol() + ", and lots of it have been received: that cannot"
                        + " change. Add a new product for another kind or pack size.");
            }
            checkNameAndGtins(c, clean, edited.id());
            store.updateProduct(c, clean, clock.instant(), u.id(), clock.getZone());
            if (!new LinkedHashSet<>(before.gtins()).equals(new LinkedHashSet<>(gtins))) {
                store.replaceGtins(c, edited.id(), gtins);
            }
            audit.log(c, Audit.UPDATE, "product", edited.id(), null, "edited " + before.name() + ": " + describe(clean));
            return store.product(c, edited.id()).orElseThrow();
        });
    }

    /**
     * Adds a product to the catalogue (its id and version are ignored): its kind decides the unit it
     * may be charted in ({@link ProductKind#allows}); the brush's usual amount, depth and technique
     * left empty are the kind's ({@link #withKindDefaults}). ADMIN only; audited.
     */
    public Product createProduct(Product draft) {
        User u = session.require("add products", Role.ADMIN);
        Objects.requireNonNull(draft, "draft");
        Product filled = withKindDefaults(draft);
        if (filled.colour() == null) {
            filled = filled.withLook(freeColour(db.read(store::products)), filled.active());
        }
        Map<String, String> e = productProblems(filled);
        whatProblems(filled, e);
        List<String> gtins = gtins(filled.gtins(), e);
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        Product clean = clean(filled).withGtins(gtins);
        return db.tx(c -> {
            checkNameAndGtins(c, clean, null);
            long id = store.insertProduct(c, clean, clock.instant(), u.id());
            audit.log(c, Audit.CREATE, "product", id, null, "added the product " + clean.name() + ": " + describe(clean));
            return store.product(c, id).orElseThrow();
        });
    }

    /**
     * Links a GTIN to a product, so packs carrying it are recognised from now on (the receiving
     * screen asks once when a scanned GTIN is unknown, then sends the receipt again). Refused when
     * the GTIN is malformed or already belongs to a product. INJECTOR or ADMIN; audited.
     */
    public Product linkGtin(String gtin, long productId) {
        User u = session.require("link barcodes to products", CLINICAL);
        String g = Gtin.normaliseOrNull(gtin);
        if (g == null) {
            throw new ValidationException("gtin", "A GTIN has 8, 12, 13 or 14 digits, the last one a correct check digit.");
        }
        return db.tx(c -> {
            Product p = store.product(c, productId)
                    .orElseThrow(() -> new ValidationException("product", "Choose a product from the catalogue."));
            Optional<Long> owner = store.productIdForGtin(c, g);
            if (owner.isPresent()) {
                String name = store.product(c, owner.get()).map(Product::name).orElse("another product");
                throw new ValidationException("gtin", owner.get() == productId ? "The GTIN " + g + " is already linked to "
                        + name + "." : "The GTIN " + g + " belongs to " + name + ", not to " + p.name() + ".");
            }
            store.linkGtins(c, productId, List.of(g));
            store.touchProduct(c, productId, clock.instant(), u.id());
            audit.log(c, Audit.UPDATE, "product", productId, null, "linked the GTIN " + g + " to " + p.name());
            return store.product(c, productId).orElseThrow();
        });
    }

    /**
     * {@code draft} with the kind's usual point where the draft names none: the amount (10 U for a
     * product in Speywood units, else {@link ProductKind#usualAmount}, kept only within the draft's
     * per-point limits), the depth and the technique.
     */
    public static Product withKindDefaults(Product draft) {
        ProductKind k = draft.kind();
        if (k == null || (draft.unit() != null && !k.allows(draft.unit()))) {
            return draft;
        }
        BigDecimal amount = draft.defaultAmount();
        if (amount == null) {
            amount = draft.speywoodUnits() ? BigDecimal.TEN : k.usualAmount();
            if (amount != null && (draft.pointMin() != null && amount.compareTo(draft.pointMin()) < 0
                    || draft.pointMax() != null && amount.compareTo(draft.pointMax()) > 0)) {
                amount = null;
            }
        }
        return draft.withDefaults(amount, draft.defaultDepth() != null ? draft.defaultDepth() : k.usualDepth(),
                draft.defaultTechnique() != null ? draft.defaultTechnique() : k.usualTechnique());
    }

    /** What the product is: a kind, a unit it allows, a pack size above zero in a pack unit. */
    private static void whatProblems(Product p, Map<String, String> e) {
        if (p.kind() == null) {
            e.put("kind", "Choose what kind of product it is.");
        }
        if (p.unit() == null || p.packUnit() == null) {
            e.put("unit", "Choose the charting unit and the pack's unit.");
        } else if (p.kind() != null && !p.kind().allows(p.unit())) {
            e.put("unit", "A " + kindWord(p.kind()) + " is charted in " + p.kind().unit().symbol()
                    + ": toxins in units; PLLA, fillers, CaHA and deoxycholic acid in mL.");
        }
        if (p.packSize() == null || p.packSize().signum() <= 0 || p.packSize().compareTo(Amounts.MAX) > 0
                || Amounts.normal(p.packSize()).scale() > Amounts.SCALE) {
            e.put("packSize", "Enter what one pack holds, above zero, with at most 3 decimals.");
        }
    }

    /** Marker colours offered to a new product: {@link #freeColour} picks the first no product uses. */
    static final List<String> PALETTE = List.of("#2E86C1", "#E67E22", "#27AE60", "#8E44AD", "#C0392B",
            "#16A085", "#D4AC0D", "#7F8C8D", "#E75480", "#1F618D", "#A04000", "#5B2C6F");

    /** The first colour of the palette none of {@code products} uses (else one by their number). */
    public static String freeColour(Collection<Product> products) {
        Set<String> used = products.stream().map(p -> p.colour().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        return PALETTE.stream().filter(c -> !used.contains(c)).findFirst()
                .orElse(PALETTE.get(products.size() % PALETTE.size()));
    }

    /** Whether a lot of the product has been received: its kind, unit and pack are then fixed. Any staff. */
    public boolean productReceived(long productId) {
        session.require("see products", ANY_STAFF);
        return db.read(c -> store.productReceived(c, productId));
    }

    private Map<String, String> productProblems(Product p) {
        Map<String, String> e = new LinkedHashMap<>();
        String name = Text.clean(p.name());
        String brand = Text.clean(p.brand());
        if (name == null || name.length() > 120) {
            e.put("name", "Enter the product's name (at most 120 characters).");
        }
        if (brand == null || brand.length() > 60) {
            e.put("brand", "Enter the brand (at most 60 characters).");
        }
        positive(e, "pointMin", p.pointMin());
        positive(e, "pointMax", p.pointMax());
        positive(e, "visitMax", p.visitMax());
        if (p.pointMin() != null && p.pointMax() != null && p.pointMin().compareTo(p.pointMax()) > 0) {
            e.put("pointMin", "The per-point minimum is above the per-point maximum.");
        }
        if (p.pointMax() != null && p.visitMax() != null && p.pointMax().compareTo(p.visitMax()) > 0) {
            e.put("pointMax", "The per-point maximum is above the per-visit maximum.");
        }
        BigDecimal ml = p.defaultDiluentMl();
        if (ml != null && (ml.signum() <= 0 || ml.compareTo(MAX_VIAL_ML) > 0 || Amounts.normal(ml).scale() > 2)) {
            e.put("defaultDiluentMl", "Enter the usual diluent volume in mL (above 0, at most " + MAX_VIAL_ML
                    + ", 2 decimals), or leave it empty.");
        }
        if (p.usableHours() != null && (p.usableHours() < 1 || p.usableHours() > 24 * 365)) {
            e.put("usableHours", "Enter the hours a reconstituted vial may be used (1 to 8760), or leave it empty.");
        }
        if (p.defaultDiluent() != null && p.defaultDiluent().strip().length() > MAX_DILUENT) {
            e.put("defaultDiluent", "The diluent is at most " + MAX_DILUENT + " characters.");
        }
        if (p.storage() != null && p.storage().strip().length() > MAX_STORAGE) {
            e.put("storage", "The storage text is at most " + MAX_STORAGE + " characters.");
        }
        if (p.colour() == null || !COLOUR.matcher(p.colour()).matches()) {
            e.put("colour", "Use a colour like #2E86C1.");
        }
        if (p.reorderLevel() < 0 || p.reorderLevel() > 9999) {
            e.put("reorderLevel", "Enter the reorder level in packs (0 to 9999; 0 = never).");
        }
        defaultProblems(p, e);
        return e;
    }

    /**
     * The brush's usual point, when given: an amount above zero in the product's charting unit with
     * at most 3 decimals, within its per-point limits when it has them (and they are consistent), at most
     * {@link #MAX_DEFAULT_U} U or {@link #MAX_DEFAULT_ML} mL, and a depth and technique the kind of
     * product is injected with ({@link ChartRules#depthsFor}, {@link ChartRules#techniquesFor}).
     */
    private static void defaultProblems(Product p, Map<String, String> e) {
        BigDecimal a = p.defaultAmount();
        String unit = p.unit() == null ? "" : " " + p.unit().symbol();
        if (a != null) {
            BigDecimal cap = p.unit() == Unit.ML ? MAX_DEFAULT_ML : MAX_DEFAULT_U;
            if (a.signum() <= 0 || Amounts.normal(a).scale() > Amounts.SCALE) {
                e.put("defaultAmount", "Enter the usual amount per point above zero, with at most 3 decimals, or leave it"
                        + " empty.");
            } else if (!e.containsKey("pointMin") && !e.containsKey("pointMax")
                    && (p.pointMin() != null && a.compareTo(p.pointMin()) < 0
                    || p.pointMax() != null && a.compareTo(p.pointMax()) > 0)) {
                e.put("defaultAmount", "The usual amount per point (" + Amounts.plain(a) + unit + ") lies outside this"
                        + " product's per-point limits (" + (p.pointMin() == null ? "no minimum" : Amounts.plain(p.pointMin()))
                        + " to " + (p.pointMax() == null ? "no maximum" : Amounts.plain(p.pointMax()) + unit) + ").");
            } else if (a.compareTo(cap) > 0) {
                e.put("defaultAmount", "The usual amount per point is at most " + Amounts.plain(cap) + unit + ".");
            }
        }
        if (p.kind() != null && p.defaultDepth() != null && !ChartRules.depthsFor(p.kind()).contains(p.defaultDepth())) {
            e.put("defaultDepth", p.defaultDepth() + " is not a usual depth for a " + kindWord(p.kind()) + ": choose "
                    + ChartRules.depthsFor(p.kind()).stream().map(Depth::toString).map(s -> s.toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (p.kind() != null && p.defaultTechnique() != null
                && !ChartRules.techniquesFor(p.kind()).contains(p.defaultTechnique())) {
            e.put("defaultTechnique", p.defaultTechnique() + " is not a usual technique for a " + kindWord(p.kind())
                    + ": choose " + ChartRules.techniquesFor(p.kind()).stream().map(Technique::toString)
                    .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ".");
        }
    }

    private static String kindWord(ProductKind kind) {
        return switch (kind) {
            case TOXIN -> "toxin";
            case BIOSTIMULATOR -> "PLLA biostimulator";
            case HA_FILLER -> "HA filler";
            case CAHA -> "calcium hydroxylapatite";
            case DEOXYCHOLIC -> "deoxycholic acid";
            case OTHER -> "product of another kind";
        };
    }

    private static void positive(Map<String, String> e, String field, BigDecimal v) {
        if (v != null && (v.signum() <= 0 || v.compareTo(Amounts.MAX) > 0 || Amounts.normal(v).scale() > Amounts.SCALE)) {
            e.put(field, "Enter an amount above zero with at most 3 decimals, or leave it empty for no limit.");
        }
    }

    /** The GTINs as GTIN-14s, each once; a malformed one is reported in {@code e}. */
    private static List<String> gtins(List<String> typed, Map<String, String> e) {
        List<String> out = new ArrayList<>();
        for (String t : typed) {
            if (Text.isBlank(t)) {
                continue;
            }
            String g = Gtin.normaliseOrNull(t);
            if (g == null) {
                e.put("gtins", "\"" + t.strip() + "\" is not a GTIN: it has 8, 12, 13 or 14 digits, the last a correct"
                        + " check digit.");
            } else if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    private static Product clean(Product p) {
        return new Product(p.id(), Text.clean(p.name()), Text.clean(p.brand()), p.kind(), p.unit(), p.packSize(),
                p.packUnit(), Text.clean(p.defaultDiluent()), p.defaultDiluentMl(), p.usableHours(), Text.clean(p.storage()),
                p.pointMin(), p.pointMax(), p.visitMax(), p.defaultAmount(), p.defaultDepth(), p.defaultTechnique(),
                p.speywoodUnits(), p.milkProtein(), p.colour().toUpperCase(Locale.ROOT),
                p.reorderLevel(), p.gtins(), p.active(), p.version());
    }

    private void checkNameAndGtins(Connection c, Product p, Long exceptId) throws SQLException {
        if (store.productNameTaken(c, p.name(), exceptId)) {
            throw new ValidationException("name", "A product named " + p.name() + " already exists.");
        }
        for (String g : p.gtins()) {
            Optional<Long> owner = store.productIdForGtin(c, g);
            if (owner.isPresent() && !owner.get().equals(exceptId)) {
                String name = store.product(c, owner.get()).map(Product::name).orElse("another product");
                throw new ValidationException("gtins", "The GTIN " + g + " belongs to " + name
                        + ": a GTIN names one product.");
            }
        }
    }

    private static String describe(Product p) {
        return "point " + Amounts.plain(p.pointMin()) + "-" + Amounts.plain(p.pointMax()) + ", visit max "
                + Amounts.plain(p.visitMax()) + ", diluent " + Amounts.plain(p.defaultDiluentMl()) + " mL"
                + ", usable " + (p.usableHours() == null ? "-" : p.usableHours() + " h") + ", reorder at "
                + p.reorderLevel() + ", GTINs " + String.join(" ", p.gtins()) + ", active " + p.active()
                + ", usual point " + (p.defaultAmount() == null ? "-" : p.unit().format(p.defaultAmount())) + " "
                + (p.defaultDepth() == null ? "-" : p.defaultDepth().toString().toLowerCase(Locale.ROOT)) + " "
                + (p.defaultTechnique() == null ? "-" : p.defaultTechnique().toString().toLowerCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------------------ receiving

    /**
     * Takes packs into stock: one receipt row, one RECEIVED ledger entry and an audit row, in one
     * transaction. The GTIN picks the product (or the product chosen by hand, for a pack without a
     * barcode); the same product and lot number again is another receipt of the existing lot. Any staff;
     * the signed-in user is recorded as receiving.
     *
     * <p>Refused, with nothing saved: a GTIN no product has ({@link UnknownGtinException}: link it,
     * then send the receipt again); a malformed GTIN, lot number or serial; no expiry, or an expiry
     * already past; a lot on record with another expiry; a recalled lot; a serial already received
     * for this GTIN ("This pack (serial ...) was already received on ... by ..."); a quantity outside
     * 1-{@value #MAX_RECEIPT}; a receipt date in the future; an inactive product.
     */
    public ReceiveResult receive(ReceiptDraft d) {
        User u = session.require("receive stock", ANY_STAFF);
        Objects.requireNonNull(d, "draft");
        LocalDate today = today();
        Map<String, String> e = new LinkedHashMap<>();
        String gtin = null;
        if (d.gtin() != null) {
            gtin = Gtin.normaliseOrNull(d.gtin());
            if (gtin == null) {
                e.put("gtin", "A GTIN has 8, 12, 13 or 14 digits, the last one a correct check digit: scan the pack"
                        + " again or check what was typed.");
            }
        } else if (d.productId() == null) {
            e.put("gtin", "Scan the pack's barcode, type its GTIN, or choose the product.");
        }
        if (d.lotNumber() == null) {
            e.put("lotNumber", "Enter the lot number printed on the pack.");
        } else if (d.lotNumber().length() > MAX_LOT_NUMBER) {
            e.put("lotNumber", "A lot number has at most " + MAX_LOT_NUMBER + " characters.");
        } else if (!GS1_TEXT.matcher(d.lotNumber()).matches()) {
            e.put("lotNumber", "A lot number uses letters, digits and ! \" % & ' ( ) * + , - . / : ; < = > ? _ only.");
        }
        if (d.expiry() == null) {
            e.put("expiry", "Enter the expiry date printed on the pack.");
        } else if (d.expiry().isBefore(today)) {
            e.put("expiry", "This lot expired on " + DAY.format(d.expiry()) + ": an expired lot cannot be received."
                    + " Return it to the supplier.");
        }
        if (d.serial() != null) {
            if (d.serial().length() > MAX_SERIAL || !GS1_TEXT.matcher(d.serial()).matches()) {
                e.put("serial", "A serial number has 1 to " + MAX_SERIAL + " letters, digits or GS1 punctuation.");
            } else if (d.gtin() == null) {
                e.put("serial", "A serial number belongs to a GTIN: scan the pack or enter its GTIN too.");
            }
        }
        if (d.productionDate() != null && (d.productionDate().isAfter(today)
                || (d.expiry() != null && d.productionDate().isAfter(d.expiry())))) {
            e.put("productionDate", "The production date is after " + (d.productionDate().isAfter(today) ? "today."
                    : "the expiry date."));
        }
        if (d.quantity() < 1 || d.quantity() > MAX_RECEIPT) {
            e.put("quantity", "Enter the number of packs received (1 to " + MAX_RECEIPT + ").");
        }
        if (d.supplier() != null && d.supplier().length() > MAX_SUPPLIER) {
            e.put("supplier", "The supplier is at most " + MAX_SUPPLIER + " characters.");
        }
        if (d.invoice() != null && d.invoice().length() > MAX_INVOICE) {
            e.put("invoice", "The invoice number is at most " + MAX_INVOICE + " characters.");
        }
        if (d.receivedOn() == null) {
            e.put("receivedOn", "Enter the day the packs were received.");
        } else if (d.receivedOn().isAfter(today)) {
            e.put("receivedOn", "The day received, " + DAY.format(d.receivedOn()) + ", is in the future.");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        String g = gtin;
        return db.tx(c -> {
            Instant now = clock.instant();
            Product p = productOfReceipt(c, g, d.productId());
            if (!p.active()) {
                throw new ValidationException("product", p.name() + " is no longer in use: an administrator can"
                        + " make it active again in the catalogue.");
            }
            if (d.serial() != null) {
                Optional<Receipt> before = store.receiptOfSerial(c, g, d.serial());
                if (before.isPresent()) {
                    Receipt r = before.get();
                    throw new ValidationException("serial", "This pack (serial " + d.serial() + ") was already received on "
                            + DAY.format(r.receivedOn()) + " by " + (r.receivedByName() == null ? "an earlier account"
                            : r.receivedByName()) + ".");
                }
            }
            Optional<Lot> existing = store.lotByNumber(c, p.id(), d.lotNumber(), now);
            long lotId;
            if (existing.isPresent()) {
                Lot lot = existing.get();
                if (!lot.expiry().equals(d.expiry())) {
                    throw new ValidationException("expiry", "Lot " + lot.lotNumber() + " of " + p.name()
                            + " is on record with expiry " + DAY.format(lot.expiry()) + ", but this pack says "
                            + DAY.format(d.expiry()) + ". One lot has one expiry: check the pack and what was typed.");
                }
                if (lot.status() == LotStatus.RECALLED) {
                    throw new ValidationException("lotNumber", lot.refusal(p.name(), today) + " Do not take it into"
                            + " stock: return it to the supplier.");
                }
                lotId = lot.id();
                store.lockLot(c, lotId);
            } else {
                lotId = store.insertLot(c, p.id(), d.lotNumber(), d.expiry(), d.receivedOn(), now, u.id());
            }
            long receiptId = store.insertReceipt(c, lotId, d, g, now, u.id());
            store.insertLedger(c, lotId, LedgerKind.RECEIVED, d.quantity(), null, null, receiptId, null, null, now, u.id());
            audit.log(c, Audit.CREATE, "receipt", receiptId, null, "received " + p.packs(d.quantity()) + " of " + p.name()
                    + ", lot " + d.lotNumber() + " (expiry " + d.expiry() + ")" + (existing.isPresent() ? ", a lot in stock"
                    : ", a new lot") + (d.serial() == null ? "" : ", serial " + d.serial())
                    + (d.supplier() == null ? "" : ", from " + d.supplier())
                    + (d.invoice() == null ? "" : ", invoice " + d.invoice()));
            return new ReceiveResult(store.receipt(c, receiptId).orElseThrow(), store.lot(c, lotId, now).orElseThrow(), p,
                    existing.isEmpty());
        });
    }

    private Product productOfReceipt(Connection c, String gtin, Long productId) throws SQLException {
        Product chosen = null;
        if (productId != null) {
            chosen = store.product(c, productId)
                    .orElseThrow(() -> new ValidationException("product", "Choose a product from the catalogue."));
        }
        if (gtin == null) {
            return chosen;
        }
        Optional<Long> owner = store.productIdForGtin(c, gtin);
        if (owner.isEmpty()) {
            throw new UnknownGtinException(gtin);
        }
        Product p = store.product(c, owner.get()).orElseThrow();
        if (chosen != null && chosen.id() != p.id()) {
            throw new ValidationException("gtin", "The GTIN " + gtin + " is a pack of " + p.name() + ", not of "
                    + chosen.name() + ".");
        }
        return p;
    }

    // ---------------------------------------------------------------------------------- stock

    /** Lots with their stock figures: of one product, or all when {@code productId} is null; by expiry. Any staff. */
    public List<Lot> lots(Long productId) {
        session.require("see stock", ANY_STAFF);
        return db.read(c -> productId == null ? store.lots(c, clock.instant()) : store.lotsOf(c, productId, clock.instant()));
    }

    public Lot lot(long lotId) {
        session.require("see stock", ANY_STAFF);
        return db.read(c -> lotOrRefuse(c, lotId));
    }

    public List<Receipt> receipts(long lotId) {
        session.require("see stock", ANY_STAFF);
        return db.read(c -> store.receipts(c, lotId));
    }

    /** The lot's ledger, oldest first, each entry with the balance after it. Any staff. */
    public List<LedgerEntry> ledger(long lotId) {
        session.require("see stock", ANY_STAFF);
        return db.read(c -> store.ledger(c, lotId));
    }

    /**
     * Records packs thrown away (broken, dropped, out of the cold chain), with the reason. Refused
     * when it would take the books below zero: count the stock first if they are wrong. Any staff;
     * audited. Returns the lot as it now stands.
     */
    public Lot recordWaste(long lotId, int packs, String reason) {
        User u = session.require("record waste", ANY_STAFF);
        String why = reason(reason, "Say why the packs were thrown away.");
        if (packs < 1 || packs > MAX_RECEIPT) {
            throw new ValidationException("packs", "Enter the number of packs wasted (1 to " + MAX_RECEIPT + ").");
        }
        return db.tx(c -> {
            Instant now = clock.instant();
            store.lockLot(c, lotId);
            Lot lot = lotOrRefuse(c, lotId);
            Product p = store.product(c, lot.productId()).orElseThrow();
            int onHand = store.onHand(c, lotId);
            if (onHand - packs < 0) {
                throw new ValidationException("packs", "Lot " + lot.lotNumber() + " of " + p.name() + " shows "
                        + p.packs(Math.max(0, onHand)) + " on hand, so " + p.packs(packs) + " cannot be wasted."
                        + " If the books are wrong, count the stock first.");
            }
            long id = store.insertLedger(c, lotId, LedgerKind.WASTED, -packs, null, why, null, null, null, now, u.id());
            audit.log(c, Audit.CREATE, "stock_ledger", id, null, "wasted " + p.packs(packs) + " of " + p.name() + " lot "
                    + lot.lotNumber() + ": " + why + " (on hand " + onHand + " -> " + (onHand - packs) + ")");
            return store.lot(c, lotId, now).orElseThrow();
        });
    }

    /**
     * Records a stock count: {@code counted} is the number of packs of the lot found (opened vials
     * no signed chart used yet count as packs). When it differs from the books an ADJUSTED entry
     * records the difference, and a reason is required; when it matches, nothing changes but the
     * count is audited. Any staff. Returns the lot as it now stands.
     */
    public Lot countStock(long lotId, int counted, String reason) {
        User u = session.require("count stock", ANY_STAFF);
        if (counted < 0 || counted > MAX_COUNT) {
            throw new ValidationException("counted", "Enter the number of packs counted (0 to " + MAX_COUNT + ").");
        }
        String why = Text.clean(reason);
        if (why != null && why.length() > MAX_REASON) {
            throw new ValidationException("reason", "A reason is at most " + MAX_REASON + " characters.");
        }
        return db.tx(c -> {
            Instant now = clock.instant();
            store.lockLot(c, lotId);
            Lot lot = lotOrRefuse(c, lotId);
            Product p = store.product(c, lot.productId()).orElseThrow();
            int onHand = store.onHand(c, lotId);
            int diff = counted - onHand;
            if (diff == 0) {
                audit.log(c, Audit.UPDATE, "lot", lotId, null, "counted " + p.packs(counted) + " of " + p.name() + " lot "
                        + lot.lotNumber() + ": matches the books");
                return store.lot(c, lotId, now).orElseThrow();
            }
            if (why == null) {
                throw new ValidationException("reason", "The count differs from the books (" + onHand + " on hand):"
                        + " say why, e.g. \"recount after a broken vial\".");
            }
            long id = store.insertLedger(c, lotId, LedgerKind.ADJUSTED, diff, counted, why, null, null, null, now, u.id());
            audit.log(c, Audit.CREATE, "stock_ledger", id, null, "counted " + p.packs(counted) + " of " + p.name()
                    + " lot " + lot.lotNumber() + " against " + onHand + " on the books (" + (diff > 0 ? "+" : "") + diff
                    + "): " + why);
            return store.lot(c, lotId, now).orElseThrow();
        });
    }

    // ----------------------------------------------------------------------------- lot states

    /** Blocks an ACTIVE lot from use while something is checked, with the reason. INJECTOR or ADMIN; audited. */
    public Lot quarantine(long lotId, String reason) {
        return changeStatus(lotId, LotStatus.QUARANTINED, reason(reason, "Say why the lot is quarantined."));
    }

    /** Releases a QUARANTINED lot back to ACTIVE, with the reason. INJECTOR or ADMIN; audited. */
    public Lot release(long lotId, String reason) {
        return changeStatus(lotId, LotStatus.ACTIVE, reason(reason, "Say why the lot may be used again."));
    }

    private Lot changeStatus(long lotId, LotStatus to, String why) {
        User u = session.require(to == LotStatus.ACTIVE ? "release lots" : "quarantine lots", CLINICAL);
        return db.tx(c -> {
            Instant now = clock.instant();
            Lot lot = lotOrRefuse(c, lotId);
            Product p = store.product(c, lot.productId()).orElseThrow();
            if (lot.status() == LotStatus.RECALLED) {
                throw new ValidationException("status", lot.refusal(p.name(), today()) + " A recall is final.");
            }
            if (lot.status() == to) {
                throw new ValidationException("status", "Lot " + lot.lotNumber() + " of " + p.name() + " is already "
                        + (to == LotStatus.ACTIVE ? "active" : "quarantined") + ".");
            }
            store.setLotStatus(c, lotId, lot.version(), to, why, now, today(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "lot", lotId, null, (to == LotStatus.ACTIVE ? "released" : "quarantined") + " lot "
                    + lot.lotNumber() + " of " + p.name() + ": " + why);
            return store.lot(c, lotId, now).orElseThrow();
        });
    }

    // ---------------------------------------------------------------------------------- vials

    /**
     * Opens (reconstitutes) a vial of a toxin or of Sculptra from a lot that may be used: records the
     * diluent (the product's default when blank), the volume in mL (above 0, at most
     * {@link #MAX_VIAL_ML}, 2 decimals), the time and who. INJECTOR or ADMIN; audited.
     */
    public Vial openVial(long lotId, String diluent, BigDecimal volumeMl) {
        User u = session.require("open vials", CLINICAL);
        BigDecimal ml = Amounts.normal(volumeMl);
        if (ml == null || ml.signum() <= 0 || ml.compareTo(MAX_VIAL_ML) > 0 || ml.scale() > 2) {
            throw new ValidationException("volumeMl", "Enter the diluent volume in mL (above 0, at most "
                    + MAX_VIAL_ML + ", 2 decimals).");
        }
        return db.tx(c -> {
            Instant now = clock.instant();
            Lot lot = lotOrRefuse(c, lotId);
            Product p = store.product(c, lot.productId()).orElseThrow();
            if (!p.reconstituted()) {
                throw new ValidationException("lot", p.name() + " comes in ready-to-use " + p.packWord()
                        + "s: nothing to reconstitute.");
            }
            String refusal = lot.refusal(p.name(), today());
            if (refusal != null) {
                throw new ValidationException("lot", refusal + " Do not open it.");
            }
            String what = Text.clean(diluent) == null ? p.defaultDiluent() : Text.clean(diluent);
            if (what == null) {
                throw new ValidationException("diluent", "Enter the diluent used.");
            }
            if (what.length() > MAX_DILUENT) {
                throw new ValidationException("diluent", "The diluent is at most " + MAX_DILUENT + " characters.");
            }
            Instant until = p.usableHours() == null ? null : now.plus(Duration.ofHours(p.usableHours()));
            long id = store.insertVial(c, lotId, what, ml, now, until, u.id());
            Vial v = store.vial(c, id).orElseThrow();
            audit.log(c, Audit.CREATE, "vial", id, null, "opened a vial of " + p.name() + " lot " + lot.lotNumber() + ": "
                    + Amounts.plain(ml) + " mL " + what + (v.concentration() == null ? "" : " = " + v.concentration().text())
                    + (until == null ? "" : ", usable " + p.usableHours() + " h"));
            return v;
        });
    }

    /**
     * Discards an open vial, with the reason. A vial no chart was charted from leaves the stock here
     * as one WASTED pack (recorded even past zero: the vial was in the hand); a vial charted from
     * leaves it as USED when the first of those charts is (or was) signed. INJECTOR or ADMIN; audited.
     */
    public Vial discardVial(long vialId, String reason) {
        User u = session.require("discard vials", CLINICAL);
        String why = reason(reason, "Say why the vial is discarded (e.g. \"usable hours over\", \"end of day\").");
        return db.tx(c -> {
            Instant now = clock.instant();
            Vial v = store.vial(c, vialId).orElseThrow(() -> new ValidationException("vial", "This vial is not on record."));
            if (v.discardedAt() != null) {
                throw new ValidationException("vial", "This vial was already discarded.");
            }
            store.lockLot(c, v.lotId());
            store.discardVial(c, vialId, v.version(), why, now, u.id(), clock.getZone());
            String wasted = "";
            if (v.firstUsedVisitId() == null && !store.vialCharted(c, vialId)) {
                store.insertLedger(c, v.lotId(), LedgerKind.WASTED, -1, null, "Reconstituted vial " + vialId
                        + " discarded before use: " + why, null, null, vialId, now, u.id());
                wasted = "; its vial leaves the stock as waste";
            }
            audit.log(c, Audit.UPDATE, "vial", vialId, null, "discarded vial " + vialId + " of " + v.productName() + " lot "
                    + v.lotNumber() + ": " + why + wasted);
            return store.vial(c, vialId).orElseThrow();
        });
    }

    /**
     * Allows charting from a vial past its usable hours on one visit, with the reason (e.g. the
     * label's hours are a clinic default the injector judged safe to exceed). Refused when the vial
     * is still usable or discarded; an override the visit already has is refused with a
     * {@link VialOverrideExistsException} (nothing changes, and the vial stays usable on that visit).
     * INJECTOR or ADMIN; audited with the visit's patient.
     */
    public void overrideVialExpiry(long vialId, long visitId, String reason) {
        User u = session.require("override vial expiry", CLINICAL);
        String why = reason(reason, "Say why this vial may still be used.");
        db.tx(c -> {
            Instant now = clock.instant();
            Vial v = store.vial(c, vialId).orElseThrow(() -> new ValidationException("vial", "This vial is not on record."));
            Visit visit = charts.visit(c, visitId)
                    .orElseThrow(() -> new ValidationException("visit", "This visit no longer exists."));
            switch (v.state(now)) {
                case OPEN -> throw new ValidationException("vial", "This vial is still within its usable hours:"
                        + " no override is needed.");
                case DISCARDED -> throw new ValidationException("vial", "This vial was discarded: it cannot be used.");
                case EXPIRED_AFTER_RECONSTITUTION -> {
                    // the case an override is for
                }
            }
            if (store.overriddenVials(c, visitId).contains(vialId)) {
                throw new VialOverrideExistsException(vialId, visitId);
            }
            store.insertOverride(c, vialId, visitId, why, now, u.id());
            audit.log(c, Audit.UPDATE, "vial", vialId, visit.patientId(), "charting from vial " + vialId + " of "
                    + v.productName() + " lot " + v.lotNumber() + " past its usable hours (opened "
                    + WHEN.format(v.openedAt().atZone(clock.getZone())) + ") allowed on visit " + visitId + ": " + why);
            return null;
        });
    }

    public Vial vial(long vialId) {
        session.require("see vials", ANY_STAFF);
        return db.read(c -> store.vial(c, vialId))
                .orElseThrow(() -> new ValidationException("vial", "This vial is not on record."));
    }

    /**
     * The vials not discarded, across patients, oldest first (those past their usable hours too:
     * {@link Vial#state} flags them): of one product, or of all when null. Any staff.
     */
    public List<Vial> openVials(Long productId) {
        session.require("see vials", ANY_STAFF);
        return db.read(c -> store.openVials(c, productId));
    }

    public List<Vial> vialsOfLot(long lotId) {
        session.require("see vials", ANY_STAFF);
        return db.read(c -> store.vialsOfLot(c, lotId));
    }

    // --------------------------------------------------------------------------------- recall

    /**
     * Lots for a typed (or scanned) lot number, whatever its case: exact matches first, then numbers
     * it begins, at most {@value #FIND_LIMIT}. A pack's GS1 code ({@link Gs1Parser#looksLikeCode})
     * matches none: {@link #lotForRecall} reads it. Any staff.
     */
    public List<Lot> findLots(String typed) {
        session.require("find lots", ANY_STAFF);
        String t = Text.clean(typed);
        if (t == null || Gs1Parser.looksLikeCode(typed)) {
            return List.of();
        }
        return db.read(c -> store.findLots(c, t, FIND_LIMIT, clock.instant()));
    }

    /**
     * The lot a recall is about, from the text typed or scanned in the recall view. A pack's GS1 code
     * ({@link Gs1Parser#looksLikeCode}: brackets, a symbology identifier, group separators, or 01 and
     * a product code) is read for its GTIN and lot number: the lot of that number (whatever its case)
     * of the GTIN's product. Anything else is a lot number: the lot numbered so, whatever its case, or
     * the one lot whose number it begins; when several match, they come back to choose from.
     *
     * <p>Refused with a message for the person who typed it: nothing typed, and no lot by that number
     * ({@link ValidationException} on "lot"); a code that cannot be read ({@link Gs1Exception}); a
     * GTIN no product has, a code without a lot number, a lot never received. Unlike a scan at the
     * chair, an expired, quarantined or recalled lot is found: a recall is about such lots. Any staff
     * (the front desk makes the calls); nothing is changed, so nothing is audited here (opening the
     * lot's list is, {@link #recallList}).
     */
    public RecallLookup lotForRecall(String typed) {
        session.require("find lots", ANY_STAFF);
        String t = Text.clean(typed);
        if (t == null) {
            throw new ValidationException("lot", "Type or scan a lot number.");
        }
        if (Gs1Parser.looksLikeCode(typed)) {
            return RecallLookup.found(lotOfCode(Gs1Parser.parse(typed, clock)));
        }
        List<Lot> lots = db.read(c -> store.findLots(c, t, FIND_LIMIT, clock.instant()));
        List<Lot> exact = lots.stream().filter(l -> l.lotNumber().equalsIgnoreCase(t)).toList();
        List<Lot> pick = exact.isEmpty() ? lots : exact;
        if (pick.isEmpty()) {
            throw new ValidationException("lot", "No lot numbered " + t + " or beginning so is on record.");
        }
        return pick.size() == 1 ? RecallLookup.found(pick.get(0)) : new RecallLookup(null, pick);
    }

    /** The lot of a scanned pack, of whatever state; refused when the code does not lead to one received. */
    private Lot lotOfCode(Gs1Code code) {
        String gtin = Gtin.normalise(code.gtin());
        return db.read(c -> {
            Optional<Long> owner = store.productIdForGtin(c, gtin);
            if (owner.isEmpty()) {
                throw new ValidationException("lot", "This pack's GTIN (" + gtin + ") belongs to no product in the"
                        + " catalogue.");
            }
            Product p = store.product(c, owner.get()).orElseThrow();
            if (code.lot() == null) {
                throw new ValidationException("lot", "This barcode carries no lot number: type the lot number printed"
                        + " on the pack.");
            }
            return store.findLots(c, code.lot(), FIND_LIMIT, clock.instant()).stream()
                    .filter(l -> l.productId() == p.id() && l.lotNumber().equalsIgnoreCase(code.lot())).findFirst()
                    .orElseThrow(() -> new ValidationException("lot", "Lot " + code.lot() + " of " + p.name()
                            + " was never received: nobody was charted with it."));
        });
    }

    /**
     * Everyone who received the lot, with contact details: per patient, each visit (signed or draft)
     * with its points and amounts. Any staff (the front desk makes the calls); audited as a VIEW.
     */
    public RecallList recallList(long lotId) {
        session.require("see recall lists", ANY_STAFF);
        RecallList list = db.read(c -> recallList(c, lotId));
        db.tx(c -> {
            audit.log(c, Audit.VIEW, "lot", lotId, null, "opened the recall list of lot " + list.lot().lotNumber() + " of "
                    + list.product().name() + ": " + list.patients().size() + " patient(s), " + list.points() + " point(s)");
            return null;
        });
        return list;
    }

    private RecallList recallList(Connection c, long lotId) throws SQLException {
        Lot lot = lotOrRefuse(c, lotId);
        Product p = store.product(c, lot.productId()).orElseThrow();
        return new RecallList(lot, p, store.recallPatients(c, lotId, clock.getZone()));
    }

    /**
     * Writes the lot's recall list as CSV ({@link RecallCsv}) to {@code file}, whole or not at all,
     * and returns it. Any staff; audited as an EXPORT.
     */
    public Path exportRecallCsv(long lotId, Path file) {
        session.require("export recall lists", ANY_STAFF);
        RecallList list = db.read(c -> recallList(c, lotId));
        writeAtomically(file, RecallCsv.of(List.of(list)).getBytes(StandardCharsets.UTF_8));
        db.tx(c -> {
            audit.log(c, Audit.EXPORT, "lot", lotId, null, "exported the recall list of lot " + list.lot().lotNumber()
                    + " of " + list.product().name() + " (CSV, " + list.patients().size() + " patient(s)) to " + file);
            return null;
        });
        return file;
    }

    /**
     * For the {@code recall} admin subcommand: the recall lists of every lot numbered exactly
     * {@code lotNumber} (whatever its case; one per product that has such a lot). It runs without a
     * signed-in user, like {@code check}: access to the data folder is the permission. Audited as an
     * EXPORT by "cli".
     */
    public List<RecallList> recallListsForAdminCommand(String lotNumber) {
        String t = Text.clean(lotNumber);
        if (t == null) {
            return List.of();
        }
        List<RecallList> lists = db.read(c -> {
            List<RecallList> out = new ArrayList<>();
            for (Lot l : store.findLots(c, t, FIND_LIMIT, clock.instant())) {
                if (l.lotNumber().equalsIgnoreCase(t)) {
                    out.add(recallList(c, l.id()));
                }
            }
            return out;
        });
        if (!lists.isEmpty()) {
            db.tx(c -> {
                for (RecallList l : lists) {
                    audit.logAs(c, null, "cli", Audit.EXPORT, "lot", l.lot().id(), "the recall subcommand printed the"
                            + " recall list of lot " + l.lot().lotNumber() + " of " + l.product().name() + " (CSV, "
                            + l.patients().size() + " patient(s))");
                }
                return null;
            });
        }
        return lists;
    }

    /**
     * Marks a lot RECALLED (final), with the reason, and in the same transaction writes a recall
     * notice for every patient who received it (signed visits and drafts) and calls the
     * {@link LotRecallListener}s with them. INJECTOR or ADMIN; audited. Refused for a lot already
     * recalled.
     */
    public RecallResult markRecalled(long lotId, String reason) {
        User u = session.require("recall lots", CLINICAL);
        String why = reason(reason, "Give the recall's reason or reference (e.g. the supplier's notice).");
        return db.tx(c -> {
            Instant now = clock.instant();
            store.lockLot(c, lotId);
            Lot lot = lotOrRefuse(c, lotId);
            Product p = store.product(c, lot.productId()).orElseThrow();
            if (lot.status() == LotStatus.RECALLED) {
                throw new ValidationException("status", lot.refusal(p.name(), today()));
            }
            store.setLotStatus(c, lotId, lot.version(), LotStatus.RECALLED, why, now, today(), u.id(), clock.getZone());
            List<Long> patients = store.recallPatientIds(c, lotId);
            int notices = store.insertRecallNotices(c, lotId, patients, now, u.id());
            Lot recalled = store.lot(c, lotId, now).orElseThrow();
            audit.log(c, Audit.UPDATE, "lot", lotId, null, "recalled lot " + lot.lotNumber() + " of " + p.name() + ": "
                    + why + "; " + patients.size() + " patient(s) to contact");
            for (LotRecallListener l : recallListeners) {
                l.recalled(c, recalled, patients, u);
            }
            return new RecallResult(recalled, patients, notices);
        });
    }

    /** Recall notices, newest first: of one lot or all (null); only those still without a call task when asked. Any staff. */
    public List<RecallNotice> recallNotices(Long lotId, boolean pendingOnly) {
        session.require("see recall notices", ANY_STAFF);
        return db.read(c -> store.recallNotices(c, lotId, pendingOnly));
    }

    // ------------------------------------------------------------------ settings and home card

    /** Lots expiring within this many days show as "expiring soon" (a clinic setting, default 30). */
    public int expiringWithinDays() {
        return db.read(c -> settings.setting(c, EXPIRING_DAYS)).map(InventoryService::parseDays)
                .orElse(DEFAULT_EXPIRING_DAYS);
    }

    /** ADMIN only, 1 to 365 days; audited. */
    public void setExpiringWithinDays(int days) {
        User admin = session.require("change settings", Role.ADMIN);
        if (days < 1 || days > 365) {
            throw new ValidationException("expiringWithinDays", "Expiring soon must be between 1 and 365 days.");
        }
        db.tx(c -> {
            settings.putSetting(c, EXPIRING_DAYS, Integer.toString(days), clock.instant(), admin.id());
            audit.log(c, Audit.UPDATE, "setting", null, null, "lots expiring within " + days + " days show as expiring soon");
            return null;
        });
    }

    private static int parseDays(String s) {
        try {
            int d = Integer.parseInt(s.trim());
            return d >= 1 && d <= 365 ? d : DEFAULT_EXPIRING_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_EXPIRING_DAYS;
        }
    }

    /** Usable lots (effective state ACTIVE) expiring within the clinic's setting, first to expire first. Any staff. */
    public List<Lot> expiringLots() {
        return expiringLots(expiringWithinDays());
    }

    /** Usable lots expiring from today to {@code days} days from now, first to expire first. Any staff. */
    public List<Lot> expiringLots(int days) {
        session.require("see stock", ANY_STAFF);
        LocalDate today = today();
        LocalDate until = today.plusDays(Math.max(0, days));
        return db.read(c -> store.lots(c, clock.instant())).stream()
                .filter(l -> l.usableOn(today) && !l.expiry().isAfter(until))
                .sorted(Comparator.comparing(Lot::expiry).thenComparing(Lot::lotNumber)).toList();
    }

    /**
     * Active products with a reorder level whose packs on hand in usable lots are below it, the
     * shortest first. Any staff.
     */
    public List<ReorderLine> belowReorder() {
        session.require("see stock", ANY_STAFF);
        LocalDate today = today();
        return db.read(c -> {
            Map<Long, Integer> onHand = new HashMap<>();
            for (Lot l : store.lots(c, clock.instant())) {
                if (l.usableOn(today)) {
                    onHand.merge(l.productId(), Math.max(0, l.onHand()), Integer::sum);
                }
            }
            List<ReorderLine> out = new ArrayList<>();
            for (Product p : store.products(c)) {
                int have = onHand.getOrDefault(p.id(), 0);
                if (p.active() && p.reorderLevel() > 0 && have < p.reorderLevel()) {
                    out.add(new ReorderLine(p, have, p.reorderLevel()));
                }
            }
            out.sort(Comparator.comparingInt(ReorderLine::shortBy).reversed().thenComparing(r -> r.product().name()));
            return out;
        });
    }

    /** Lots whose books show fewer than zero packs (signed charts used more): each needs a stock count. Any staff. */
    public List<Lot> needingCount() {
        session.require("see stock", ANY_STAFF);
        return db.read(c -> store.lots(c, clock.instant())).stream().filter(Lot::needsCount).toList();
    }

    // -------------------------------------------------------------------------------- helpers

    private Lot lotOrRefuse(Connection c, long lotId) throws SQLException {
        return store.lot(c, lotId, clock.instant())
                .orElseThrow(() -> new ValidationException("lot", "This lot is not in the clinic's stock."));
    }

    private static String reason(String reason, String missing) {
        String why = Text.clean(reason);
        if (why == null) {
            throw new ValidationException("reason", missing);
        }
        if (why.length() > MAX_REASON) {
            throw new ValidationException("reason", "A reason is at most " + MAX_REASON + " characters.");
        }
        return why;
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        try {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".needlepoint-", ".part");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + target + ": " + e.getMessage(), e);
        }
    }
}
