package org.needlepoint.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.clinic.ClinicStore;
import org.needlepoint.common.Text;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.report.ConsentDocument;
import org.needlepoint.report.ReportService;
import org.needlepoint.security.Audit;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.store.Database;
import org.needlepoint.store.StaleRecordException;

/**
 * Signed, versioned consent. The clinic's consent texts, one per {@link ConsentKind}, are versioned:
 * an Admin's edit writes the next version and the old ones stay readable. A patient signs one or
 * several kinds at once by drawing on the pad; each becomes a signed consent that keeps the exact
 * text version, the strokes and their PNG, the time, the witness (whoever is signed in), the visit
 * when given, and the PDF made there and then. Texts and signed consents are append-only in the
 * database. A signed consent is valid for the clinic's number of months ({@link #validityMonths}).
 *
 * <p>Who may do what: any staff reads texts, signs (as the witness) and reads a patient's consents;
 * only ADMIN edits texts and the validity. Every change is audited in its transaction, and every
 * opening of a consent's PDF as an export. Times and days come from the injected clock.
 */
public final class ConsentService {
    public static final String VALID_MONTHS = "consent.valid.months";
    public static final int DEFAULT_VALID_MONTHS = 12;
    public static final int MAX_VALID_MONTHS = 120;
    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};

    private final Database db;
    private final ConsentStore store;
    private final PatientStore patients;
    private final ClinicStore clinics;
    private final ReportService reports;
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public ConsentService(Database db, ConsentStore store, PatientStore patients, ClinicStore clinics,
                          ReportService reports, Audit audit, Session session, Clock clock) {
        this.db = db;
        this.store = store;
        this.patients = patients;
        this.clinics = clinics;
        this.reports = reports;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------ texts

    /** The newest version of every kind's text, in the kinds' order. Any staff. */
    public List<ConsentText> currentTexts() {
        session.require("read consent texts", ANY_STAFF);
        return db.read(store::currentTexts);
    }

    /** The newest version of {@code kind}'s text. Any staff. */
    public ConsentText currentText(ConsentKind kind) {
        session.require("read consent texts", ANY_STAFF);
        return db.read(c -> current(c, kind));
    }

    /** Every version of {@code kind}'s text, the newest first; old versions stay readable. Any staff. */
    public List<ConsentText> versions(ConsentKind kind) {
        session.require("read consent texts", ANY_STAFF);
        return db.read(c -> store.versions(c, kind));
    }

    /**
     * Edits {@code kind}'s text: writes version {@code basedOnVersion + 1} and returns it; the version
     * edited stays as it was. ADMIN only. Refused: an empty or too long title or body (by field
     * "title" / "body"), a text the same as the current one, and an edit of a version that is no
     * longer the newest (someone else saved meanwhile: {@link StaleRecordException}). Audited.
     */
    public ConsentText editText(ConsentKind kind, int basedOnVersion, String title, String body) {
        User admin = session.require("edit consent texts", Role.ADMIN);
        String t = Text.clean(title);
        String b = body == null ? null : body.strip();
        Map<String, String> e = new LinkedHashMap<>();
        if (t == null) {
            e.put("title", "Give the consent a title.");
        } else if (t.length() > MAX_TITLE) {
            e.put("title", "The title is at most " + MAX_TITLE + " characters.");
        }
        if (b == null || b.isEmpty()) {
            e.put("body", "Write the consent text the patient reads and signs.");
        } else if (b.length() > MAX_BODY) {
            e.put("body", "The text is at most " + MAX_BODY + " characters (it has " + b.length() + ").");
        }
        if (!e.isEmpty()) {
            throw new ValidationException(e);
        }
        return db.tx(c -> {
            ConsentText current = current(c, kind);
            if (current.textVersion() != basedOnVersion) {
                throw new StaleRecordException("Someone else saved version " + current.textVersion() + " of the "
                        + kind.label() + " consent text meanwhile: reload it, then make your change again.");
            }
            if (current.title().equals(t) && current.body().equals(b)) {
                throw new ValidationException("body", "Nothing changed: version " + current.textVersion()
                        + " already says this.");
            }
            long id = store.insertText(c, kind, current.textVersion() + 1, t, b, clock.instant(), admin.id());
            audit.log(c, Audit.CREATE, "consent_text", id, null, "wrote version " + (current.textVersion() + 1)
                    + " of the " + kind.label() + " consent text");
            return store.text(c, id).orElseThrow();
        });
    }

    private ConsentText current(Connection c, ConsentKind kind) throws SQLException {
        return store.current(c, kind).orElseThrow(() -> new ValidationException("kind",
                "There is no " + kind.label() + " consent text."));
    }

    // ------------------------------------------------------------------------------ validity

    /** How many months a signed consent stays valid (default 12). Any staff. */
    public int validityMonths() {
        session.require("read settings", ANY_STAFF);
        return db.read(this::months);
    }

    /** Sets how many months a signed consent stays valid, 1 to {@link #MAX_VALID_MONTHS}. ADMIN only; audited. */
    public void setValidityMonths(int months) {
        User admin = session.require("change settings", Role.ADMIN);
        if (months < 1 || months > MAX_VALID_MONTHS) {
            throw new ValidationException("validityMonths", "A consent is valid for 1 to " + MAX_VALID_MONTHS
                    + " months.");
        }
        db.tx(c -> {
            clinics.putSetting(c, VALID_MONTHS, Integer.toString(months), clock.instant(), admin.id());
            audit.log(c, Audit.UPDATE, "setting", null, null, "signed consents valid for " + months + " months");
            return null;
        });
    }

    private int months(Connection c) throws SQLException {
        return clinics.setting(c, VALID_MONTHS).map(s -> {
            try {
                int m = Integer.parseInt(s.strip());
                return m >= 1 && m <= MAX_VALID_MONTHS ? m : DEFAULT_VALID_MONTHS;
            } catch (NumberFormatException e) {
                return DEFAULT_VALID_MONTHS;
            }
        }).orElse(DEFAULT_VALID_MONTHS);
    }

    // ------------------------------------------------------------------------------ signing

    /**
     * The patient signs the current text of each of {@code kinds} with one drawn signature, witnessed
     * by the signed-in member of staff, for {@code visitId} when given (a visit of this patient). One
     * signed consent per kind, each with its PDF, in one transaction. Refused: no kind, an empty or
     * trivially small signature ("signature"), an unknown patient, a visit of another patient. Any staff.
     */
    public List<SignedConsent> sign(long patientId, Collection<ConsentKind> kinds, Signature signature, Long visitId) {
        User witness = session.require("witness consents", ANY_STAFF);
        Set<ConsentKind> wanted = kinds == null ? Set.of() : new LinkedHashSet<>(kinds);
        if (wanted.isEmpty()) {
            throw new ValidationException("kinds", "Choose what the patient consents to.");
        }
        checkSignature(signature);
        return db.tx(c -> {
            List<ConsentText> texts = new ArrayList<>();
            for (ConsentKind k : EnumSet.copyOf(wanted)) {
                texts.add(current(c, k));
            }
            return signTexts(c, witness, patientId, texts, signature, visitId);
        });
    }

    /**
     * As {@link #sign}, for given text versions ({@code textIds}): what the patient was shown when the
     * screen opened, even if an admin saved a newer version meanwhile.
     */
    public List<SignedConsent> signTexts(long patientId, Collection<Long> textIds, Signature signature, Long visitId) {
        User witness = session.require("witness consents", ANY_STAFF);
        if (textIds == null || textIds.isEmpty()) {
            throw new ValidationException("kinds", "Choose what the patient consents to.");
        }
        checkSignature(signature);
        return db.tx(c -> {
            List<ConsentText> texts = new ArrayList<>();
            for (long id : new LinkedHashSet<>(textIds)) {
                texts.add(store.text(c, id).orElseThrow(() -> new ValidationException("kinds",
                        "That consent text no longer exists.")));
            }
            return signTexts(c, witness, patientId, texts, signature, visitId);
        });
    }

    private static void checkSignature(Signature signature) {
        if (signature == null) {
            throw new ValidationException("signature", "The patient has not signed: ask them to sign in the box.");
        }
        signature.problem().ifPresent(m -> {
            throw new ValidationException("signature", m);
        });
    }

    private List<SignedConsent> signTexts(Connection c, User witness, long patientId, List<ConsentText> texts,
                                          Signature signature, Long visitId) throws SQLException {
        Patient p = patients.find(c, patientId).orElseThrow(() -> new ValidationException("patient",
                "This patient no longer exists."));
        if (visitId != null && !store.visitPatient(c, visitId).map(id -> id == patientId).orElse(false)) {
            throw new ValidationException("visit", "That visit is not one of this patient's.");
        }
        Clinic clinic = clinics.find(c).orElseThrow();
        int months = months(c);
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, clock.getZone());
        String strokes = signature.encode();
        byte[] png = signature.png();
        List<SignedConsent> out = new ArrayList<>();
        for (ConsentText t : texts) {
            byte[] pdf = reports.consentPdf(new ConsentDocument(clinic.name(), clinic.address(), clinic.phone(),
                    p.details().displayName(), p.chartNumber(), p.details().birthDate(), t.title(), t.kind().label(),
                    t.textVersion(), t.body(), png, now, clock.getZone(), witness.fullName(),
                    day.plusMonths(months).minusDays(1)));
            long id = store.insertSigned(c, patientId, t.id(), now, day, witness.id(), visitId, strokes, png, pdf);
            audit.log(c, Audit.CREATE, "signed_consent", id, patientId, "witnessed the " + t.kind().label()
                    + " consent (text version " + t.textVersion() + ") signed by chart " + p.chartNumber()
                    + (visitId == null ? "" : " for visit " + visitId));
            out.add(store.signed(c, id, months).orElseThrow());
        }
        return out;
    }

    // ------------------------------------------------------------------------------ reading

    /** A patient's signed consents, the newest first, each with its last valid day. Any staff. */
    public List<SignedConsent> signedConsents(long patientId) {
        session.require("read consents", ANY_STAFF);
        return db.read(c -> store.signedOf(c, patientId, months(c)));
    }

    /**
     * Whether the patient has a valid signed consent on {@code day} for each product kind a treatment
     * uses (toxin, HA filler, Sculptra): the consents on file and the kinds missing. Any staff.
     */
    public ConsentCoverage validConsentFor(long patientId, Collection<ProductKind> productKinds, LocalDate day) {
        session.require("read consents", ANY_STAFF);
        return db.read(c -> coverage(c, patientId, productKinds, day));
    }

    /**
     * {@link #validConsentFor} inside another service's transaction (the chart's signing): no
     * permission check here, the caller's applies.
     */
    public ConsentCoverage coverage(Connection c, long patientId, Collection<ProductKind> productKinds, LocalDate day)
            throws SQLException {
        Set<ConsentKind> kinds = productKinds.stream().map(ConsentKind::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsentKind.class)));
        return kindsCoverage(c, patientId, kinds, day);
    }

    /**
     * The valid signed consents of {@code kinds} on {@code day} (photos ask for PHOTOGRAPHY), inside another
     * service's transaction: no permission check here, the caller's applies.
     */
    public ConsentCoverage kindsCoverage(Connection c, long patientId, Set<ConsentKind> kinds, LocalDate day)
            throws SQLException {
        Map<ConsentKind, SignedConsent> found = store.validOn(c, patientId, kinds, day, months(c));
        Set<ConsentKind> missing = EnumSet.noneOf(ConsentKind.class);
        for (ConsentKind k : kinds) {
            if (!found.containsKey(k)) {
                missing.add(k);
            }
        }
        return new ConsentCoverage(day, found, missing);
    }

    /** The PDF made when the consent was signed, exactly as it was then. Any staff; audited as an export. */
    public byte[] pdf(long consentId) {
        session.require("print consents", ANY_STAFF);
        return db.tx(c -> {
            SignedConsent s = store.signed(c, consentId, months(c)).orElseThrow(() -> new ValidationException("consent",
                    "This signed consent does not exist."));
            byte[] pdf = store.pdf(c, consentId).orElseThrow();
            audit.log(c, Audit.EXPORT, "signed_consent", consentId, s.patientId(), "exported the PDF of the "
                    + s.kind().label() + " consent signed on " + s.signedOn());
            return pdf;
        });
    }

    /** The signature drawn for a signed consent, from its strokes. Any staff. */
    public Signature signature(long consentId) {
        session.require("read consents", ANY_STAFF);
        return db.read(c -> store.strokes(c, consentId).map(Signature::parse).orElseThrow(() ->
                new ValidationException("consent", "This signed consent does not exist.")));
    }
}
