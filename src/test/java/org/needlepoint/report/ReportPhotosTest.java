package org.needlepoint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.common.ValidationException;
import org.needlepoint.followup.AdverseEvent;
import org.needlepoint.followup.AdverseEventDraft;
import org.needlepoint.followup.AdverseEventType;
import org.needlepoint.followup.EventOutcome;
import org.needlepoint.followup.Severity;
import org.needlepoint.patient.Patient;
import org.needlepoint.photo.ImportRequest;
import org.needlepoint.photo.Moment;
import org.needlepoint.photo.Photo;
import org.needlepoint.photo.PhotoService;
import org.needlepoint.photo.PhotoTarget;
import org.needlepoint.photo.Pose;
import org.needlepoint.photo.TestPhotos;
import org.needlepoint.security.Audit;
import org.needlepoint.security.AuditEntry;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

/**
 * Photos in the reports (issue 14): the treatment record carries the visit's before/after pair of the view asked
 * for, the MedWatch-ready PDF the photos of the event; the export's audit names them; and without the patient's
 * photography consent no photo goes into either (the export with photos is refused, the one without still works).
 */
class ReportPhotosTest {
    @TempDir
    Path dir;
    ReportFixture f;
    PhotoService photos;
    VisitChart visit;
    Photo before;
    Photo after;

    @BeforeEach
    void open() {
        f = new ReportFixture(dir);
        photos = f.clinic.services.photos();
        consent(true); // given on paper: the record's box
        visit = f.signed(f.dysportAndSculptra(), "Glabella and Sculptra session 1.");
        PhotoTarget t = target(visit.visit().id(), null);
        before = importOne(t, Pose.FRONT, Moment.BEFORE, TestPhotos.jpeg(600, 750, 1));
        importOne(t, Pose.LEFT_PROFILE, Moment.BEFORE, TestPhotos.jpeg(600, 750, 2));
        f.clinic.clock.advance(Duration.ofMinutes(40));
        after = importOne(t, Pose.FRONT, Moment.AFTER, TestPhotos.jpeg(600, 750, 3));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void consent(boolean given) {
        Patient p = f.clinic.services.patients().open(f.patient.id());
        f.clinic.services.patients().update(p, TestClinic.withPhotoConsent(p.details(), given));
    }

    private PhotoTarget target(Long visitId, Long eventId) {
        return photos.targets(f.patient.id()).stream().filter(t -> visitId != null ? visitId.equals(t.visitId())
                : eventId.equals(t.adverseEventId())).findFirst().orElseThrow();
    }

    private Photo importOne(PhotoTarget t, Pose pose, Moment m, byte[] jpeg) {
        var out = photos.importBytes(new ImportRequest(f.patient.id(), t, pose, null, m), pose + "-" + m + ".jpg", jpeg);
        assertThat(out.imported()).hasSize(1);
        return out.imported().get(0);
    }

    private static int images(byte[] pdf) throws IOException {
        int n = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private List<AuditEntry> exports() {
        return AuditLog.withAction(f.clinic.db, Audit.EXPORT);
    }

    private void save(String name, byte[] pdf) throws IOException {
        if (Boolean.getBoolean("screenshots")) {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve(name), pdf);
        }
    }

    @Test
    void theTreatmentRecordCarriesTheBeforeAndAfterPairOfTheViewAsked() throws IOException {
        byte[] pdf = f.reports.visitSummary(visit.visit().id(), Pose.FRONT);
        save("treatment-record-with-photos.pdf", pdf);
        assertThat(images(pdf)).isEqualTo(2);
        String text = text(pdf);
        assertThat(text).contains("Photos: before and after", "Front \u00b7 before", "Front \u00b7 after",
                "Front-Before.jpg", "Front-After.jpg");
        AuditEntry last = exports().get(exports().size() - 1);
        assertThat(last.summary()).contains("with 2 photos", before.sha256(), after.sha256());

        byte[] profile = f.reports.visitSummary(visit.visit().id(), Pose.LEFT_PROFILE);
        assertThat(images(profile)).as("only a before in that view").isEqualTo(1);
        assertThat(text(profile)).contains("Left profile \u00b7 before");
        assertThat(images(f.reports.visitSummary(visit.visit().id(), Pose.RIGHT_OBLIQUE))).as("none in that view")
                .isZero();
        assertThat(images(f.reports.visitSummary(visit.visit().id(), null))).as("without photos").isZero();
        assertThat(images(f.reports.visitSummary(visit.visit().id()))).isZero();
    }

    @Test
    void theMedWatchPdfAttachesThePhotosOfTheEvent() throws IOException {
        AdverseEvent e = event();
        Photo seen = importOne(target(null, e.id()), Pose.FRONT, Moment.FOLLOW_UP, TestPhotos.jpeg(800, 600, 9));

        byte[] pdf = f.reports.medWatchPdf(e.id(), true);
        save("medwatch-with-photos.pdf", pdf);
        assertThat(images(pdf)).isEqualTo(1);
        assertThat(text(pdf)).contains("Photos of the event (1)", "Front \u00b7 follow-up");
        assertThat(exports().get(exports().size() - 1).summary()).contains("with 1 photo", seen.sha256());
        assertThat(images(f.reports.medWatchPdf(e.id(), false))).isZero();
        assertThat(images(f.reports.medWatchPdf(e.id()))).isZero();
    }

    @Test
    void withoutPhotographyConsentNoPhotoGoesIntoAnyExport() throws IOException {
        AdverseEvent e = event();
        importOne(target(null, e.id()), Pose.FRONT, Moment.FOLLOW_UP, TestPhotos.jpeg(800, 600, 9));
        consent(false); // the patient withdrew it: the box unticked
        int audited = exports().size();

        assertThatThrownBy(() -> f.reports.visitSummary(visit.visit().id(), Pose.FRONT))
                .isInstanceOfSatisfying(ValidationException.class, x -> assertThat(x.fieldErrors()).containsKey("photos"))
                .hasMessageContaining("has no photography consent, so no photo can go into the treatment record");
        assertThatThrownBy(() -> f.reports.medWatchPdf(e.id(), true))
                .isInstanceOfSatisfying(ValidationException.class, x -> assertThat(x.fieldErrors()).containsKey("photos"))
                .hasMessageContaining("no photo can go into the adverse-event report");
        assertThat(exports()).as("nothing was exported").hasSize(audited);

        assertThat(images(f.reports.visitSummary(visit.visit().id(), null))).isZero();
        assertThat(images(f.reports.medWatchPdf(e.id(), false))).isZero();
        assertThat(exports()).hasSize(audited + 2);
    }

    private AdverseEvent event() {
        f.clinic.clock.advance(Duration.ofDays(2));
        return f.clinic.services.adverseEvents().recordEvent(new AdverseEventDraft(f.patient.id(), visit.visit().id(),
                List.of(visit.points().get(0).key()), f.today(), f.today(), AdverseEventType.BRUISING, null,
                Severity.GRADE_1, false, false, Set.of(), null, "A small bruise at the glabella.", "Cold compress.", null,
                null, EventOutcome.ONGOING, null));
    }
}
