package org.needlepoint.report;

import java.io.IOException;
import java.util.List;
import org.needlepoint.report.PdfDoc.Palette;
import org.needlepoint.report.PdfDoc.Style;
import org.needlepoint.report.PdfTable.Cell;
import org.needlepoint.report.PdfTable.Column;

/**
 * The MedWatch-ready report of one adverse event as a PDF: the clinic's header, a note on what the
 * document is, then the sections of {@link MedWatchReport} as two-column tables (form item, entry),
 * a running header and page numbers. The patient appears by chart number only.
 */
final class MedWatchPdf {
    private static final Style CLINIC = new Style(true, 14f, Palette.INK);
    private static final Style TITLE = new Style(true, 16f, Palette.ACCENT);
    private static final Style BODY = new Style(false, 9f, Palette.INK);
    private static final Style BODY_BOLD = BODY.asBold();
    private static final Style SMALL = new Style(false, 7.8f, Palette.MUTED);
    private static final Style SECTION = new Style(true, 10.5f, Palette.ACCENT);
    private static final Style SUBHEAD = new Style(true, 8.6f, Palette.INK);
    private static final Style TABLE_HEAD = new Style(true, 7.2f, Palette.MUTED);
    private static final Style TABLE = new Style(false, 8f, Palette.INK);

    private final MedWatchReport r;
    private final PdfDoc doc;

    private final List<ReportPhotos.Printed> photos;

    MedWatchPdf(MedWatchReport report, PdfDoc doc) {
        this(report, doc, List.of());
    }

    /** With {@code photos}: the photos of the event, attached after the form's sections. */
    MedWatchPdf(MedWatchReport report, PdfDoc doc, List<ReportPhotos.Printed> photos) {
        this.r = report;
        this.doc = doc;
        this.photos = List.copyOf(photos);
    }

    byte[] render() throws IOException {
        doc.metadata(MedWatchReport.TITLE + ": " + r.identifier() + ", event " + r.event().id(), r.clinic().name(),
                MedWatchReport.FORM, r.preparedAt(), r.zone());
        doc.onNewPage(this::runningHeader);
        doc.newPage();
        header();
        note();
        for (MedWatchReport.Section s : r.sections()) {
            section(s);
        }
        if (!photos.isEmpty()) {
            doc.need(SECTION.leading() + 200);
            doc.gap(6);
            doc.text("Photos of the event (" + photos.size() + ")", SECTION, doc.left, PdfDoc.baseline(doc.y, SECTION));
            doc.y -= SECTION.leading() + 1;
            doc.rule(doc.left, doc.right, doc.y, Palette.RULE, 0.8f);
            doc.gap(3);
            doc.paragraph("Attached with the patient's photography consent. A photo of the face can identify the patient:"
                    + " send it only where the report goes in confidence.", SMALL);
            doc.gap(6);
            ReportPhotos.draw(doc, photos);
        }
        return doc.finish(this::decorate);
    }

    private void header() throws IOException {
        float y0 = doc.y;
        float half = doc.width() * 0.5f;
        doc.text(r.clinic().name(), CLINIC, doc.left, PdfDoc.baseline(y0, CLINIC));
        float ly = y0 - CLINIC.leading();
        for (String line : doc.wrap(r.clinic().address(), SMALL, half)) {
            doc.text(line, SMALL, doc.left, PdfDoc.baseline(ly, SMALL));
            ly -= SMALL.leading();
        }
        if (!r.clinic().phone().isEmpty()) {
            doc.text("Tel. " + r.clinic().phone(), SMALL, doc.left, PdfDoc.baseline(ly, SMALL));
            ly -= SMALL.leading();
        }
        float ry = y0;
        doc.textRight("MedWatch-ready report", TITLE, doc.right, PdfDoc.baseline(ry, TITLE));
        ry -= TITLE.leading();
        doc.textRight(r.identifier() + " \u00b7 adverse event no. " + r.event().id(), BODY_BOLD, doc.right,
                PdfDoc.baseline(ry, BODY_BOLD));
        ry -= BODY_BOLD.leading();
        doc.textRight("Prepared " + MedWatchReport.DAY.format(r.preparedOn()), SMALL, doc.right, PdfDoc.baseline(ry, SMALL));
        ry -= SMALL.leading();
        doc.y = Math.min(ly, ry) - 5;
        doc.rule(doc.left, doc.right, doc.y, Palette.ACCENT, 1.2f);
        doc.gap(10);
    }

    private void note() throws IOException {
        boolean urgent = r.event().urgent();
        String title = r.event().isSerious() ? "Serious adverse event" : urgent ? "Urgent adverse event" : "Adverse event";
        String text = "The items of " + MedWatchReport.FORM + ", filled from the clinic's record, to copy into FDA MedWatch"
                + " (online or on the form) or to send to the manufacturer. Confidential patient information: the patient"
                + " is identified by chart number only.";
        float inner = doc.width() - 24;
        float h = 8 + BODY_BOLD.leading() + doc.height(text, SMALL, inner) + 6;
        PdfDoc.Rgb fg = r.event().isSerious() || urgent ? Palette.RED : Palette.ACCENT;
        PdfDoc.Rgb tint = r.event().isSerious() || urgent ? Palette.RED_TINT : Palette.ACCENT_TINT;
        doc.box(doc.left, doc.y, doc.width(), h, 4, tint, null, 0);
        doc.box(doc.left, doc.y, 4, h, 0, fg, null, 0);
        float ty = doc.y - 6;
        doc.text(title + ": " + r.event().typeLabel(), BODY_BOLD.withColour(fg), doc.left + 14, PdfDoc.baseline(ty, BODY_BOLD));
        ty -= BODY_BOLD.leading();
        for (String line : doc.wrap(text, SMALL, inner)) {
            doc.text(line, SMALL.withColour(Palette.INK), doc.left + 14, PdfDoc.baseline(ty, SMALL));
            ty -= SMALL.leading();
        }
        doc.y -= h + 12;
    }

    private void section(MedWatchReport.Section s) throws IOException {
        List<PdfTable> tables = new java.util.ArrayList<>();
        for (MedWatchReport.Block b : s.blocks()) {
            PdfTable t = new PdfTable(doc, doc.left, doc.width(), List.of(Column.of("Form item", 34), Column.of("Entry", 66)),
                    TABLE_HEAD, TABLE);
            for (MedWatchReport.Item i : b.items()) {
                t.row(List.of(Cell.styled(i.label(), TABLE.withColour(Palette.MUTED)), Cell.of(i.value())));
            }
            tables.add(t);
        }
        float title = SECTION.leading() + 11;
        float first = tables.isEmpty() ? 0 : blockHeight(s.blocks().get(0), tables.get(0));
        doc.need(title + (fitsOnAPage(first) ? first : 60)); // the title stays with its first block
        doc.gap(4);
        doc.text(s.title(), SECTION, doc.left, PdfDoc.baseline(doc.y, SECTION));
        doc.y -= SECTION.leading() + 1;
        doc.rule(doc.left, doc.right, doc.y, Palette.RULE, 0.8f);
        doc.gap(6);
        for (int i = 0; i < tables.size(); i++) {
            MedWatchReport.Block b = s.blocks().get(i);
            float h = blockHeight(b, tables.get(i));
            doc.need(fitsOnAPage(h) ? h : SUBHEAD.leading() + 40); // a product's block stays on one page when it can
            if (b.heading() != null) {
                doc.text(b.heading(), SUBHEAD, doc.left, PdfDoc.baseline(doc.y, SUBHEAD));
                doc.y -= SUBHEAD.leading() + 2;
            }
            tables.get(i).draw(true);
            doc.gap(8);
        }
    }

    private static float blockHeight(MedWatchReport.Block b, PdfTable t) throws IOException {
        return (b.heading() == null ? 0 : SUBHEAD.leading() + 2) + t.height();
    }

    private boolean fitsOnAPage(float h) {
        return h <= doc.top - doc.bottom - 60;
    }

    private void runningHeader(PdfDoc d) throws IOException {
        float bl = PdfDoc.baseline(d.y, SMALL);
        d.text("MedWatch-ready report \u00b7 " + r.identifier() + " \u00b7 adverse event no. " + r.event().id(),
                SMALL.asBold(), d.left, bl);
        d.textRight(r.clinic().name(), SMALL, d.right, bl);
        d.y -= SMALL.leading() + 3;
        d.rule(d.left, d.right, d.y, Palette.RULE, 0.7f);
        d.gap(10);
    }

    private void decorate(PdfDoc d, int page, int pages) throws IOException {
        float lineY = d.bottom - 10;
        d.rule(d.left, d.right, lineY, Palette.RULE, 0.7f);
        float bl = lineY - 11;
        String by = r.preparedBy() == null ? "unknown" : r.preparedBy().displayName();
        d.text("Prepared " + VisitRecord.TIME.format(r.preparedAt().atZone(r.zone())) + " on "
                + MedWatchReport.DAY.format(r.preparedOn()) + " by " + by + " \u00b7 " + r.clinic().name()
                + " \u00b7 Needlepoint \u00b7 Confidential", SMALL, d.left, bl);
        d.textRight("Page " + page + " of " + pages, SMALL.asBold().withColour(Palette.INK), d.right, bl);
    }
}
