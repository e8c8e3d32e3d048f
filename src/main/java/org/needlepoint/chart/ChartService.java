package org.needlepoint.chart;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.needlepoint.common.Text;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.Gs1Code;
import org.needlepoint.inventory.Gtin;
import org.needlepoint.inventory.InventoryStore;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.schedule.ConsentCoverage;
import org.needlepoint.schedule.ConsentKind;
import org.needlepoint.schedule.ConsentService;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuthService;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.security.UserStore;
import org.needlepoint.store.Database;
import org.needlepoint.store.Versions;

/**
 * Injection-site maps: visits charted as points on a diagram, autosaved as drafts, signed with the
 * injector's password, then corrected only by addenda; the patient's visit history; patterns and
 * "copy last visit"; and, at the chair, the lots and vials a point may be charted from (the
 * catalogue, stock and vials themselves are {@link org.needlepoint.inventory.InventoryService}'s).
 *
 * <p><b>Hard stops at the chair.</b> A draft is not saved, and a chart or addendum not signed, with a
 * point whose lot is expired, quarantined, recalled, unknown or of another product (the message
 * quotes the lot's reason), nor with a point newly charted from a reconstituted vial that was
 * discarded or is past its usable hours without an override for the visit. Signing calls the
 * {@link SignedChartListener}s in its transaction: the stock deduction is one of them.
 *
 * <p><b>Who may do what.</b> Only INJECTOR and ADMIN accounts start, edit, sign and add addenda to
 * charts, save patterns and scan packs at the chair; a chart is signed by its own injector (the
 * person who treated attests with their password).
 *
 * <p><b>The front desk</b> sees a patient's visit timeline ({@link #history}: dates, injector,
 * status, products and amounts, regions) and may open a SIGNED visit read-only: the map, products,
 * lots and amounts, which the follow-up calls and recall lookups need. The opening is audited like
 * any other. What the desk does not see: drafts (work in progress, not yet a record), and the
 * clinical notes, screening answers and addendum text of signed visits; the chart comes back with
 * {@link VisitChart#redacted()} set. The desk cannot start, edit, sign or amend a chart; at check-in it asks the
 * screening questions ({@link #checkInScreening}) and prepares the booked injector's draft with the answers
 * ({@link #openDraftAtCheckIn}), which the injector then charts and signs.
 *
 * <p>Every change is one transaction with its audit row; drafts are optimistic-locked by the
 * visit's version; times come from the injected clock.
 */
public final class ChartService {
    private static final Role[] CHARTING = {Role.INJECTOR, Role.ADMIN};
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};
    public static final int MAX_ADDENDUM = 8000;
    public static final int MAX_PATTERN_NAME = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Database db;
    private final ChartStore store;
    private final InventoryStore inventory;
    private final PatientStore patients;
    private final AuthService auth;
    private final Audit audit;
    private final Session session;
    private final Clock clock;
    private final List<SignedChartListener> signedListeners;
    private final ConsentService consents;
    private final DiagramGeometry geometry = DiagramGeometry.standard();
    private final UserStore users = new UserStore();

    public ChartService(Database db, ChartStore store, InventoryStore inventory, PatientStore patients, AuthService auth,
                        Audit audit, Session session, Clock clock, List<SignedChartListener> signedListeners,
                        ConsentService consents) {
        this.db = db;
        this.store = store;
        this.inventory = inventory;
        this.patients = patients;
        this.auth = auth;
        this.audit = audit;
        this.signedListeners = List.copyOf(signedListeners);
        this.consents = consents;
        this.session = session;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------ catalogue

    /**
     * Every product, every lot with its stock figures, and the reconstituted vials not discarded:
     * what the chart screen offers and what the live totals and warnings ({@link ChartRules}) need.
     * Any staff.
     */
    public Catalog catalog() {
        session.require("see products", ANY_STAFF);
        return db.read(c -> new Catalog(inventory.products(c), inventory.lots(c, clock.instant()),
                inventory.openVials(c, null)));
    }

    /**
     * The lots of a product that may be offered today (effective state ACTIVE: not quarantined,
     * recalled or expired, with packs on hand or an open usable vial), the first to expire first.
     */
    public List<Lot> usableLots(long productId) {
        session.require("see lots", ANY_STAFF);
        return db.read(c -> new Catalog(List.of(), inventory.lotsOf(c, productId, clock.instant())))
                .usableLots(productId, today());
    }

    /**
     * The lot of a pack scanned at the chair. Refused with the reason, so that nothing is charted with
     * it: a GTIN no product has, a pack of another product than {@code productId} (when given), a code
     * without a lot number, a lot not in stock, an expiry that differs from the lot's, and an expired,
     * quarantined or recalled lot ("Lot DY1 of Dysport 300 U was recalled on 3 Nov 2026 by Alex
     * Admin: supplier notice 42."). A lot whose books show no packs left is returned (the pack in the
     * hand shows the books are behind; its {@link Lot#state} says DEPLETED). INJECTOR or ADMIN.
     */
    public Lot lotForCode(Gs1Code code, Long productId) {
        session.require("chart visits", CHARTING);
        if (code == null || code.gtin() == null) {
            throw new ValidationException("code", "Scan the pack's barcode.");
        }
        String gtin = Gtin.normaliseOrNull(code.gtin());
        if (gtin == null) {
            throw new ValidationException("code", "This barcode's GTIN (" + code.gtin() + ") is not a valid GTIN: scan"
                    + " the pack again.");
        }
        return db.read(c -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Optional<Long> owner = inventory.productIdForGtin(c, gtin);
            if (owner.isEmpty()) {
                throw new ValidationException("code", "This pack's GTIN (" + gtin + ") belongs to no product in"
                        + " the catalogue: receive the pack first, linking its GTIN to the product.");
            }
            Product p = inventory.product(c, owner.get()).orElseThrow();
            if (productId != null && productId != p.id()) {
                String chosen = inventory.product(c, productId).map(Product::name).orElse("the chosen product");
                throw new ValidationException("code", "This pack is " + p.name() + ", not " + chosen + ".");
            }
            if (code.lot() == null) {
                throw new ValidationException("code", "This barcode carries no lot number: choose the lot of "
                        + p.name() + " from the list.");
            }
            Lot lot = inventory.lotByNumber(c, p.id(), code.lot(), now).orElseThrow(() -> new ValidationException("code",
                    "Lot " + code.lot() + " of " + p.name() + " is not in the clinic's stock: receive it before use."));
            String refusal = lot.refusal(p.name(), today());
            if (refusal != null) {
                throw new ValidationException("code", refusal + " Do not use it.");
            }
            if (code.expiry() != null && !code.expiry().equals(lot.expiry())) {
                throw new ValidationException("code", "This pack says expiry " + DAY.format(code.expiry()) + ", but lot "
                        + lot.lotNumber() + " of " + p.name() + " is on record with " + DAY.format(lot.expiry())
                        + ". Do not use it until the lot is checked.");
            }
            return lot;
        });
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
            store.replaceDraftContent(c, id, ChartDraft.EMPTY, new ChartDraft(null, List.of(), checklist, false, false));
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

    /** A chart as the charting screen opens it, with the patient it belongs to (header and screening). */
    public record OpenedChart(Patient patient, VisitChart chart) {
    }

    /**
     * Opens a patient's chart for the charting screen: their open draft or a new visit when
     * {@code visitId} is null ({@link #startVisit}), else that visit of theirs ({@link #openVisit}),
     * with the patient's record for the screen's header (name, chart number, age, allergies) and the
     * screening checklist. Audited as those two are, once: the visit's opening is the access, and
     * reading the header of the record it belongs to adds no second "opened the record" row.
     */
    public OpenedChart openChart(long patientId, Long visitId) {
        VisitChart chart = visitId == null ? startVisit(patientId) : openVisit(visitId);
        if (chart.visit().patientId() != patientId) {
            throw new ValidationException("visit", "This visit belongs to another patient's chart.");
        }
        Patient p = db.read(c -> patients.find(c, patientId))
                .orElseThrow(() -> new ValidationException("patient", "This patient no longer exists."));
        return new OpenedChart(p, chart);
    }

    /**
     * The patient a visit belongs to, for a screen that opens the visit itself and shows whose it is
     * (the side-effect form: its {@link #openVisit} is the audited access, so this read adds no audit
     * row). Any staff; the front desk only for a signed visit, as {@link #openVisit}.
     */
    public Patient patientOfVisit(long visitId) {
        User u = session.require("open charts", ANY_STAFF);
        return db.read(c -> {
            Visit v = store.visit(c, visitId)
                    .orElseThrow(() -> new ValidationException("visit", "This visit no longer exists."));
            if (u.role() == Role.FRONT_DESK && !v.signed()) {
                throw new PermissionDeniedException("Front desk accounts cannot open a visit that is still being charted.");
            }
            return patients.find(c, v.patientId())
                    .orElseThrow(() -> new ValidationException("patient", "This patient no longer exists."));
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
            List<Product> chosen = inventory.products(c).stream().filter(x -> ids.contains(x.id())).toList();
            return ChartRules.screening(chosen, p.details(), current == null ? List.of() : current);
        });
    }

    // ------------------------------------------------------------------------------ check-in

    /**
     * The screening questionnaire the front desk asks at check-in ({@code org.needlepoint.schedule.CheckInService}),
     * inside its transaction: the questions the planned products need (those asked of every product when none is
     * planned), pre-flagged from the patient's record, and pre-answered from the DRAFT visit {@code visitId} (the
     * draft an earlier check-in of the appointment prepared) when given. The desk reads only that draft's checklist:
     * it never sees a signed visit's answers or any clinical notes. Any staff.
     */
    public List<ScreeningEntry> checkInScreening(Connection c, Patient patient, Collection<Long> productIds, Long visitId)
            throws SQLException {
        session.require("screen patients at check-in", ANY_STAFF);
        List<ScreeningEntry> current = List.of();
        if (visitId != null) {
            Optional<Visit> v = store.visit(c, visitId);
            if (v.isPresent() && !v.get().signed() && v.get().patientId() == patient.id()) {
                current = store.screening(c, visitId);
            }
        }
        return ChartRules.screening(productsWithIds(c, productIds), patient.details(), current);
    }

    /**
     * Check-in, inside its transaction: the DRAFT visit of the patient for the BOOKED injector {@code injectorId} (not
     * the signed-in user), its checklist pre-answered with the desk's {@code answers}. The injector's open draft of
     * this patient is reused, newest first, when {@code mayReuse} accepts it (the caller refuses one that another
     * appointment's check-in prepared): a question the desk answered takes the desk's answer, one it left open keeps
     * the draft's. Otherwise a new draft is begun for the injector. The checklist holds the questions of the planned
     * products and of any product already charted, pre-flagged from the patient's record. Any staff: the desk
     * prepares the visit; charting and signing it stay the injector's. Audited.
     */
    public VisitChart openDraftAtCheckIn(Connection c, long patientId, long injectorId, Collection<Long> productIds,
                                         List<ScreeningEntry> answers, java.util.function.LongPredicate mayReuse)
            throws SQLException {
        User u = session.require("check patients in", ANY_STAFF);
        List<ScreeningEntry> given = answers == null ? List.of() : answers;
        Set<ScreeningItem> seen = new HashSet<>();
        for (ScreeningEntry s : given) {
            if (s == null || s.item() == null || !seen.add(s.item())) {
                throw new ValidationException("screening", "The screening questionnaire holds a question twice or an empty line.");
            }
            if (s.note() != null && s.note().length() > ScreeningEntry.MAX_NOTE) {
                throw new ValidationException("screening." + s.item().name(), "A screening note is at most "
                        + ScreeningEntry.MAX_NOTE + " characters.");
            }
        }
        Patient p = patients.find(c, patientId)
                .orElseThrow(() -> new ValidationException("patient", "This patient no longer exists."));
        Long reuse = null;
        for (long id : store.openDrafts(c, patientId, injectorId)) {
            if (mayReuse.test(id)) {
                reuse = id;
                break;
            }
        }
        Map<ScreeningItem, ScreeningEntry> merged = new LinkedHashMap<>();
        VisitChart before = reuse == null ? null : store.chart(c, reuse).orElseThrow();
        if (before != null) {
            before.screening().forEach(e -> merged.put(e.item(), e));
        }
        for (ScreeningEntry e : given) {
            if (e.answer() != ScreeningAnswer.UNANSWERED || !merged.containsKey(e.item())) {
                merged.put(e.item(), e);
            }
        }
        List<Product> products = new ArrayList<>(productsWithIds(c, productIds));
        if (before != null) {
            Set<Long> planned = new HashSet<>(productIds);
            ChartRules.productsOf(before.points(), catalogFor(c, before.points())).stream()
                    .filter(x -> !planned.contains(x.id())).forEach(products::add);
        }
        List<ScreeningEntry> checklist = ChartRules.screening(products, p.details(), List.copyOf(merged.values()));
        long answered = checklist.stream().filter(e -> e.answer() != ScreeningAnswer.UNANSWERED).count();
        if (before != null) {
            ChartDraft content = ChartDraft.of(before).withScreening(checklist);
            if (!ChartRules.sameContent(ChartDraft.of(before), content)) {
                store.updateDraft(c, reuse, before.visit().version(), content, clock.instant(), u.id(), clock.getZone());
                store.replaceDraftContent(c, reuse, ChartDraft.of(before), content);
            }
            audit.log(c, Audit.UPDATE, "visit", reuse, patientId, "check-in prepared the draft visit of "
                    + when(before.visit().startedAt()) + " for chart " + p.chartNumber() + " with "
                    + before.visit().injectorName() + " again: "
                    + answered + " of " + checklist.size() + " screening questions answered");
            return store.chart(c, reuse).orElseThrow();
        }
        long id = store.insertVisit(c, patientId, injectorId, clock.instant(), u.id());
        store.replaceDraftContent(c, id, ChartDraft.EMPTY, new ChartDraft(null, List.of(), checklist, false, false));
        VisitChart opened = store.chart(c, id).orElseThrow();
        audit.log(c, Audit.CREATE, "visit", id, patientId, "check-in opened a draft visit for chart " + p.chartNumber()
                + " with " + opened.visit().injectorName() + ": " + answered + " of " + checklist.size()
                + " screening questions answered");
        return opened;
    }

    private List<Product> productsWithIds(Connection c, Collection<Long> productIds) throws SQLException {
        Set<Long> ids = new HashSet<>(productIds);
        return inventory.products(c).stream().filter(x -> ids.contains(x.id())).toList();
    }

    /**
     * Saves a draft as it stands; the UI autosaves through this. One transaction; the points and
     * screening are replaced as a whole, so saving the same draft twice changes nothing (and writes
     * nothing: an unchanged draft returns the stored chart without a new version or audit row).
     * {@code original} carries the version the editor last saw; a save by someone else since then is
     * refused, naming them. A SIGNED visit is refused. Screening questions the charted products need
     * are added to the checklist, pre-flagged from the patient's record.
     *
     * <p>Each point's region and side are derived again from where it lands on its diagram
     * ({@link ChartRules#located}): what the caller sent is not trusted, since the Sculptra lips and
     * eyes warning and the off-label consent depend on them. A point on no region of its diagram is
     * refused ("points.KEY.region") and nothing is saved.
     */
    public VisitChart saveDraft(Visit original, ChartDraft draft) {
        User u = session.require("chart visits", CHARTING);
        if (db.isRemote()) {
            // a joined PC: the clinic server runs the save on this PC's connection (ServerSave), one round trip
            return db.txOnServer((c, thenCommit) -> store.saveDraftOnServer(c, thenCommit, u.id(), original.id(),
                    original.version(), draft));
        }
        return db.tx(c -> saveDraftIn(c, u, original.id(), original.version(), draft));
    }

    /**
     * On the clinic server, at its start: joined PCs' draft saves run there, one call each ({@link ServerSave}).
     * Only on the records' own PC (it defines a function, as the owner).
     */
    public void serveSaves() {
        db.adminWork(c -> {
            ChartStore.defineServerFunctions(c);
            return null;
        });
        ServerSave.serve(this);
    }

    /**
     * On the clinic server, for {@link ServerSave}: a joined PC's save of a draft, as {@link #saveDraft} makes it,
     * on the PC's connection {@code c} and in its transaction. The PC's signed-in user ({@code userId}) must be an
     * active account that charts: the PC checked it, and the server checks it again.
     */
    VisitChart saveDraftFor(Connection c, long userId, long visitId, int version, ChartDraft draft)
            throws SQLException {
        User u = Session.require(users.findById(c, userId).filter(User::active).orElseThrow(() ->
                new PermissionDeniedException("This account is not active on the clinic server; sign in again.")),
                "chart visits", CHARTING);
        return db.asCallersTransaction(c, x -> saveDraftIn(x, u, visitId, version, draft));
    }

    /** {@link #saveDraft}'s transaction, on {@code c}: {@code u} saves {@code draft} over the visit's {@code version}. */
    private VisitChart saveDraftIn(Connection c, User u, long visitId, int version, ChartDraft draft)
            throws SQLException {
        List<InjectionPoint> sent = draft.points().stream().map(p -> p == null ? null : p.withAddendum(null)).toList();
        Catalog catalog = catalogFor(c, sent);
        Map<String, String> e = new LinkedHashMap<>(ChartRules.pointProblems(sent, catalog));
        // regions and sides come from where the points land, never from the caller
        List<InjectionPoint> points = ChartRules.located(sent, catalog, geometry, e);
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
        VisitChart stored = store.chart(c, visitId)
                .orElseThrow(() -> new ValidationException("visit", "This visit no longer exists."));
        Visit v = stored.visit();
        if (v.signed()) {
            throw new ValidationException("status", signedMessage(v));
        }
        // hard stops: an unusable lot, or a vial newly charted from that is discarded or past its hours
        e.putAll(unusableLots(points, catalog));
        Map<String, Long> savedVials = new HashMap<>();
        for (InjectionPoint sp : stored.points()) {
            if (sp.vialId() != null) {
                savedVials.put(sp.key(), sp.vialId());
            }
        }
        List<InjectionPoint> newlyFromVial = points.stream()
                .filter(p -> p.vialId() != null && !p.vialId().equals(savedVials.get(p.key()))).toList();
        if (!newlyFromVial.isEmpty()) {
            e.putAll(ChartRules.vialProblems(newlyFromVial, catalog, clock.instant(),
                    inventory.overriddenVials(c, v.id())));
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        Patient p = patients.find(c, v.patientId()).orElseThrow();
        List<ScreeningEntry> checklist = ChartRules.screening(ChartRules.productsOf(points, catalog), p.details(),
                draft.screening());
        ChartDraft content = new ChartDraft(draft.notes(), points, checklist, draft.consentConfirmed(),
                draft.offLabelConsentConfirmed());
        if (ChartRules.sameContent(ChartDraft.of(stored), content)) {
            return stored;
        }
        // to the microsecond the database keeps, so the chart returned is the chart openVisit reads back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        store.updateDraft(c, v.id(), version, content, now, u.id(), clock.getZone());
        store.replaceDraftContent(c, v.id(), ChartDraft.of(stored), content);
        audit.log(c, u, Audit.UPDATE, "visit", v.id(), v.patientId(), "saved the draft visit of "
                + when(v.startedAt()) + ": " + describe(points, catalog));
        // what was written, as openVisit reads it back (no addenda: a draft has none)
        return new VisitChart(v.savedDraft(content, now), content.points(), content.screening().stream()
                .sorted(Comparator.comparing(ScreeningEntry::item)).toList(), List.of(), false);
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
        return signAll(List.of(new VisitRef(visitId, version)), () -> auth.verifyPassword(password)).get(0);
    }

    /**
     * Signs a draft as {@link #sign} does, the injector giving their 6-digit signing PIN instead of the
     * password ({@link org.needlepoint.security.AuthService#verifyPin}): refused when the clinic requires
     * the password or the injector has no PIN; the fifth wrong PIN in a row throws
     * {@link org.needlepoint.security.PinLockedException} (the screen locks until the password is given).
     */
    public VisitChart signWithPin(long visitId, int version, char[] pin) {
        return signAll(List.of(new VisitRef(visitId, version)), () -> auth.verifyPin(pin)).get(0);
    }

    /**
     * End-of-day signing: signs several of the injector's drafts with one password entry, each
     * checked exactly as {@link #sign} does and audited on its own. All or nothing: if any is
     * refused, none is signed. The demo seeder uses it to sign a clinic day's visits at once.
     */
    public List<VisitChart> signDrafts(List<Visit> drafts, char[] password) {
        return signAll(drafts.stream().map(v -> new VisitRef(v.id(), v.version())).toList(),
                () -> auth.verifyPassword(password));
    }

    /** How the signed-in person signs charts (PIN or password; the front desk signs none: password). */
    public org.needlepoint.security.SigningMethod signingMethod() {
        User u = session.require();
        return java.util.Arrays.asList(CHARTING).contains(u.role()) ? auth.signingMethod()
                : org.needlepoint.security.SigningMethod.PASSWORD;
    }

    private record VisitRef(long id, int version) {
    }

    private List<VisitChart> signAll(List<VisitRef> refs, Runnable verify) {
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
        verify.run();
        return db.tx(c -> {
            List<VisitChart> out = new ArrayList<>();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            for (VisitRef r : refs) {
                Signable ok = checkSignable(c, r, u);
                VisitChart chart = ok.chart();
                int version = r.version();
                // the visit records the consents found on file as it is signed
                if (ok.draft().consentConfirmed() != chart.visit().consentConfirmed()
                        || ok.draft().offLabelConsentConfirmed() != chart.visit().offLabelConsentConfirmed()) {
                    store.updateDraft(c, r.id(), version, ok.draft(), now, u.id(), clock.getZone());
                    version++;
                }
                store.sign(c, r.id(), version, u.id(), now, clock.getZone());
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

    /** A chart that may be signed, and its content with the consent flags as the signed consents on file say. */
    private record Signable(VisitChart chart, ChartDraft draft) {
    }

    private Signable checkSignable(Connection c, VisitRef r, User u) throws SQLException {
        VisitChart chart = store.chart(c, r.id())
                .orElseThrow(() -> new ValidationException("visit", "This visit no longer exists."));
        Visit v = chart.visit();
        if (v.signed()) {
            throw new ValidationException("status", signedMessage(v));
        }
        if (v.version() != r.version()) {
            throw Versions.stale(c, "visit", v.id(), "This visit's chart", clock.getZone());
        }
        if (v.injectorId() != u.id()) {
            throw new PermissionDeniedException("Only the visit's injector, " + v.injectorName()
                    + ", can sign this chart.");
        }
        Catalog catalog = catalogFor(c, chart.points());
        ConsentCoverage onFile = consentCoverage(c, v, chart.points(), catalog);
        ChartDraft draft = ChartDraft.of(chart).withConsents(onFile.complete(),
                onFile.onFile().containsKey(ConsentKind.BIOSTIMULATOR));
        Map<String, String> e = new LinkedHashMap<>(ChartRules.signProblems(draft, catalog, today()));
        if (!onFile.complete()) {
            e.put("consent", onFile.missingMessage());
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        return new Signable(chart, draft);
    }

    /** The signed consents on file, on the visit's day, for the kinds of the products charted. */
    private ConsentCoverage consentCoverage(Connection c, Visit v, List<InjectionPoint> points, Catalog catalog)
            throws SQLException {
        Set<ProductKind> kinds = ChartRules.productsOf(points, catalog).stream().map(Product::kind)
                .collect(Collectors.toSet());
        return consents.coverage(c, v.patientId(), kinds, LocalDate.ofInstant(v.startedAt(), clock.getZone()));
    }

    /**
     * The signed consents on file for the visit's products, on the visit's day (the chart's consent
     * step): for each kind charted the consent valid then, and the kinds without one. Any staff.
     */
    public ConsentCoverage consentsOnFile(long visitId, Collection<ProductKind> kinds) {
        session.require("read consents", ANY_STAFF);
        return db.read(c -> {
            Visit v = store.chart(c, visitId).orElseThrow(() -> new ValidationException("visit",
                    "This visit no longer exists.")).visit();
            return consents.coverage(c, v.patientId(), kinds, LocalDate.ofInstant(v.startedAt(), clock.getZone()));
        });
    }

    /**
     * Adds an addendum to a SIGNED visit: text and/or further points, stamped with the author and
     * the time. The original chart stays as it was. Added points need a usable lot of their product,
     * and Sculptra off-label only if the visit's off-label consent was confirmed; their regions and
     * sides are derived from where they land, as {@link #saveDraft} does, and a point on no region
     * is refused.
     */
    public VisitChart addAddendum(long visitId, String text, List<InjectionPoint> points) {
        User u = session.require("add addenda", CHARTING);
        String body = Text.clean(text);
        List<InjectionPoint> sent = points == null ? List.of()
                : points.stream().map(p -> p == null ? null : p.withAddendum(null)).toList();
        if (body == null && sent.isEmpty()) {
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
            Catalog catalog = catalogFor(c, sent);
            Map<String, String> e = new LinkedHashMap<>(ChartRules.pointProblems(sent, catalog));
            List<InjectionPoint> added = ChartRules.located(sent, catalog, geometry, e);
            Set<String> taken = chart.allPoints().stream().map(InjectionPoint::key).collect(Collectors.toSet());
            for (InjectionPoint p : added) {
                if (p != null && taken.contains(p.key())) {
                    e.putIfAbsent("points." + p.key() + ".key", "The visit already has a point with the key " + p.key() + ".");
                }
            }
            if (e.isEmpty()) {
                e.putAll(ChartRules.lotProblems(added, catalog, today()));
                e.putAll(ChartRules.vialProblems(added, catalog, clock.instant(), inventory.overriddenVials(c, visitId)));
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
            Product product = inventory.product(c, productId)
                    .orElseThrow(() -> new ValidationException("product", "Choose a product from the catalogue."));
            return ChartRules.apply(pattern, product, lotId, ChartService::newKey);
        });
    }

    /**
     * Saves points (the current map, or part of it) as a clinic pattern. All its points must be of
     * one kind of product in one unit, and toxin points of one brand, because the amounts are
     * only meaningful in that scale. The pattern keeps each point's region and side as derived from
     * where it lands; a point on no region is refused.
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
            Map<String, String> e = new LinkedHashMap<>(ChartRules.pointProblems(points, catalog));
            List<InjectionPoint> located = ChartRules.located(points, catalog, geometry, e);
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
            List<PatternPoint> pp = located.stream().map(p -> new PatternPoint(p.view(), p.x(), p.y(), p.region(),
                    p.side(), p.amount(), p.depth(), p.technique())).toList();
            String brand = first.kind() == ProductKind.TOXIN ? first.brand() : null;
            long id = store.insertPattern(c, clean, first.kind(), first.unit(), brand, u.id(), clock.instant(), pp);
            audit.log(c, Audit.CREATE, "chart_pattern", id, null, "saved the pattern \"" + clean + "\" ("
                    + pp.size() + " points of " + (brand != null ? brand : first.kind().toString()) + ")");
            return store.patterns(c).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        });
    }

    // -------------------------------------------------------------------------------- helpers

    /**
     * The points whose lot must not be used today (expired, quarantined, recalled, unknown or of
     * another product), by field key: a draft holding one is not saved.
     */
    private Map<String, String> unusableLots(List<InjectionPoint> points, Catalog catalog) {
        Map<String, String> e = new LinkedHashMap<>();
        for (InjectionPoint p : points) {
            catalog.product(p.productId()).flatMap(product -> ChartRules.lotWarning(p, product, catalog, today()))
                    .filter(ChartWarning::error).ifPresent(w -> e.putIfAbsent("points." + p.key() + ".lot", w.message()));
        }
        return e;
    }

    /** Every product and the lots and vials the points refer to: what validation needs, without reading all stock. */
    private Catalog catalogFor(Connection c, List<InjectionPoint> points) throws SQLException {
        Set<Long> lotIds = new HashSet<>();
        Set<Long> vialIds = new HashSet<>();
        for (InjectionPoint p : points) {
            if (p != null && p.lotId() != null) {
                lotIds.add(p.lotId());
            }
            if (p != null && p.vialId() != null) {
                vialIds.add(p.vialId());
            }
        }
        return new Catalog(inventory.products(c), inventory.lotsByIds(c, lotIds, clock.instant()),
                inventory.vialsByIds(c, vialIds));
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
