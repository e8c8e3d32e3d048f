package org.needlepoint.report;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.needlepoint.clinic.Clinic;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.LotState;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.RecallList;
import org.needlepoint.report.PdfDoc.Palette;
import org.needlepoint.report.PdfDoc.Style;
import org.needlepoint.report.PdfTable.Cell;
import org.needlepoint.report.PdfTable.Column;
import org.needlepoint.security.User;

/**
 * A lot's recall list for the people making the calls: the lot (product, number, expiry, state and
 * the recall's reason), totals, then one row per patient per visit with contact details, the visit,
 * its injector, the points and amount of the lot. Drafts are marked. Marked confidential on every page.
 */
final class RecallPdf {
    private static final Style CLINIC = new Style(true, 14f, Palette.ACCENT);
    private static final Style TITLE = new Style(true, 18f, Palette.INK);
    private static final Style BODY = new Style(false, 9.5f, Palette.INK);
    private static final Style LABEL = new Style(true, 9.5f, Palette.MUTED);
    private static final Style ALERT = new Style(true, 10f, Palette.RED);
    private static final Style TH = new Style(true, 8f, Palette.INK);
    private static final Style TD = new Style(false, 8f, Palette.INK);
    private static final Style DRAFT = new Style(true, 8f, Palette.AMBER);
    private static final Style SMALL = new Style(false, 7.5f, Palette.MUTED);

    private final RecallList list;
    private final Clinic clinic;
    private final User printedBy;
    private final Instant printedAt;
    private final ZoneId zone;
    private final LocalDate today;
    private final PdfDoc doc;

    RecallPdf(RecallList list, Clinic clinic, User printedBy, Instant printedAt, ZoneId zone, PdfDoc doc) {
        this.list = list;
        this.clinic = clinic;
        this.printedBy = printedBy;
        this.printedAt = printedAt;
        this.zone = zone;
        this.today = printedAt.atZone(zone).toLocalDate();
        this.doc = doc;
    }

    byte[] render() throws IOException {
        Lot lot = list.lot();
        Product p = list.product();
        doc.metadata("Recall list: lot " + lot.lotNumber() + " of " + p.name(), clinic.name(), "Recall list",
                printedAt, zone);
        doc.onNewPage(this::runningHeader);
        doc.newPage();
        doc.text(clinic.name(), CLINIC, doc.left, PdfDoc.baseline(doc.y, CLINIC));
        doc.y -= CLINIC.leading();
        doc.gap(2);
        doc.rule(doc.left, doc.right, doc.y, Palette.ACCENT, 1.2f);
        doc.gap(12);
        doc.text("Recall list: lot " + lot.lotNumber(), TITLE, doc.left, PdfDoc.baseline(doc.y, TITLE));
        doc.y -= TITLE.leading();
        doc.gap(4);
        fact("Product", p.name() + ", " + p.kind().toString().toLowerCase(java.util.Locale.ROOT));
        fact("Lot", lot.lotNumber() + ", expiry " + VisitRecord.DAY.format(lot.expiry()) + ", first received "
                + VisitRecord.DAY.format(lot.receivedOn()));
        LotState state = lot.state(today);
        String refusal = lot.refusal(p.name(), today);
        fact("State", state + (refusal == null ? "" : ". " + refusal));
        fact("Received by", plural(list.patients().size(), "patient") + " in " + plural(list.visits(), "visit") + ": "
                + plural(list.points(), "point") + ", " + p.unit().format(list.amount()) + " in all"
                + (list.patients().stream().anyMatch(RecallList.Patient::hasDraft)
                ? " (visits marked DRAFT are charted but not signed yet)" : ""));
        doc.gap(8);
        if (state == LotState.RECALLED) {
            doc.paragraph("Contact every patient below about this recall, and record each call.", ALERT);
            doc.gap(6);
        }
        if (list.patients().isEmpty()) {
            doc.paragraph("No patient has been charted with this lot.", BODY);
        } else {
            table();
        }
        return doc.finish(this::decorate);
    }

    private void fact(String label, String value) throws IOException {
        float labelWidth = 78;
        List<String> lines = doc.wrap(value, BODY, doc.width() - labelWidth);
        doc.need(lines.size() * BODY.leading());
        doc.text(label, LABEL, doc.left, PdfDoc.baseline(doc.y, LABEL));
        for (String line : lines) {
            doc.text(line, BODY, doc.left + labelWidth, PdfDoc.baseline(doc.y, BODY));
            doc.y -= BODY.leading();
        }
        doc.gap(1);
    }

    private void table() throws IOException {
        List<Column> cols = List.of(Column.of("Patient", 2.2f), Column.of("Born", 1.1f), Column.of("Phones", 1.9f),
                Column.of("Email", 2.0f), Column.of("Visit", 1.1f), Column.of("Status", 1.2f),
                Column.of("Injector", 1.5f), Column.right("Points", 0.95f), Column.right("Amount", 1.15f));
        PdfTable t = new PdfTable(doc, doc.left, doc.width(), cols, TH, TD);
        for (RecallList.Patient pt : list.patients()) {
            boolean first = true;
            for (RecallList.Visit v : pt.visits()) {
                List<Cell> row = new ArrayList<>();
                row.add(first ? Cell.styled(pt.name() + "\nchart " + pt.chartNumber(), TD.asBold()) : Cell.of(""));
                row.add(Cell.of(first && pt.birthDate() != null ? VisitRecord.DAY.format(pt.birthDate()) : ""));
                row.add(Cell.of(first ? pt.phones() : ""));
                row.add(Cell.of(first && pt.email() != null ? pt.email() : ""));
                row.add(Cell.of(VisitRecord.DAY.format(v.date())));
                row.add(v.draft() ? Cell.styled("DRAFT", DRAFT) : Cell.of("Signed"));
                row.add(Cell.of(v.injectorName()));
                row.add(Cell.of(Integer.toString(v.points().size())));
                row.add(Cell.of(list.product().unit().format(v.amount())));
                t.row(row);
                first = false;
            }
        }
        t.draw(true);
    }

    private void runningHeader(PdfDoc d) throws IOException {
        float bl = PdfDoc.baseline(d.y, SMALL);
        d.text("Recall list: lot " + list.lot().lotNumber() + " of " + list.product().name(), SMALL.asBold(), d.left, bl);
        d.textRight(clinic.name(), SMALL, d.right, bl);
        d.y -= SMALL.leading() + 3;
        d.rule(d.left, d.right, d.y, Palette.RULE, 0.7f);
        d.gap(10);
    }

    private void decorate(PdfDoc d, int page, int pages) throws IOException {
        float lineY = d.bottom - 10;
        d.rule(d.left, d.right, lineY, Palette.RULE, 0.7f);
        float bl = lineY - 11;
        d.text("CONFIDENTIAL: patient contact details. Printed " + VisitRecord.DAY.format(today) + " by "
                + printedBy.displayName() + " \u00b7 " + clinic.name(), SMALL, d.left, bl);
        d.textRight("Page " + page + " of " + pages, SMALL.asBold().withColour(Palette.INK), d.right, bl);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
