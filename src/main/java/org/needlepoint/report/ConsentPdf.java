package org.needlepoint.report;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.needlepoint.report.PdfDoc.Palette;
import org.needlepoint.report.PdfDoc.Style;

/**
 * A signed consent as the patient and the record keep it: the clinic, the patient (name, date of
 * birth, chart number), the text exactly as signed with its version, then the drawn signature, the
 * date and time, the witness and the last valid day; every page names the patient and the version.
 */
final class ConsentPdf {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);
    private static final Style CLINIC = new Style(true, 16f, Palette.ACCENT);
    private static final Style CLINIC_LINE = new Style(false, 9.5f, Palette.MUTED);
    private static final Style TITLE = new Style(true, 17f, Palette.INK);
    private static final Style LABEL = new Style(true, 10f, Palette.INK);
    private static final Style HEADING = new Style(true, 11.5f, Palette.ACCENT);
    private static final Style BODY = new Style(false, 10.5f, Palette.INK);
    private static final Style SMALL = new Style(false, 8f, Palette.MUTED);
    private static final float INDENT = 14f;
    private static final float SIGNATURE_HEIGHT = 90f;

    private final ConsentDocument d;
    private final PdfDoc doc;

    ConsentPdf(ConsentDocument document, PdfDoc doc) {
        this.d = document;
        this.doc = doc;
    }

    byte[] render() throws IOException {
        doc.metadata("Consent: " + d.patientName() + ", " + d.kindLabel() + " version " + d.textVersion(), d.clinicName(),
                "Signed consent, chart " + d.chartNumber(), d.signedAt(), d.zone());
        doc.onNewPage(this::runningHeader);
        doc.newPage();
        header();
        body();
        signature();
        return doc.finish(this::decorate);
    }

    private void header() throws IOException {
        doc.text(d.clinicName(), CLINIC, doc.left, PdfDoc.baseline(doc.y, CLINIC));
        doc.y -= CLINIC.leading();
        for (String line : doc.wrap(d.clinicAddress() + " \u00b7 " + d.clinicPhone(), CLINIC_LINE, doc.width())) {
            doc.text(line, CLINIC_LINE, doc.left, PdfDoc.baseline(doc.y, CLINIC_LINE));
            doc.y -= CLINIC_LINE.leading();
        }
        doc.gap(4);
        doc.rule(doc.left, doc.right, doc.y, Palette.ACCENT, 1.4f);
        doc.gap(14);
        doc.paragraph(d.title(), TITLE);
        doc.gap(4);
        doc.paragraph("Patient: " + d.patientName() + " \u00b7 born " + VisitRecord.DAY.format(d.birthDate())
                + " \u00b7 chart " + d.chartNumber(), LABEL);
        doc.paragraph("Consent text: " + d.kindLabel() + ", version " + d.textVersion(), LABEL);
        doc.gap(10);
    }

    private void body() throws IOException {
        for (String block : d.body().split("\\R\\s*\\R")) {
            for (String line : block.split("\\R")) {
                String s = line.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (s.startsWith("## ")) {
                    doc.need(HEADING.leading() + 6 + 2 * BODY.leading());
                    doc.gap(6);
                    doc.paragraph(s.substring(3), HEADING);
                    doc.gap(2);
                } else if (s.startsWith("- ")) {
                    bullet(s.substring(2));
                } else {
                    doc.paragraph(s, BODY);
                    doc.gap(4);
                }
            }
        }
    }

    private void bullet(String text) throws IOException {
        List<String> lines = doc.wrap(text, BODY, doc.width() - INDENT);
        for (int i = 0; i < lines.size(); i++) {
            doc.need(BODY.leading());
            float bl = PdfDoc.baseline(doc.y, BODY);
            if (i == 0) {
                doc.dot(doc.left + 4.5f, bl + BODY.size() * 0.32f, 2.2f, Palette.ACCENT);
            }
            doc.text(lines.get(i), BODY, doc.left + INDENT, bl);
            doc.y -= BODY.leading();
        }
        doc.gap(2);
    }

    /** The signature box: the drawn signature, then who signed, when, the witness and the last valid day. */
    private void signature() throws IOException {
        float h = SIGNATURE_HEIGHT + 16 + 4 * BODY.leading() + 14;
        doc.gap(10);
        doc.need(h);
        doc.box(doc.left, doc.y, doc.width(), h, 6, Palette.SHADE, Palette.RULE, 1f);
        float top = doc.y - 8;
        doc.text("Signature of the patient", LABEL, doc.left + 12, PdfDoc.baseline(top, LABEL));
        top -= LABEL.leading() + 4;
        PDImageXObject img = SignatureImage.of(doc.doc, d.signaturePng());
        float maxW = doc.width() - 24;
        float scale = Math.min(SIGNATURE_HEIGHT / img.getHeight(), maxW / img.getWidth());
        float w = img.getWidth() * scale;
        float ih = img.getHeight() * scale;
        doc.cs().drawImage(img, doc.left + 12, top - ih, w, ih);
        top -= SIGNATURE_HEIGHT + 4;
        doc.rule(doc.left + 12, doc.left + 12 + Math.max(w, 200), top, Palette.MUTED, 0.7f);
        top -= 4;
        String[] lines = {
            "Signed by " + d.patientName() + " on " + WHEN.format(d.signedAt().atZone(d.zone())),
            "Witness: " + d.witnessName(),
            "Valid until " + VisitRecord.LONG_DAY.format(d.validUntil()) + " (inclusive)",
        };
        for (String line : lines) {
            doc.text(line, BODY, doc.left + 12, PdfDoc.baseline(top, BODY));
            top -= BODY.leading();
        }
        doc.y -= h;
    }

    private void runningHeader(PdfDoc p) throws IOException {
        float bl = PdfDoc.baseline(p.y, SMALL);
        p.text("Consent \u00b7 " + d.patientName() + " \u00b7 chart " + d.chartNumber(), SMALL.asBold(), p.left, bl);
        p.textRight(d.kindLabel() + ", version " + d.textVersion(), SMALL, p.right, bl);
        p.y -= SMALL.leading() + 3;
        p.rule(p.left, p.right, p.y, Palette.RULE, 0.7f);
        p.gap(12);
    }

    private void decorate(PdfDoc p, int page, int pages) throws IOException {
        float lineY = p.bottom - 10;
        p.rule(p.left, p.right, lineY, Palette.RULE, 0.7f);
        float bl = lineY - 11;
        p.text(d.clinicName() + " \u00b7 chart " + d.chartNumber() + " \u00b7 consent text version " + d.textVersion(),
                SMALL, p.left, bl);
        p.textRight("Page " + page + " of " + pages, SMALL.asBold().withColour(Palette.INK), p.right, bl);
    }
}
