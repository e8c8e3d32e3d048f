package org.needlepoint.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.needlepoint.chart.Catalog;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.chart.DiagramGeometry;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.clinic.ClinicStore;
import org.needlepoint.common.ValidationException;
import org.needlepoint.followup.AdverseEvent;
import org.needlepoint.followup.AdverseEventStore;
import org.needlepoint.followup.EventProduct;
import org.needlepoint.inventory.InventoryStore;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.RecallList;
import org.needlepoint.patient.Patient;
import org.needlepoint.patient.PatientStore;
import org.needlepoint.photo.PhotoFile;
import org.needlepoint.photo.PhotoService;
import org.needlepoint.photo.Pose;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.security.UserStore;
import org.needlepoint.store.Database;

/**
 * Printable PDFs of a visit: the treatment record for the patient's file ({@link #visitSummary})
 * and the aftercare sheet the patient takes home ({@link #aftercare}); and a lot's recall list
 * ({@link #recallList}). The caller writes the bytes
 * where the user chooses, e.g. with {@link #write}. No JavaFX: this runs in the app, a CLI or a
 * test alike. PDFs are made with Apache PDFBox; the map is drawn as vector graphics from the
 * diagrams' line art, and the fonts are chosen as {@link PdfFonts} describes.
 *
 * <p><b>Who may print.</b> INJECTOR and ADMIN accounts print both, for drafts too (a draft's
 * treatment record carries a "DRAFT — not signed" watermark; the aftercare sheet has nothing to
 * mark, since its advice does not depend on signing). The front desk prints the aftercare sheet of
 * a SIGNED visit only, as it opens only signed visits; it never prints the treatment record, which
 * holds the clinical notes it does not see.
 *
 * <p><b>Audit.</b> Patient data leaving the app is audited: each PDF made writes one
 * {@link Audit#EXPORT} row with the visit's and the patient's id, after the PDF was made and
 * before its bytes are handed out. The data is read in one read-only transaction straight from the
 * stores (no SQL here), so a report is a consistent snapshot and opening it for printing does not
 * also log a VIEW of the visit and of the patient.
 */
public final class ReportService {
    private static final Role[] CLINICAL = {Role.INJECTOR, Role.ADMIN};
    private static final Role[] ANY_STAFF = {Role.ADMIN, Role.INJECTOR, Role.FRONT_DESK};

    private final Database db;
    private final ChartStore charts;
    private final InventoryStore inventory;
    private final PatientStore patients;
    private final UserStore users;
    private final ClinicStore clinics;
    private final AdverseEventStore events;
    private final Audit audit;
    private final Session session;
    private final Clock clock;
    private final PaperSize paper;
    private final PdfFonts.Source fonts;
    /** Where photos for the reports come from (null: reports without photos). */
    private final PhotoService photos;

    public ReportService(Database db, ChartStore charts, InventoryStore inventory, PatientStore patients, UserStore users,
                         ClinicStore clinics, AdverseEventStore events, Audit audit, Session session, Clock clock,
                         PaperSize paper) {
        this(db, charts, inventory, patients, users, clinics, events, audit, session, clock, paper,
                PdfFonts.Source.SYSTEM_THEN_STANDARD, null);
    }

    private ReportService(Database db, ChartStore charts, InventoryStore inventory, PatientStore patients, UserStore users,
                          ClinicStore clinics, AdverseEventStore events, Audit audit, Session session, Clock clock,
                          PaperSize paper,
                          PdfFonts.Source fonts, PhotoService photos) {
        this.db = db;
        this.charts = charts;
        this.inventory = inventory;
        this.patients = patients;
        this.users = users;
        this.clinics = clinics;
        this.events = events;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
        this.paper = paper;
        this.fonts = fonts;
        this.photos = photos;
    }

    /** The same service printing with other fonts (tests of the Helvetica fallback). */
    ReportService withFonts(PdfFonts.Source source) {
        return new ReportService(db, charts, inventory, patients, users, clinics, events, audit, session, clock, paper, source, photos);
    }

    /** The same service on other paper. */
    public ReportService withPaper(PaperSize size) {
        return new ReportService(db, charts, inventory, patients, users, clinics, events, audit, session, clock, size, fonts, photos);
    }

    /**
     * The same service able to put photos into its reports, read through {@code photoService} (which refuses
     * them without the patient's photography consent).
     */
    public ReportService withPhotos(PhotoService photoService) {
        return new ReportService(db, charts, inventory, patients, users, clinics, events, audit, session, clock, paper,
                fonts, photoService);
    }

    public PaperSize paper() {
        return paper;
    }

    /**
     * The visit's treatment record as a PDF: clinic, patient, injector, status, the site map per
     * view, totals, lots with expiry, the points, consents, clinical notes and addenda, with page
     * numbers. INJECTOR and ADMIN only; audited as an export.
     */
    public byte[] visitSummary(long visitId) {
        return visitSummary(visitId, null);
    }

    /**
     * The treatment record as {@link #visitSummary(long)}, with the visit's before/after pair of photos in
     * {@code photoView} (null: no photos; nothing is added when the visit has no photo in that view). Refused
     * (ValidationException, field "photos") when the visit has photos in that view and the patient has no
     * photography consent. The audit names the photos exported.
     */
    public byte[] visitSummary(long visitId, Pose photoView) {
        User u = session.require("print treatment records", CLINICAL);
        VisitRecord rec = db.read(c -> load(c, visitId, u));
        List<PhotoFile> pair = photoView == null ? List.of() : photoSource().visitPairForExport(visitId, photoView);
        List<ReportPhotos.Printed> printed = ReportPhotos.prepare(pair, clock.getZone());
        byte[] pdf;
        int pages;
        try (PdfDoc doc = new PdfDoc(fonts, paper)) {
            pdf = new VisitSummaryPdf(rec, doc, DiagramGeometry.standard(), printed).render();
            pages = doc.pageCount();
        } catch (IOException e) {
            throw new UncheckedIOException("The treatment record could not be made: " + e.getMessage(), e);
        }
        exported(rec, "exported the treatment record (PDF, " + pages(pages) + photosNote(pair) + ") of the "
                + rec.chart().visit().status().toString().toLowerCase(Locale.ROOT) + " visit of "
                + rec.timeOnDay(rec.chart().visit().startedAt()) + " for chart " + rec.patient().chartNumber());
        return pdf;
    }

    private PhotoService photoSource() {
        if (photos == null) {
            throw new IllegalStateException("this ReportService was made without photos (see withPhotos)");
        }
        return photos;
    }

    /** "; with 2 photos: Front before (sha256 ab12...), ..." for the audit, or "" without photos. */
    private static String photosNote(List<PhotoFile> photos) {
        if (photos.isEmpty()) {
            return "";
        }
        return "; with " + photos.size() + (photos.size() == 1 ? " photo: " : " photos: ") + photos.stream()
                .map(f -> f.photo().poseLabel() + " " + f.photo().moment().label().toLowerCase(Locale.ROOT) + " (photo "
                        + f.photo().id() + ", sha256 " + f.photo().sha256() + ")").collect(Collectors.joining(", "));
    }

    /**
     * The visit's aftercare sheet as a PDF: one section per kind of product charted (toxins,
     * Sculptra, HA fillers). Any staff; the front desk for signed visits only. Refused when no
     * product is charted yet. Audited as an export.
     */
    public byte[] aftercare(long visitId) {
        User u = session.require("print aftercare sheets", ANY_STAFF);
        VisitRecord rec = db.read(c -> load(c, visitId, u));
        if (u.role() == Role.FRONT_DESK && !rec.chart().visit().signed()) {
            throw new PermissionDeniedException("Front desk accounts can print the aftercare sheet of a signed visit"
                    + " only: this visit is still being charted. Ask the injector to print it or to sign the chart.");
        }
        var kinds = AftercarePdf.kinds(rec);
        if (kinds.isEmpty()) {
            throw new ValidationException("visit", "No product is charted on this visit yet: chart the treatment"
                    + " before printing its aftercare sheet.");
        }
        byte[] pdf;
        int pages;
        try (PdfDoc doc = new PdfDoc(fonts, paper)) {
            pdf = new AftercarePdf(rec, doc, AftercareText::load).render();
            pages = doc.pageCount();
        } catch (IOException e) {
            throw new UncheckedIOException("The aftercare sheet could not be made: " + e.getMessage(), e);
        }
        exported(rec, "exported the aftercare sheet (PDF, " + pages(pages) + "; "
                + kinds.values().stream().flatMap(Set::stream).collect(Collectors.joining(", ")) + ") of the visit of "
                + rec.timeOnDay(rec.chart().visit().startedAt()) + " for chart " + rec.patient().chartNumber());
        return pdf;
    }

    /**
     * A signed consent as a PDF ({@link ConsentPdf}): made once, when the patient signs, by
     * {@code schedule.ConsentService}, which checks who may sign, audits the signing and keeps the PDF
     * with the record; printing it again later is a copy of those bytes, never a new rendering.
     */
    public byte[] consentPdf(ConsentDocument document) {
        try (PdfDoc doc = new PdfDoc(fonts, paper)) {
            return new ConsentPdf(document, doc).render();
        } catch (IOException e) {
            throw new UncheckedIOException("The consent PDF could not be made: " + e.getMessage(), e);
        }
    }

    /**
     * One adverse event as a MedWatch-ready PDF following FDA Form 3500 (sections A, B, D/E, F, G;
     * see {@link MedWatchReport}): the patient by chart number, never by name. INJECTOR and ADMIN
     * only; audited as an export.
     */
    public byte[] medWatchPdf(long eventId) {
        return medWatchPdf(eventId, false);
    }

    /**
     * The MedWatch-ready PDF as {@link #medWatchPdf(long)}, with the photos attached to the event when
     * {@code withPhotos} (after the form's sections; nothing is added when the event has none). Refused
     * (ValidationException, field "photos") when the event has photos and the patient has no photography consent.
     */
    public byte[] medWatchPdf(long eventId, boolean withPhotos) {
        User u = session.require("export adverse-event reports", CLINICAL);
        MedWatchReport rep = db.read(c -> loadMedWatch(c, eventId, u));
        List<PhotoFile> attached = withPhotos ? photoSource().eventPhotosForExport(eventId) : List.of();
        List<ReportPhotos.Printed> printed = ReportPhotos.prepare(attached, clock.getZone());
        byte[] pdf;
        int pages;
        try (PdfDoc doc = new PdfDoc(fonts, paper)) {
            pdf = new MedWatchPdf(rep, doc, printed).render();
            pages = doc.pageCount();
        } catch (IOException e) {
            throw new UncheckedIOException("The MedWatch report could not be made: " + e.getMessage(), e);
        }
        exportedEvent(rep, "PDF, " + pages(pages) + photosNote(attached));
        return pdf;
    }

    /** The same MedWatch-ready report as plain text (to paste into the online form). INJECTOR and ADMIN only; audited. */
    public String medWatchText(long eventId) {
        User u = session.require("export adverse-event reports", CLINICAL);
        MedWatchReport rep = db.read(c -> loadMedWatch(c, eventId, u));
        String text = rep.text();
        exportedEvent(rep, "text");
        return text;
    }

    private MedWatchReport loadMedWatch(Connection c, long eventId, User preparedBy) throws SQLException {
        AdverseEvent e = events.event(c, eventId, charts, clock.instant(), clock.getZone())
                .orElseThrow(() -> new ValidationException("event", "This adverse event no longer exists."));
        Patient patient = patients.find(c, e.patientId())
                .orElseThrow(() -> new ValidationException("patient", "This event's patient no longer exists."));
        VisitChart chart = charts.chart(c, e.visitId()).orElseThrow();
        Set<String> others = new java.util.LinkedHashSet<>();
        Map<Long, Lot> lots = new HashMap<>();
        for (InjectionPoint p : chart.allPoints()) {
            if (!e.pointKeys().contains(p.key())) {
                others.add(p.key());
            }
            if (p.lotId() != null && !lots.containsKey(p.lotId())) {
                inventory.lot(c, p.lotId(), clock.instant()).ifPresent(l -> lots.put(l.id(), l));
            }
        }
        // concomitant products: those of the visit's other points, less the suspect products and lots themselves
        Set<String> suspects = new HashSet<>();
        e.products().forEach(p -> suspects.add(p.productId() + "/" + p.lotId()));
        List<EventProduct> otherProducts = AdverseEventStore.products(chart, others, inventory.products(c), lots,
                clock.getZone()).stream().filter(p -> !suspects.contains(p.productId() + "/" + p.lotId())).toList();
        Clinic clinic = clinics.find(c).orElse(new Clinic("", "", "", 0));
        return new MedWatchReport(clinic, e, patient, users.findById(c, e.reportedById()).orElse(null), otherProducts,
                preparedBy, clock.instant(), clock.getZone());
    }

    private void exportedEvent(MedWatchReport rep, String format) {
        db.tx(c -> {
            audit.log(c, Audit.EXPORT, "adverse_event", rep.event().id(), rep.patient().id(), "exported the MedWatch-ready"
                    + " report (" + format + ") of adverse event " + rep.event().id() + " (" + rep.event().typeLabel()
                    + ", onset " + rep.event().onsetDate() + ") for chart " + rep.patient().chartNumber());
            return null;
        });
    }

    /**
     * A lot's recall list as a PDF ({@link RecallPdf}): every patient, visit and amount of the lot,
     * with contact details. Any staff (the front desk makes the calls); audited as an export of the lot.
     */
    public byte[] recallList(long lotId) {
        User u = session.require("print recall lists", ANY_STAFF);
        record Loaded(RecallList list, Clinic clinic) {
        }
        Loaded l = db.read(c -> {
            Lot lot = inventory.lot(c, lotId, clock.instant())
                    .orElseThrow(() -> new ValidationException("lot", "This lot is not in the clinic's stock."));
            Product product = inventory.product(c, lot.productId()).orElseThrow();
            return new Loaded(new RecallList(lot, product, inventory.recallPatients(c, lotId, clock.getZone())),
                    clinics.find(c).orElse(new Clinic("", "", "", 0)));
        });
        byte[] pdf;
        int pages;
        try (PdfDoc doc = new PdfDoc(fonts, paper)) {
            pdf = new RecallPdf(l.list(), l.clinic(), u, clock.instant(), clock.getZone(), doc).render();
            pages = doc.pageCount();
        } catch (IOException e) {
            throw new UncheckedIOException("The recall list could not be made: " + e.getMessage(), e);
        }
        db.tx(c -> {
            audit.log(c, Audit.EXPORT, "lot", lotId, null, "exported the recall list (PDF, " + pages(pages) + ") of lot "
                    + l.list().lot().lotNumber() + " of " + l.list().product().name() + ": "
                    + l.list().patients().size() + " patient(s)");
            return null;
        });
        return pdf;
    }

    /**
     * Writes a PDF into {@code folder} as {@code fileName} (".pdf" is added when missing; characters
     * no file system accepts become "_"), replacing a file of that name, and returns its path. The
     * file appears whole or not at all: it is written beside its place and then moved there.
     */
    public Path write(byte[] pdf, Path folder, String fileName) {
        if (pdf == null || pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new IllegalArgumentException("not a PDF");
        }
        Path target = folder.resolve(safeFileName(fileName));
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".needlepoint-", ".part");
            try {
                Files.write(tmp, pdf);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + target + ": " + e.getMessage(), e);
        }
    }

    /** "Smith Zoë: visit 2026-11-21" -> "Smith Zoë_ visit 2026-11-21.pdf". */
    static String safeFileName(String name) {
        String s = name == null ? "" : name.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        s = s.replaceAll("^[.\\s]+", "");
        if (s.isEmpty()) {
            s = "report";
        }
        if (s.length() > 150) {
            s = s.substring(0, 150);
        }
        return s.toLowerCase(Locale.ROOT).endsWith(".pdf") ? s : s + ".pdf";
    }

    // -------------------------------------------------------------------------------- helpers

    private VisitRecord load(Connection c, long visitId, User printedBy) throws SQLException {
        VisitChart chart = charts.chart(c, visitId)
                .orElseThrow(() -> new ValidationException("visit", "This visit no longer exists."));
        Patient patient = patients.find(c, chart.visit().patientId())
                .orElseThrow(() -> new ValidationException("patient", "This visit's patient no longer exists."));
        User injector = users.findById(c, chart.visit().injectorId()).orElse(null);
        Clinic clinic = clinics.find(c).orElse(new Clinic("", "", "", 0));
        Set<Long> lotIds = new HashSet<>();
        for (InjectionPoint p : chart.allPoints()) {
            if (p.lotId() != null) {
                lotIds.add(p.lotId());
            }
        }
        List<Lot> lots = inventory.lotsByIds(c, lotIds, clock.instant());
        return new VisitRecord(clinic, patient, chart, injector, new Catalog(inventory.products(c), lots), printedBy,
                clock.instant(), clock.getZone());
    }

    private void exported(VisitRecord rec, String summary) {
        db.tx(c -> {
            audit.log(c, Audit.EXPORT, "visit", rec.chart().visit().id(), rec.patient().id(), summary);
            return null;
        });
    }

    private static String pages(int n) {
        return n + (n == 1 ? " page" : " pages");
    }
}
