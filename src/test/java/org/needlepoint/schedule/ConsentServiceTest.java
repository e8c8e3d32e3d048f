package org.needlepoint.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.common.ValidationException;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.store.StaleRecordException;
import org.needlepoint.store.StoreException;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.Consents;
import org.needlepoint.testing.TestClinic;

/** Signed, versioned consent: texts and their versions, signing, validity, the PDF, and what the database refuses. */
class ConsentServiceTest {
    @TempDir
    Path dir;
    private TestClinic clinic;
    private ConsentService consents;
    private Patient ann;

    @BeforeEach
    void setUp() {
        clinic = new TestClinic(dir).withStaff();
        consents = clinic.services.consents();
        clinic.signIn("desk");
        ann = clinic.services.patients().create(TestClinic.patient("Ann", "Smith", "1985-03-14", "(555) 010-2345"), true);
    }

    @AfterEach
    void tearDown() {
        clinic.close();
    }

    @Test
    void everyKindShipsWithVersionOneAndTheSculptraTextHasItsOffLabelSection() {
        List<ConsentText> texts = consents.currentTexts();
        assertThat(texts).extracting(ConsentText::kind).containsExactly(ConsentKind.values());
        assertThat(texts).allSatisfy(t -> {
            assertThat(t.textVersion()).isEqualTo(1);
            assertThat(t.createdBy()).isNull();
            assertThat(t.body()).contains("## ");
        });
        assertThat(consents.currentText(ConsentKind.BIOSTIMULATOR).body()).contains("## Off-label use", "5-5-5",
                "never injected into the lips or around the eyes");
        assertThat(consents.currentText(ConsentKind.TOXIN).body()).contains("cow's milk protein", "spread of the toxin");
        assertThat(consents.currentText(ConsentKind.CAHA).body()).contains("cannot be dissolved with hyaluronidase");
        assertThat(consents.currentText(ConsentKind.PHOTOGRAPHY).body()).contains("never used for advertising");
        for (ProductKind k : ProductKind.values()) {
            assertThat(ConsentKind.of(k).productKind()).contains(k);
        }
        assertThat(clinic.db.read(new ConsentStore()::problems)).isEmpty();
    }

    @Test
    void aSignedConsentKeepsItsTextVersionAfterTheTextIsEdited() {
        SignedConsent first = consents.sign(ann.id(), List.of(ConsentKind.TOXIN), Consents.signature(), null).get(0);
        assertThat(first.textVersion()).isEqualTo(1);
        assertThat(AuditLog.last(clinic.db)).satisfies(e -> {
            assertThat(e.recordType()).isEqualTo("signed_consent");
            assertThat(e.patientId()).isEqualTo(ann.id());
            assertThat(e.summary()).contains("witnessed the Botulinum toxin", "text version 1");
        });
        assertThat(first.witnessName()).isEqualTo("Dana Desk");

        clinic.signIn("admin");
        ConsentText v1 = consents.currentText(ConsentKind.TOXIN);
        ConsentText v2 = consents.editText(ConsentKind.TOXIN, 1, v1.title(), v1.body() + "\n\nI will tell the clinic about any new medicine.");
        assertThat(v2.textVersion()).isEqualTo(2);
        assertThat(v2.createdBy()).isEqualTo("Alex Admin");
        assertThat(consents.versions(ConsentKind.TOXIN)).extracting(ConsentText::textVersion).containsExactly(2, 1);
        assertThat(consents.versions(ConsentKind.TOXIN).get(1)).as("the old version stays readable, unchanged").isEqualTo(v1);
        assertThat(AuditLog.last(clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.CREATE);
            assertThat(e.summary()).contains("version 2", "Botulinum toxin");
        });

        clinic.signIn("desk");
        SignedConsent second = consents.sign(ann.id(), List.of(ConsentKind.TOXIN), Consents.signature(), null).get(0);
        assertThat(second.textVersion()).isEqualTo(2);
        assertThat(consents.signedConsents(ann.id())).extracting(SignedConsent::id, SignedConsent::textVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second.id(), 2),
                        org.assertj.core.groups.Tuple.tuple(first.id(), 1));
        // the text the patient was shown is the one signed, even when a newer version came meanwhile
        SignedConsent onScreen = consents.signTexts(ann.id(), List.of(v1.id()), Consents.signature(), null).get(0);
        assertThat(onScreen.textVersion()).isEqualTo(1);
    }

    @Test
    void onlyAnAdminEditsATextAndAStaleOrEmptyEditIsRefused() {
        assertThatThrownBy(() -> consents.editText(ConsentKind.TOXIN, 1, "T", "B"))
                .isInstanceOf(PermissionDeniedException.class);
        clinic.signIn("admin");
        ConsentText v1 = consents.currentText(ConsentKind.HA_FILLER);
        assertThatThrownBy(() -> consents.editText(ConsentKind.HA_FILLER, 1, " ", ""))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("title", "body"));
        assertThatThrownBy(() -> consents.editText(ConsentKind.HA_FILLER, 1, v1.title(), v1.body()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Nothing changed");
        consents.editText(ConsentKind.HA_FILLER, 1, v1.title(), v1.body() + "\n\nEdited.");
        assertThatThrownBy(() -> consents.editText(ConsentKind.HA_FILLER, 1, v1.title(), v1.body() + "\n\nMine."))
                .as("another admin saved version 2 meanwhile").isInstanceOf(StaleRecordException.class)
                .hasMessageContaining("version 2");
        assertThat(consents.versions(ConsentKind.HA_FILLER)).hasSize(2);
    }

    @Test
    void anEmptyOrTriviallySmallSignatureIsRefusedAndNothingIsSaved() {
        Signature none = new Signature(600, 220, List.of());
        Signature dot = new Signature(600, 220, List.of(List.of(new Signature.Point(100, 100))));
        Signature tick = new Signature(600, 220, List.of(List.of(new Signature.Point(100, 100),
                new Signature.Point(110, 104), new Signature.Point(114, 100))));
        for (Signature s : List.of(none, dot, tick)) {
            assertThatThrownBy(() -> consents.sign(ann.id(), List.of(ConsentKind.TOXIN), s, null))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("signature"));
        }
        assertThatThrownBy(() -> consents.sign(ann.id(), List.of(), Consents.signature(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("kinds"));
        assertThat(consents.signedConsents(ann.id())).isEmpty();
        assertThat(AuditLog.entries(clinic.db)).noneMatch(e -> "signed_consent".equals(e.recordType()));
    }

    @Test
    void theStrokesAreKeptAsCompactTextAndAPng() {
        Signature drawn = Consents.signature();
        SignedConsent s = consents.sign(ann.id(), List.of(ConsentKind.PHOTOGRAPHY), drawn, null).get(0);
        assertThat(consents.signature(s.id())).isEqualTo(drawn);
        String stored = clinic.db.read(c -> new ConsentStore().strokes(c, s.id())).orElseThrow();
        assertThat(stored).startsWith("v1 600x220;").hasSizeLessThan(drawn.pointCount() * 8);
        byte[] png = clinic.db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT signature_png FROM signed_consent WHERE id = ?")) {
                ps.setLong(1, s.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThatThrownBy(() -> Signature.parse("v2 1x1;0,0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rawSqlCannotChangeOrDeleteASignedConsentOrATextVersion() throws Exception {
        SignedConsent s = consents.sign(ann.id(), List.of(ConsentKind.TOXIN), Consents.signature(), null).get(0);
        for (String sql : List.of("UPDATE signed_consent SET text_id = text_id", "UPDATE signed_consent SET strokes = 'v1 1x1'",
                "DELETE FROM signed_consent", "UPDATE consent_text SET body = 'changed'", "DELETE FROM consent_text")) {
            assertThatThrownBy(() -> clinic.db.tx(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate(sql);
                }
            })).as(sql).isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        }
        // and outside the transaction helper's retry and audit: a bare statement on a pooled connection
        assertThatThrownBy(() -> clinic.db.read(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM signed_consent WHERE id = " + s.id());
            }
        })).hasMessageContaining("append-only");
        assertThat(consents.signedConsents(ann.id())).singleElement().satisfies(x -> {
            assertThat(x.signedOn()).isEqualTo(s.signedOn());
            assertThat(x.textVersion()).isEqualTo(1);
        });
        assertThat(consents.currentText(ConsentKind.TOXIN).body()).doesNotContain("changed");
    }

    @Test
    void aConsentIsValidForTheClinicsMonthsJustInsideNotJustOutside() {
        consents.sign(ann.id(), List.of(ConsentKind.TOXIN, ConsentKind.BIOSTIMULATOR), Consents.signature(), null);
        LocalDate signedOn = consents.today(); // 21 Nov 2026
        assertThat(consents.signedConsents(ann.id())).allSatisfy(s -> assertThat(s.validUntil())
                .isEqualTo(LocalDate.of(2027, 11, 20)));

        ConsentCoverage today = consents.validConsentFor(ann.id(), List.of(ProductKind.TOXIN, ProductKind.HA_FILLER), signedOn);
        assertThat(today.onFile()).containsOnlyKeys(ConsentKind.TOXIN);
        assertThat(today.missing()).containsExactly(ConsentKind.HA_FILLER);
        assertThat(today.missingMessage()).contains("Hyaluronic-acid filler");
        assertThat(consents.validConsentFor(ann.id(), List.of(ProductKind.TOXIN), signedOn.minusDays(1)).complete())
                .as("not before it was signed").isFalse();

        // the clock moves on to the last valid day, then one day more
        clinic.clock.advance(Duration.ofDays(364));
        assertThat(consents.today()).isEqualTo(LocalDate.of(2027, 11, 20));
        assertThat(consents.validConsentFor(ann.id(), List.of(ProductKind.TOXIN, ProductKind.BIOSTIMULATOR),
                consents.today()).complete()).as("just inside").isTrue();
        clinic.clock.advance(Duration.ofDays(1));
        assertThat(consents.validConsentFor(ann.id(), List.of(ProductKind.TOXIN), consents.today()).missing())
                .as("just outside").containsExactly(ConsentKind.TOXIN);

        // the clinic sets 24 months: valid again, for the admin to decide
        assertThatThrownBy(() -> consents.setValidityMonths(24)).isInstanceOf(PermissionDeniedException.class);
        clinic.signIn("admin");
        assertThatThrownBy(() -> consents.setValidityMonths(0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("validityMonths"));
        consents.setValidityMonths(24);
        assertThat(consents.validityMonths()).isEqualTo(24);
        assertThat(consents.validConsentFor(ann.id(), List.of(ProductKind.TOXIN), consents.today()).complete()).isTrue();
        assertThat(consents.signedConsents(ann.id()).get(0).validUntil()).isEqualTo(LocalDate.of(2028, 11, 20));
    }

    @Test
    void thePdfOpensWithPdfBoxAndCarriesThePatientTheTextVersionTheWitnessAndTheSignature() throws Exception {
        clinic.signIn("admin");
        ConsentText v1 = consents.currentText(ConsentKind.BIOSTIMULATOR);
        consents.editText(ConsentKind.BIOSTIMULATOR, 1, v1.title(), v1.body() + "\n\nA second version.");
        clinic.signIn("desk");
        SignedConsent s = consents.sign(ann.id(), List.of(ConsentKind.BIOSTIMULATOR), Consents.signature(), null).get(0);

        byte[] pdf = consents.pdf(s.id());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("chart " + ann.chartNumber(), "Smith, Ann", "version 2", "Off-label use",
                    "Witness: Dana Desk", "Valid until", "Test Clinic");
            assertThat(doc.getPage(doc.getNumberOfPages() - 1).getResources().getXObjectNames()).as("the signature image")
                    .isNotEmpty();
        }
        assertThat(consents.pdf(s.id())).as("kept as made, not made again").isEqualTo(pdf);
        assertThat(AuditLog.last(clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.EXPORT);
            assertThat(e.patientId()).isEqualTo(ann.id());
        });
    }

    @Test
    void aVisitOfAnotherPatientIsRefused() {
        Patient bea = clinic.services.patients().create(TestClinic.patient("Bea", "Jones", "1979-06-02", "(555) 010-9876"), true);
        clinic.signIn("injector");
        long beasVisit = clinic.services.charts().startVisit(bea.id()).visit().id();
        assertThatThrownBy(() -> consents.sign(ann.id(), List.of(ConsentKind.TOXIN), Consents.signature(), beasVisit))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("visit"));
        SignedConsent forVisit = consents.sign(bea.id(), List.of(ConsentKind.TOXIN), Consents.signature(), beasVisit).get(0);
        assertThat(forVisit.visitId()).isEqualTo(beasVisit);
        assertThat(forVisit.witnessName()).isEqualTo("Ivy Injector");
        assertThat(clinic.db.read(new ConsentStore()::counts)).isEqualTo(Map.of("consent texts", 7L, "signed consents", 1L));
    }
}
