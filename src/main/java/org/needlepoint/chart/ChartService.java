package org.needlepoint.chart;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.needlepoint.common.Amounts;
import org.needlepoint.common.Text;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.LotStatus;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuthService;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.security.UserStore;
import org.needlepoint.store.Database;

/**
 * Injection-site maps: visits charted as points on a diagram, autosaved as drafts, signed with the
 * injector's password, then corrected only by addenda; the patient's visit history; patterns and
 * "copy last visit"; and the minimal product catalogue and lots the points refer to.
 *
 * <p><b>Who may do what.</b> Only INJECTOR and ADMIN accounts start, edit, sign and add addenda to
 * charts, save patterns and receive lots; a chart is signed by its own injector (the person who
 * treated attests with their password). ADMIN alone edits product limits and quarantines or
 * recalls lots.
 *
 * <p><b>The front desk</b> sees a patient's visit timeline ({@link #history}: dates, injector,
 * status, products and amounts, regions) and may open a SIGNED visit read-only: the map, products,
 * lots and amounts, which the follow-up calls and recall lookups need. The opening is audited like
 * any other. What the desk does not see: drafts (work in progress, not yet a record), and the
 * clinical notes, screening answers and addendum text of signed visits; the chart comes back with
 * {@link VisitChart#redacted()} set. The desk cannot start, edit, sign or amend a chart.
 *
 * <p>Every change is one transaction with its audit row; drafts are optimistic-locked by the
 * visit's version; times come from the injected clock.
 */
public final class ChartService {
    private static final Role[] CHARTING = {Role.INJECTOR, Role.ADMIN};
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};
    public static final int MAX_ADDENDUM = 8000;
    public static final int MAX_PATTERN_NAME = 100;
    public static final int MAX_LOT_NUMBER = 20;
    /** GS1 AI (10) lot numbers: up to 20 characters of the GS1 "CSET 82" set. */
    private static final Pattern LOT_NUMBER = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Database db;
    private final ChartStore store;
    private final PatientStore patients;
    private final AuthService auth;
    private final Audit audit;
    private final Session session;
    private final Clock clock;
    private final List<SignedChartListener> signedListeners;

    public ChartService(Database db, ChartStore store, PatientStore patients, AuthService auth, Audit audit,
                        Session session, Clock clock, List<SignedChartListener> signedListeners) {
        this.db = db;
        this.store = store;
        this.patients = patients;
        this.auth = auth;
        this.audit = audit;
        this.signedListeners = List.copyOf(signedListeners);
        this.session = session;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------ catalogue

    /** The product catalogue, toxins first. */
    public List<Product> products() {
        session.require("see products", ANY_STAFF);
        return db.read(store::products);
    }

    /** Every product and lot, for the live totals and warnings ({@link ChartRules}). */
    public Catalog catalog() {
        session.require("see products", ANY_STAFF);
        return db.read(c -> new Catalog(store.products(c), store.lots(c)));
    }

    /** The lots of a product that may be used today (active, not expired), the first to expire first. */
    public List<Lot> usableLots(long productId) {
        session.require("see lots", ANY_STAFF);
        return db.read(c -> new Catalog(List.of(), store.lots(c))).usableLots(productId, today());
    }

    /**
     * Takes a lot into stock. Refused: an unknown or inactive product, a lot number that is not a
     * GS1 lot (1-20 characters of the GS1 set), an expiry already past, a receipt date in the future,
     * a lot number the product already has.
     */
    public Lot addLot(long productId, String lotNumber, LocalDate expiry, LocalDate receivedOn, int quantity) {
        User u = session.require("receive stock", CHARTING);
        String number = Text.clean(lotNumber);
        Map<String, String> e = new LinkedHashMap<>();
        if (number == null) {
            e.put("lotNumber", "Enter the lot number printed on the pack.");
        } else if (number.length() > MAX_LOT_NUMBER) {
            e.put("lotNumber", "A lot number has at most " + MAX_LOT_NUMBER + " characters.");
        } else if (!LOT_NUMBER.matcher(number).matches()) {
            e.put("lotNumber", "A lot number uses letters, digits and ! \" % & ' ( ) * + , - . / : ; < = > ? _ only.");
        }
        if (expiry == null) {
            e.put("expiry", "Enter the expiry date printed on the pack.");
        } else if (expiry.isBefore(today())) {
            e.put("expiry", "This lot expired on " + DAY.format(expiry) + ": an expired lot cannot be taken into stock.");
        }
        if (receivedOn == null) {
            e.put("receivedOn", "Enter the day the lot was received.");
        } else if (receivedOn.isAfter(today())) {
            e.put("receivedOn", "The day received is in the future.");
        }
        if (quantity < 1 || quantity > 10_000) {
            e.put("quantity", "Enter the number of packs received (1 to 10,000).");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        return db.tx(c -> {
            Product p = store.product(c, productId)
                    .orElseThrow(() -> new ValidationException("product", "Choose a product from the catalogue."));
            if (!p.active()) {
                throw new ValidationException("product", p.name() + " is no longer in use.");
            }
            if (store.lotNumberTaken(c, productId, number)) {
                throw new ValidationException("lotNumber", "Lot " + number + " of " + p.name() + " is already in stock.");
            }
            long id = store.insertLot(c, productId, number, expiry, receivedOn, quantity, clock.instant(), u.id());
            audit.log(c, Audit.CREATE, "lot", id, null, "received lot " + number + " of " + p.name() + ": " + quantity
                    + " " + p.packWord() + (quantity == 1 ? "" : "s") + ", expiry " + expiry);
            return store.lot(c, id).orElseThrow();
        });
    }

    /** Quarantines, recalls or releases a lot. ADMIN only. */
    public Lot setLotStatus(Lot lot, LotStatus status) {
        User u = session.require("quarantine or recall lots", Role.ADMIN);
        if (status == null) {
            throw new ValidationException("status", "Choose the lot's status.");
        }
        return db.tx(c -> {
            store.setLotStatus(c, lot.id(), lot.version(), status, clock.instant(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "lot", lot.id(), null, "lot " + lot.lotNumber() + ": " + lot.status() + " -> " + status);
            return store.lot(c, lot.id()).orElseThrow();
        });
    }

    /**
     * Saves the clinic-editable fields of a product: per-point minimum and maximum, per-visit
     * maximum, diluent, usable hours, colour, active. ADMIN only; {@code edited.version()} is the
     * version the admin saw.
     */
    public Product updateProduct(Product edited) {
        User u = session.require("edit products", Role.ADMIN);
        Map<String, String> e = new LinkedHashMap<>();
        positive(e, "pointMin", edited.pointMin());
        positive(e, "pointMax", edited.pointMax());
        positive(e, "visitMax", edited.visitMax());
        positive(e, "defaultDiluentMl", edited.defaultDiluentMl());
        if (edited.pointMin() != null && edited.pointMax() != null && edited.pointMin().compareTo(edited.pointMax()) > 0) {
            e.put("pointMin", "The per-point minimum is above the per-point maximum.");
        }
        if (edited.pointMax() != null && edited.visitMax() != null && edited.pointMax().compareTo(edited.visitMax()) > 0) {
            e.put("pointMax", "The per-point maximum is above the per-visit maximum.");
        }
        if (edited.usableHours() != null && (edited.usableHours() < 1 || edited.usableHours() > 24 * 365)) {
            e.put("usableHours", "Enter the hours a reconstituted vial may be used.");
        }
        if (edited.colour() == null || !COLOUR.matcher(edited.colour()).matches()) {
            e.put("colour", "Use a colour like #2E86C1.");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        return db.tx(c -> {
            Product before = store.product(c, edited.id())
                    .orElseThrow(() -> new ValidationException("product", "This product no longer exists."));
            store.updateProduct(c, edited, clock.instant(), u.id(), clock.getZone());
            audit.log(c, Audit.UPDATE, "product", edited.id(), null, "edited " + before.name() + ": point "
                    + Amounts.plain(edited.pointMin()) + "-" + Amounts.plain(edited.pointMax()) + ", visit max "
                    + Amounts.plain(edited.visitMax()) + ", active " + edited.active());
            return store.product(c, edited.id()).orElseThrow();
        });
    }

    private static void positive(Map<String, String> e, String field, java.math.BigDecimal v) {
        if (v != null && (v.signum() <= 0 || v.compareTo(Amounts.MAX) > 0 || Amounts.normal(v).scale() > Amounts.SCALE)) {
            e.put(field, "Enter an amount above zero with at most 3 decimals, or leave it empty for no limit.");
        }
    }

    // --------------------------------------------------------------------------------- visits

    /**
     * Opens a new DRAFT visit for the patient with the signed-in user as injector, its screening
     * checklist pre-flagged from the patient's record. If this injector already has a draft for
     * this patient (the app closed mid-visit), that draft is resumed instead of a second one begun.
     */
    public VisitChart startVisit(long patientId) {
        User u = session.require("chart visits", CHARTING);
        return db.tx(c -> {
            Patient p = patients.find(c, patientId)
                    .orElseThrow(() -> new ValidationException("patient", "This patient no longer exists."));
            var draft = store.openDraft(c, patientId, u.id());
            if (draft.isPresent()) {
                VisitChart chart = store.chart(c, draft.get()).orElseThrow();
                audit.log(c, Audit.VIEW, "visit", chart.visit().id(), patientId, "resumed the draft visit of "
                        + when(chart.visit().startedAt()) + " for chart " + p.chartNumber());
                return chart;
            }
            long id = store.insertVisit(c, patientId, u.id(), clock.instant());
            List<ScreeningEntry> checklist = ChartRules.screening(List.of(), p.details(), List.of());
            store.replaceDraftContent(c, id, new ChartDraft(null, List.of(), checklist, false, false));
            audit.log(c, Audit.CREATE, "visit", id, patientId, "started a visit for chart " + p.chartNumber());
            return store.chart(c, id).orElseThrow();
        });
    }

    /**
     * Opens a visit; the opening is audited. The front desk may open only SIGNED visits, without
     * clinical notes, screening answers and addendum text (see the class comment).
     */
    public VisitChart openVisit(long visitId) {
        User u = session.require("open charts", ANY_STAFF);
        return db.tx(c -> {
            VisitChart chart = store.chart(c, visitId)
                    .orElseThrow(() -> new ValidationException("visit", "This visit no longer exists."));
            boolean desk = u.role() == Role.FRONT_DESK;
            if (desk && !chart.visit().signed()) {
                throw new PermissionDeniedException("Front desk accounts cannot open a visit that is still being charted.");
            }
            audit.log(c, Audit.VIEW, "visit", visitId, chart.visit().patientId(), "opened the "
                    + chart.visit().status().toString().toLowerCase(Locale.ROOT) + " visit of "
                    + when(chart.visit().startedAt()) + (desk ? " (without clinical notes)" : ""));
            return desk ? chart.redact() : chart;
        });
    }

    /**
     * The screening checklist for the products chosen so far: {@code current} answers kept, the
     * questions those products need added, pre-flagged from the patient's record. Nothing is saved.
     */
    public List<ScreeningEntry> screening(long patientId, Collection<Long> productIds, List<ScreeningEntry> current) {
        session.require("chart visits", CHARTING);
        return db.read(c -> {
            Patient p = patients.find(c, patientId)
                    .orElseThrow(() -> new ValidationException("patient", "This patient no longer exists."));
            Set<Long> ids = new HashSet<>(productIds);
            List<Product> chosen = store.products(c).stream().filter(x -> ids.contains(x.id())).toList();
            return ChartRules.screening(chosen, p.details(), current == null ? List.of() : current);
        });
    }

    /**
     * Saves a draft as it stands; the UI autosaves through this. One transaction; the points and
     * screening are replaced as a whole, so saving the same draft twice changes nothing (and writes
     * nothing: an unchanged draft returns the stored chart without a new version or audit row).
     * {@code original} carries the version the editor last saw; a save by someone else since then is
     * refused, naming them. A SIGNED visit is refused. Screening questions the charted products need
     * are added to the checklist, pre-flagged from the patient's record.
     */
    public VisitChart saveDraft(Visit original, ChartDraft draft) {
        User u = session.require("chart visits", CHARTING);
        List<InjectionPoint> points = draft.points().stream().map(p -> p == null ? null : p.withAddendum(null)).toList();
        return db.tx(c -> {
            Catalog catalog = catalogFor(c, points);
            Map<String, String> e = new LinkedHashMap<>(ChartRules.pointProblems(points, catalog));
            if (draft.notes() != null && draft.notes().length() > ChartDraft.MAX_NOTES) {
                e.put("notes", "Clinical notes are at most " + ChartDraft.MAX_NOTES + " characters.");
            }
            Set<ScreeningItem> seen = new HashSet<>();
            for (ScreeningEntry s : draft.screening()) {
                if (s == null || s.item() == null || !seen.add(s.item())) {
                    e.put("screening", "The screening checklist holds a question twice or an empty line.");
                } else if (s.note() != null && s.note().length() > ScreeningEntry.MAX_NOTE) {
                    e.put("screening." + s.item().name(), "A screening note is at most " + ScreeningEntry.MAX_NOTE
                            + " characters.");
                }
            }
            if (!e.isEmpty()) {
                throw new ValidationException(e);
            }
            Visit v = store.visit(c, original.id())
                    .orElseThrow(() -> new ValidationException("visit", "This visit no longer exists."));
            if (v.signed()) {
                throw new ValidationException("status", signedMessage(v));
            }
            Patient p = patients.find(c, v.patientId()).orElseThrow();
            List<ScreeningEntry> checklist = ChartRules.screening(ChartRules.productsOf(points, catalog), p.details(),
                    draft.screening());
            ChartDraft content = new ChartDraft(draft.notes(), points, checklist, draft.consentConfirmed(),
                    draft.offLabelConsentConfirmed());
            VisitChart stored = store.chart(c, v.id()).orElseThrow();
            if (ChartRules.sameContent(ChartDraft.of(stored), content)) {
                return stored;
            }
            store.updateDraft(c, v.id(), original.version(), content, clock.instant(), u.id(), clock.getZone());
            store.replaceDraftContent(c, v.id(), content);
            audit.log(c, Audit.UPDATE, "visit", v.id(), v.patientId(), "saved the draft visit of "
                    + when(v.startedAt()) + ": " + describe(points, catalog));
            return store.chart(c, v.id()).orElseThrow();
        });
    }

    /**
     * Signs a draft: the visit's own injector re-enters their password. Refused, with nothing
     * changed: a wrong password ({@link org.needlepoint.security.SignInException}; it counts towards
     * the lockout), another user than the visit's injector, a stale version, a visit already signed,
     * and a chart that {@link ChartRules#signProblems} finds wanting (no points, no consent, no
     * off-label consent for off-label Sculptra, open screening questions, a missing, expired,
     * recalled, quarantined or mismatched lot). After signing the visit is read-only.
     */
    public VisitChart sign(long visitId, int version, char[] password) {
        return signAll(List.of(new VisitRef(visitId, version)), password).get(0);
    }

    /**
     * End-of-day signing: signs several of the injector's drafts with one password entry, each
     * checked exactly as {@link #sign} does and audited on its own. All or nothing: if any is
     * refused, none is signed. The demo seeder uses it to sign a clinic day's visits at once.
     */
    public List<VisitChart> signDrafts(List<Visit> drafts, char[] password) {
        return signAll(drafts.stream().map(v -> new VisitRef(v.id(), v.version())).toList(), password);
    }

    private record VisitRef(long id, int version) {
    }

    private List<VisitChart> signAll(List<VisitRef> refs, char[] password) {
        User u = session.require("sign charts", CHARTING);
        if (refs.isEmpty()) {
            return List.of();
        }
        db.read(c -> {
            for (VisitRef r : refs) {
                checkSignable(c, r, u);
            }
            return null;
        });
        auth.verifyPassword(password);
        return db.tx(c -> {
            List<VisitChart> out = new ArrayList<>();
            Instant now = clock.instant();
            for (VisitRef r : refs) {
                VisitChart chart = checkSignable(c, r, u);
                store.sign(c, r.id(), r.version(), u.id(), now, clock.getZone());
                audit.log(c, Audit.SIGN, "visit", r.id(), chart.visit().patientId(), "signed the visit of "
                        + when(chart.visit().startedAt()) + ": " + describe(chart.points(), catalogFor(c, chart.points())));
                VisitChart signed = store.chart(c, r.id()).orElseThrow();
                for (SignedChartListener l : signedListeners) {
                    l.signed(c, signed, signed.points(), u);
                }
                out.add(signed);
            }
            return out;
        });
    }

    private VisitChart checkSignable(Connection c, VisitRef r, User u) throws SQLException {
        VisitChart chart = store.chart(c, r.id())
                .orElseThrow(() -> new ValidationException("visit", "This visit no longer exists."));
        Visit v = chart.visit();
        if (v.signed()) {
            throw new ValidationException("status", signedMessage(v));
        }
        if (v.version() != r.version()) {
            throw UserStore.stale(c, "visit", v.id(), "This visit's chart", clock.getZone());
        }
        if (v.injectorId() != u.id()) {
            throw new PermissionDeniedException("Only the visit's injector, " + v.injectorName()
                    + ", can sign this chart.");
        }
        Map<String, String> e = ChartRules.signProblems(ChartDraft.of(chart), catalogFor(c, chart.points()), today());
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        return chart;
    }

    /**
     * Adds an addendum to a SIGNED visit: text and/or further points, stamped with the author and
     * the time. The original chart stays as it was. Added points need a usable lot of their product,
     * and Sculptra off-label only if the visit's off-label consent was confirmed.
     */
    public VisitChart addAddendum(long visitId, String text, List<InjectionPoint> points) {
        User u = session.require("add addenda", CHARTING);
        String body = Text.clean(text);
        List<InjectionPoint> added = points == null ? List.of()
                : points.stream().map(p -> p == null ? null : p.withAddendum(null)).toList();
        if (body == null && added.isEmpty()) {
            throw new ValidationException("text", "Write the addendum, or add the points it records.");
        }
        if (body != null && body.length() > MAX_ADDENDUM) {
            throw new ValidationException("text", "An addendum is at most " + MAX_ADDENDUM + " characters.");
        }
        return db.tx(c -> {
            VisitChart chart = store.chart(c, visitId)
                    .orElseThrow(() -> new ValidationException("visit", "This visit no longer exists."));
            Visit v = chart.visit();
            if (!v.signed()) {
                throw new ValidationException("status", "This visit is not signed yet: change the chart itself.");
            }
            Catalog catalog = catalogFor(c, added);
            Map<String, String> e = new LinkedHashMap<>(ChartRules.pointProblems(added, catalog));
            Set<String> taken = chart.allPoints().stream().map(InjectionPoint::key).collect(Collectors.toSet());
            for (InjectionPoint p : added) {
                if (p != null && taken.contains(p.key())) {
                    e.putIfAbsent("points." + p.key() + ".key", "The visit already has a point with the key " + p.key() + ".");
                }
            }
            if (e.isEmpty()) {
                e.putAll(ChartRules.lotProblems(added, catalog, today()));
                Set<Region> offLabel = ChartRules.offLabelPllaRegions(added, catalog);
                if (!offLabel.isEmpty() && !v.offLabelConsentConfirmed()) {
                    e.put("offLabelConsent", "This visit has no off-label-use consent, so Sculptra in "
                            + offLabel.stream().map(Region::label).collect(Collectors.joining(", "))
                            + " cannot be added to it: chart a new visit.");
                }
            }
            if (!e.isEmpty()) {
                throw new ValidationException(e);
            }
            long aid = store.insertAddendum(c, visitId, u.id(), clock.instant(), body);
            store.insertPoints(c, visitId, aid, added.stream().map(p -> p.withAddendum(aid)).toList(),
                    store.nextSeq(c, visitId));
            audit.log(c, Audit.ADDENDUM, "visit", visitId, v.patientId(), "addendum to the visit of "
                    + when(v.startedAt()) + (body == null ? "" : ": " + ChartRules.clip(body, 200))
                    + (added.isEmpty() ? "" : " (+ " + describe(added, catalog) + ")"));
            VisitChart after = store.chart(c, visitId).orElseThrow();
            if (!added.isEmpty()) {
                List<InjectionPoint> addedPoints = after.allPoints().stream()
                        .filter(p -> p.addendumId() != null && p.addendumId() == aid).toList();
                for (SignedChartListener l : signedListeners) {
                    l.signed(c, after, addedPoints, u);
                }
            }
            return after;
        });
    }

    /** The patient's visits, newest first, with point counts, products and regions. Any staff. */
    public List<VisitSummary> history(long patientId) {
        session.require("see visit history", ANY_STAFF);
        return db.read(c -> store.history(c, patientId));
    }

    /** The signed-in user's unsigned visits across patients, newest first: charts to finish. */
    public List<VisitSummary> myDrafts() {
        User u = session.require("chart visits", CHARTING);
        return db.read(c -> store.drafts(c, u.id()));
    }

    /**
     * "Copy last visit": the points of the patient's most recent signed visit (with its addenda's
     * points) as new points, without lots or notes; empty when there is none. Nothing is saved.
     */
    public List<InjectionPoint> lastVisitPoints(long patientId) {
        session.require("chart visits", CHARTING);
        return db.read(c -> {
            var last = store.lastSignedVisit(c, patientId);
            if (last.isEmpty()) {
                return List.<InjectionPoint>of();
            }
            VisitChart chart = store.chart(c, last.get()).orElseThrow();
            return ChartRules.copyForNewVisit(chart.allPoints(), ChartService::newKey);
        });
    }

    // ------------------------------------------------------------------------------- patterns

    /** Built-in patterns first, then the clinic's, by name. */
    public List<ChartPattern> patterns() {
        session.require("chart visits", CHARTING);
        return db.read(store::patterns);
    }

    /** The pattern's points as new points of the product (and lot, which may be null). Nothing is saved. */
    public List<InjectionPoint> applyPattern(long patternId, long productId, Long lotId) {
        session.require("chart visits", CHARTING);
        return db.read(c -> {
            ChartPattern pattern = store.patterns(c).stream().filter(p -> p.id() == patternId).findFirst()
                    .orElseThrow(() -> new ValidationException("pattern", "This pattern no longer exists."));
            Product product = store.product(c, productId)
                    .orElseThrow(() -> new ValidationException("product", "Choose a product from the catalogue."));
            return ChartRules.apply(pattern, product, lotId, ChartService::newKey);
        });
    }

    /**
     * Saves points (the current map, or part of it) as a clinic pattern. All its points must be of
     * one kind of product in one unit, and toxin points of one brand, because the amounts are
     * only meaningful in that scale.
     */
    public ChartPattern saveAsPattern(String name, List<InjectionPoint> points) {
        User u = session.require("save patterns", CHARTING);
        String clean = Text.clean(name);
        if (clean == null) {
            throw new ValidationException("name", "Name the pattern.");
        }
        if (clean.length() > MAX_PATTERN_NAME) {
            throw new ValidationException("name", "A pattern name is at most " + MAX_PATTERN_NAME + " characters.");
        }
        if (points == null || points.isEmpty()) {
            throw new ValidationException("points", "Place the pattern's points first.");
        }
        return db.tx(c -> {
            Catalog catalog = catalogFor(c, points);
            Map<String, String> e = ChartRules.pointProblems(points, catalog);
            if (!e.isEmpty()) {
                throw new ValidationException(e);
            }
            Set<String> scales = new LinkedHashSet<>();
            Product first = null;
            for (InjectionPoint p : points) {
                Product product = catalog.product(p.productId()).orElseThrow();
                first = first == null ? product : first;
                scales.add(product.kind() + " " + product.unit() + (product.kind() == ProductKind.TOXIN ? " " + product.brand() : ""));
            }
            if (scales.size() > 1) {
                throw new ValidationException("points", "A pattern holds the points of one product (or one brand of"
                        + " toxin): these mix " + ChartRules.productsOf(points, catalog).stream().map(Product::name)
                        .collect(Collectors.joining(", ")) + ".");
            }
            if (store.patternNameTaken(c, clean)) {
                throw new ValidationException("name", "A pattern named \"" + clean + "\" already exists.");
            }
            List<PatternPoint> pp = points.stream().map(p -> new PatternPoint(p.view(), p.x(), p.y(), p.region(),
                    p.side(), p.amount(), p.depth(), p.technique())).toList();
            String brand = first.kind() == ProductKind.TOXIN ? first.brand() : null;
            long id = store.insertPattern(c, clean, first.kind(), first.unit(), brand, u.id(), clock.instant(), pp);
            audit.log(c, Audit.CREATE, "chart_pattern", id, null, "saved the pattern \"" + clean + "\" ("
                    + pp.size() + " points of " + (brand != null ? brand : first.kind().toString()) + ")");
            return store.patterns(c).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
    }

    // -------------------------------------------------------------------------------- helpers

    /** Every product and the lots the points refer to: what validation needs, without reading all stock. */
    private Catalog catalogFor(Connection c, List<InjectionPoint> points) throws SQLException {
        Set<Long> lotIds = new HashSet<>();
        for (InjectionPoint p : points) {
            if (p != null && p.lotId() != null) {
                lotIds.add(p.lotId());
            }
        }
        List<Lot> lots = new ArrayList<>();
        for (Long id : lotIds) {
            store.lot(c, id).ifPresent(lots::add);
        }
        return new Catalog(store.products(c), lots);
    }

    private static String describe(List<InjectionPoint> points, Catalog catalog) {
        ChartTotals t = ChartRules.totals(points, catalog);
        return t.points() + (t.points() == 1 ? " point" : " points") + (t.byProduct().isEmpty() ? "" : ", "
                + t.byProduct().stream().map(p -> p.productName() + " " + p.unit().format(p.amount()))
                .collect(Collectors.joining(", ")));
    }

    private String signedMessage(Visit v) {
        return "This visit was signed by " + v.signedByName() + " at " + when(v.signedAt())
                + " and is read-only: add an addendum to correct or complete it.";
    }

    private String when(Instant t) {
        return t == null ? "" : WHEN.format(t.atZone(clock.getZone()));
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }
}
