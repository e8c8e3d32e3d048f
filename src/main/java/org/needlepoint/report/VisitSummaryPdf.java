package org.needlepoint.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.needlepoint.chart.Addendum;
import org.needlepoint.chart.ChartRules;
import org.needlepoint.chart.ChartTotals;
import org.needlepoint.chart.Diagram;
import org.needlepoint.chart.DiagramGeometry;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.InjectionPoint;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Visit;
import org.needlepoint.common.Amounts;
import org.needlepoint.inventory.Lot;
import org.needlepoint.inventory.LotStatus;
import org.needlepoint.inventory.Product;
import org.needlepoint.patient.PatientDetails;
import org.needlepoint.report.PdfDoc.Palette;
import org.needlepoint.report.PdfDoc.Rgb;
import org.needlepoint.report.PdfDoc.Style;
import org.needlepoint.report.PdfTable.Cell;
import org.needlepoint.report.PdfTable.Column;

/**
 * The treatment record of one visit, for the patient's file: clinic header, patient, injector,
 * status (signed, or a DRAFT watermark), the site map drawn per view, totals, lots with expiry,
 * the points table, consents, clinical notes and the addenda, kept apart from the original.
 */
final class VisitSummaryPdf {
    static final String DRAFT_MARK = "DRAFT \u2014 not signed";

    private static final Style CLINIC = new Style(true, 14f, Palette.INK);
    private static final Style TITLE = new Style(true, 17f, Palette.ACCENT);
    private static final Style BODY = new Style(false, 9f, Palette.INK);
    private static final Style BODY_BOLD = BODY.asBold();
    private static final Style SMALL = new Style(false, 7.8f, Palette.MUTED);
    private static final Style LABEL = new Style(true, 7f, Palette.MUTED);
    private static final Style SECTION = new Style(true, 10.5f, Palette.ACCENT);
    private static final Style TABLE_HEAD = new Style(true, 7.2f, Palette.MUTED);
    private static final Style TABLE = new Style(false, 7.5f, Palette.INK);
    private static final float SINGLE_VIEW_HEIGHT = 280f;
    private static final float ROW_VIEW_HEIGHT = 215f;
    private static final float MIN_VIEW_HEIGHT = 150f;
    private static final float GUTTER = 14f;

    private final VisitRecord r;
    private final PdfDoc doc;
    private final DiagramGeometry geometry;
    private final Visit visit;
    private final List<InjectionPoint> all;
    private final ChartTotals totals;
    private final List<ReportPhotos.Printed> photos;

    VisitSummaryPdf(VisitRecord record, PdfDoc doc, DiagramGeometry geometry) {
        this(record, doc, geometry, List.of());
    }

    /** With {@code photos}: the visit's before/after pair of a view, printed after the site map. */
    VisitSummaryPdf(VisitRecord record, PdfDoc doc, DiagramGeometry geometry, List<ReportPhotos.Printed> photos) {
        this.photos = List.copyOf(photos);
        this.r = record;
        this.doc = doc;
        this.geometry = geometry;
        this.visit = record.chart().visit();
        this.all = record.chart().allPoints();
        this.totals = ChartRules.totals(all, record.catalog());
    }

    byte[] render() throws IOException {
        doc.metadata("Treatment record: " + r.patientFiledName() + ", " + r.dayTime(visit.startedAt()),
                r.clinic().name(), "Visit " + visit.id() + ", chart " + r.patient().chartNumber(), r.printedAt(), r.zone());
        doc.onNewPage(this::runningHeader);
        doc.newPage();
        header();
        status();
        facts();
        map();
        photos();
        pointsSection();
        notes();
        addenda();
        return doc.finish(this::decorate);
    }

    // ------------------------------------------------------------------------------ the header

    private void header() throws IOException {
        float y0 = doc.y;
        float half = doc.width() * 0.55f;
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
        doc.textRight("Treatment record", TITLE, doc.right, PdfDoc.baseline(ry, TITLE));
        ry -= TITLE.leading();
        doc.textRight("Visit of " + r.dayTime(visit.startedAt()), BODY_BOLD, doc.right, PdfDoc.baseline(ry, BODY_BOLD));
        ry -= BODY_BOLD.leading();
        doc.textRight("Visit no. " + visit.id() + " \u00b7 chart no. " + r.patient().chartNumber(), SMALL, doc.right,
                PdfDoc.baseline(ry, SMALL));
        ry -= SMALL.leading();
        doc.y = Math.min(ly, ry) - 5;
        doc.rule(doc.left, doc.right, doc.y, Palette.ACCENT, 1.2f);
        doc.gap(10);
    }

    private void runningHeader(PdfDoc d) throws IOException {
        float bl = PdfDoc.baseline(d.y, SMALL);
        d.text("Treatment record \u00b7 " + r.patientFiledName() + " \u00b7 chart no. " + r.patient().chartNumber(),
                SMALL.asBold(), d.left, bl);
        d.textRight(r.clinic().name() + " \u00b7 visit of " + r.dayTime(visit.startedAt()), SMALL, d.right, bl);
        d.y -= SMALL.leading() + 3;
        d.rule(d.left, d.right, d.y, Palette.RULE, 0.7f);
        d.gap(10);
    }

    private void status() throws IOException {
        boolean signed = visit.signed();
        String title = signed ? "Signed by " + nameOf(visit.signedByName()) + " at " + r.timeOnDay(visit.signedAt())
                : DRAFT_MARK;
        String text = signed ? "This is the final record of the visit. Corrections and additions made after signing"
                + " are addenda, printed after the original."
                : "This chart is still being written and may change. It is not yet the clinical record of the visit.";
        Rgb fg = signed ? Palette.GREEN : Palette.RED;
        Rgb tint = signed ? Palette.GREEN_TINT : Palette.RED_TINT;
        float inner = doc.width() - 24;
        float h = 8 + BODY_BOLD.leading() + doc.height(text, SMALL, inner) + 6;
        doc.box(doc.left, doc.y, doc.width(), h, 4, tint, null, 0);
        doc.box(doc.left, doc.y, 4, h, 0, fg, null, 0);
        float ty = doc.y - 6;
        doc.text(title, BODY_BOLD.withColour(fg), doc.left + 14, PdfDoc.baseline(ty, BODY_BOLD));
        ty -= BODY_BOLD.leading();
        for (String line : doc.wrap(text, SMALL, inner)) {
            doc.text(line, SMALL.withColour(Palette.INK), doc.left + 14, PdfDoc.baseline(ty, SMALL));
            ty -= SMALL.leading();
        }
        doc.y -= h + 12;
    }

    /** The signer as stored with the visit, title included ("NP Ivy Injector"). */
    private String nameOf(String signer) {
        return signer == null ? r.injectorName() : signer;
    }

    private void facts() throws IOException {
        PatientDetails p = r.patient().details();
        float colW = (doc.width() - 2 * GUTTER) / 3;
        List<List<Line>> cols = new ArrayList<>();

        List<Line> patient = new ArrayList<>();
        patient.add(new Line(r.patientFiledName(), BODY_BOLD.withSize(10.5f)));
        if (p.birthDate() != null) {
            patient.add(new Line("Born " + VisitRecord.DAY.format(p.birthDate()) + " \u00b7 age "
                    + p.ageOn(r.visitDate()), BODY));
        }
        patient.add(new Line("Chart no. " + r.patient().chartNumber(), BODY));
        if (p.allergies() == null) {
            patient.add(new Line("Allergies: none recorded", BODY.withColour(Palette.MUTED)));
        } else {
            patient.add(new Line("Allergies: " + p.allergies(), BODY_BOLD.withColour(Palette.RED)));
        }
        cols.add(patient);

        List<Line> injector = new ArrayList<>();
        injector.add(new Line(r.injectorName(), BODY_BOLD.withSize(10.5f)));
        String licence = r.injector() == null ? null : r.injector().licenceNumber();
        injector.add(licence == null || licence.isBlank() ? new Line("Licence not recorded", BODY.withColour(Palette.MUTED))
                : new Line("Licence " + licence, BODY));
        cols.add(injector);

        List<Line> v = new ArrayList<>();
        v.add(new Line(r.dayTime(visit.startedAt()), BODY_BOLD.withSize(10.5f)));
        v.add(visit.consentConfirmed() ? new Line("Treatment consent: confirmed", BODY)
                : new Line("Treatment consent: NOT confirmed", BODY_BOLD.withColour(Palette.RED)));
        Set<Region> offLabel = ChartRules.offLabelPllaRegions(all, r.catalog());
        if (visit.offLabelConsentConfirmed()) {
            v.add(new Line("Off-label use consent: confirmed", BODY));
        } else if (offLabel.isEmpty()) {
            v.add(new Line("Off-label use consent: not needed", BODY.withColour(Palette.MUTED)));
        } else {
            List<String> where = offLabel.stream().map(Region::label).toList();
            String list = where.size() <= 3 ? String.join(", ", where)
                    : String.join(", ", where.subList(0, 3)) + " and " + (where.size() - 3) + " more";
            v.add(new Line("Off-label use consent: NOT confirmed (needed for Sculptra in " + list + ")",
                    BODY_BOLD.withColour(Palette.RED)));
        }
        cols.add(v);

        String[] labels = {"PATIENT", "INJECTOR", "VISIT"};
        float y0 = doc.y;
        float lowest = y0;
        for (int i = 0; i < cols.size(); i++) {
            float x = doc.left + i * (colW + GUTTER);
            float ty = y0;
            doc.text(labels[i], LABEL, x, PdfDoc.baseline(ty, LABEL));
            ty -= LABEL.leading() + 1;
            for (Line line : cols.get(i)) {
                for (String s : doc.wrap(line.text(), line.style(), colW)) {
                    doc.text(s, line.style(), x, PdfDoc.baseline(ty, line.style()));
                    ty -= line.style().leading();
                }
            }
            lowest = Math.min(lowest, ty);
        }
        doc.y = lowest - 8;
    }

    private record Line(String text, Style style) {
    }

    // --------------------------------------------------------------------------------- the map

    private void section(String title, float keepWithNext) throws IOException {
        doc.need(SECTION.leading() + 6 + keepWithNext);
        doc.gap(4);
        doc.text(title, SECTION, doc.left, PdfDoc.baseline(doc.y, SECTION));
        doc.y -= SECTION.leading() + 1;
        doc.rule(doc.left, doc.right, doc.y, Palette.RULE, 0.8f);
        doc.gap(7);
    }

    private void map() throws IOException {
        List<DiagramView> views = new ArrayList<>();
        for (DiagramView view : DiagramView.values()) {
            if (all.stream().anyMatch(p -> p.view() == view)) {
                views.add(view);
            }
        }
        if (views.isEmpty()) {
            section("Injection-site map", BODY.leading());
            doc.paragraph("No points are charted on this visit.", BODY.withColour(Palette.MUTED));
            doc.gap(6);
            return;
        }
        if (views.size() == 1) {
            Diagram d = geometry.diagram(views.get(0));
            float w = (float) Math.min(250, SINGLE_VIEW_HEIGHT * d.aspect());
            float boxH = (float) (w / d.aspect()) + MapDrawing.CAPTION;
            float sideX = doc.left + w + 18;
            float sideW = doc.right - sideX;
            PdfTable tot = totalsTable(sideX, sideW);
            PdfTable lots = lotsTable(sideX, sideW);
            float sideH = subheadHeight() + tot.height() + 3 + TABLE.leading() + 10 + subheadHeight() + lots.height() + 8
                    + legendHeight(sideW);
            float needed = Math.max(boxH, sideH);
            if (needed <= doc.top - doc.bottom - 60) {
                section("Injection-site map, totals and lots", needed);
                float y0 = doc.y;
                MapDrawing.draw(doc, d, d.view().toString(), markers(d.view()), doc.left, y0, w);
                subhead("Totals", sideX);
                tot.draw(false);
                overallLine(sideX, sideW);
                doc.gap(10);
                subhead("Lots used", sideX);
                lots.draw(false);
                doc.gap(8);
                legend(sideX, sideW);
                doc.y = Math.min(doc.y, y0 - boxH) - 10;
                return;
            }
        }
        section("Injection-site map", ROW_VIEW_HEIGHT * 0.6f);
        drawViewRows(views);
        legend(doc.left, doc.width());
        doc.gap(6);
        // totals and lots side by side when both fit here, else one after the other
        float half = (doc.width() - 18) / 2;
        PdfTable tot = totalsTable(doc.left, half);
        PdfTable lots = lotsTable(doc.left + half + 18, half);
        float both = Math.max(tot.height() + 3 + TABLE.leading(), lots.height());
        if (doc.fits(SECTION.leading() + 12 + both + 10)) {
            section("Totals and lots used", both);
            float y0 = doc.y;
            tot.draw(false);
            overallLine(doc.left, half);
            float y1 = doc.y;
            doc.y = y0;
            lots.draw(false);
            doc.y = Math.min(doc.y, y1) - 10;
            return;
        }
        section("Totals", 40);
        totalsTable(doc.left, doc.width()).draw(true);
        overallLine(doc.left, doc.width());
        doc.gap(10);
        section("Lots used", 40);
        lotsTable(doc.left, doc.width()).draw(true);
        doc.gap(8);
    }

    /**
     * Several views in rows of up to three, side by side at one height: as tall as fits the page's
     * width, at most {@link #ROW_VIEW_HEIGHT}; a view that would make its row shorter than
     * {@link #MIN_VIEW_HEIGHT} starts the next row.
     */
    private void drawViewRows(List<DiagramView> views) throws IOException {
        List<List<Diagram>> rows = new ArrayList<>();
        List<Diagram> row = new ArrayList<>();
        for (DiagramView v : views) {
            Diagram d = geometry.diagram(v);
            List<Diagram> wider = new ArrayList<>(row);
            wider.add(d);
            if (!row.isEmpty() && (wider.size() > 3 || rowHeight(wider) < MIN_VIEW_HEIGHT)) {
                rows.add(row);
                row = new ArrayList<>();
            }
            row.add(d);
        }
        rows.add(row);
        for (List<Diagram> rw : rows) {
            float h = rowHeight(rw);
            doc.need(h + MapDrawing.CAPTION);
            float x = doc.left;
            for (Diagram d : rw) {
                float w = (float) (h * d.aspect());
                MapDrawing.draw(doc, d, d.view().toString(), markers(d.view()), x, doc.y, w);
                x += w + GUTTER;
            }
            doc.y -= h + MapDrawing.CAPTION + 8;
        }
    }

    private float rowHeight(List<Diagram> row) {
        double aspects = row.stream().mapToDouble(Diagram::aspect).sum();
        return (float) Math.min(ROW_VIEW_HEIGHT, (doc.width() - (row.size() - 1) * GUTTER) / aspects);
    }

    private List<MapDrawing.Marker> markers(DiagramView view) {
        List<MapDrawing.Marker> out = new ArrayList<>();
        for (InjectionPoint p : all) {
            if (p.view() != view) {
                continue;
            }
            Rgb colour = r.catalog().product(p.productId()).map(x -> Rgb.hex(x.colour())).orElse(Palette.MUTED);
            out.add(new MapDrawing.Marker(p.x(), p.y(), colour, Amounts.plain(p.amount()), p.addendumId() != null));
        }
        return out;
    }

    private float subheadHeight() {
        return LABEL.leading() + 3;
    }

    private void subhead(String text, float x) throws IOException {
        doc.text(text.toUpperCase(java.util.Locale.ROOT), LABEL, x, PdfDoc.baseline(doc.y, LABEL));
        doc.y -= subheadHeight();
    }

    private List<LegendItem> legendItems() {
        List<LegendItem> items = new ArrayList<>();
        for (Product p : ChartRules.productsOf(all, r.catalog())) {
            items.add(new LegendItem(p.name() + " (" + p.unit().symbol() + ")", Rgb.hex(p.colour()), false));
        }
        if (all.stream().anyMatch(p -> p.addendumId() != null)) {
            items.add(new LegendItem("added by an addendum", Palette.MUTED, true));
        }
        return items;
    }

    private record LegendItem(String text, Rgb colour, boolean square) {
    }

    private float legendHeight(float width) throws IOException {
        return legendLines(width).size() * SMALL.leading() + SMALL.leading();
    }

    private List<List<LegendItem>> legendLines(float width) throws IOException {
        List<List<LegendItem>> lines = new ArrayList<>();
        List<LegendItem> line = new ArrayList<>();
        float used = 0;
        for (LegendItem it : legendItems()) {
            float w = 10 + doc.width(it.text(), SMALL) + 12;
            if (!line.isEmpty() && used + w > width) {
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            line.add(it);
            used += w;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private void legend(float x, float width) throws IOException {
        doc.need(legendHeight(width));
        doc.text("Each dot is one point in its product's colour; its label is the amount.", SMALL, x,
                PdfDoc.baseline(doc.y, SMALL));
        doc.y -= SMALL.leading();
        for (List<LegendItem> line : legendLines(width)) {
            float cx = x;
            float bl = PdfDoc.baseline(doc.y, SMALL);
            for (LegendItem it : line) {
                if (it.square()) {
                    doc.box(cx, bl + 6, 6, 6, 0.6f, Palette.WHITE, Palette.INK, 0.8f);
                } else {
                    doc.dot(cx + 3, bl + 2.7f, 3, it.colour());
                }
                doc.text(it.text(), SMALL.withColour(Palette.INK), cx + 10, bl);
                cx += 10 + doc.width(it.text(), SMALL) + 12;
            }
            doc.y -= SMALL.leading();
        }
    }

    private PdfTable totalsTable(float x, float width) {
        PdfTable t = new PdfTable(doc, x, width, List.of(Column.of("Product", 2.2f), Column.right("Points", 0.8f),
                Column.right("Amount", 1.1f), Column.right("Opened", 1.1f)), TABLE_HEAD, TABLE);
        for (ChartTotals.ProductTotal pt : totals.byProduct()) {
            Rgb c = r.catalog().product(pt.productId()).map(p -> Rgb.hex(p.colour())).orElse(Palette.MUTED);
            String opened = pt.packs() == null ? "\u2013" : pt.packs() + " " + pt.packWord() + (pt.packs() == 1 ? "" : "s");
            t.row(List.of(Cell.swatch(pt.productName(), c), Cell.of(Integer.toString(pt.points())),
                    Cell.of(pt.unit().format(pt.amount())), Cell.of(opened)));
        }
        return t;
    }

    /** "Overall: 20 points, 55 U Dysport; 7 mL" (toxin units add up within a brand only). */
    private String overall() {
        String units = totals.overall().stream().map(ChartTotals.UnitTotal::describe).collect(Collectors.joining("; "));
        return "Overall: " + totals.points() + (totals.points() == 1 ? " point" : " points")
                + (units.isEmpty() ? "" : ", " + units);
    }

    private void overallLine(float x, float width) throws IOException {
        doc.gap(3);
        doc.paragraph(overall(), TABLE.asBold(), x + PdfTable.PAD_X, width - PdfTable.PAD_X);
    }

    private PdfTable lotsTable(float x, float width) {
        PdfTable t = new PdfTable(doc, x, width, List.of(Column.of("Product", 1.7f), Column.of("Lot", 1.1f),
                Column.of("Expiry", 1.3f), Column.right("Points", 0.7f)), TABLE_HEAD, TABLE);
        Map<String, List<InjectionPoint>> byLot = new LinkedHashMap<>();
        List<InjectionPoint> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Long.compare(a.productId(), b.productId()));
        for (InjectionPoint p : sorted) {
            byLot.computeIfAbsent(p.productId() + "/" + p.lotId(), k -> new ArrayList<>()).add(p);
        }
        for (List<InjectionPoint> group : byLot.values()) {
            InjectionPoint first = group.get(0);
            Product product = r.catalog().product(first.productId()).orElse(null);
            Cell name = product == null ? Cell.of("Unknown product") : Cell.swatch(product.name(), Rgb.hex(product.colour()));
            Lot lot = r.catalog().lot(first.lotId()).orElse(null);
            Cell number;
            Cell expiry;
            if (lot == null) {
                number = Cell.styled("not recorded", TABLE.asBold().withColour(Palette.RED));
                expiry = Cell.of("\u2013");
            } else {
                number = Cell.styled(lot.lotNumber(), TABLE.asBold());
                String e = VisitRecord.DAY.format(lot.expiry());
                boolean expired = lot.expiredOn(r.visitDate());
                if (expired) {
                    e += " (expired at the visit)";
                }
                if (lot.status() != LotStatus.ACTIVE) {
                    e += " \u00b7 " + lot.status().toString().toUpperCase(java.util.Locale.ROOT);
                }
                expiry = expired || lot.status() != LotStatus.ACTIVE
                        ? Cell.styled(e, TABLE.asBold().withColour(Palette.RED)) : Cell.of(e);
            }
            t.row(List.of(name, number, expiry, Cell.of(Integer.toString(group.size()))));
        }
        return t;
    }

    // ------------------------------------------------------------------------------ the points

    private void pointsSection() throws IOException {
        List<InjectionPoint> original = r.chart().points();
        section("Points (" + original.size() + ")", 30);
        if (original.isEmpty()) {
            doc.paragraph("No points are charted on this visit.", BODY.withColour(Palette.MUTED));
            doc.gap(6);
            return;
        }
        pointsTable(original, 1).draw(true);
        doc.gap(10);
    }

    /**
     * The points as a table. Column weights are the widths in points on A4 (511 pt between the
     * margins), where "Corrugator supercilii, right", "Supraperiosteal", "Cannula, fanning" and "Dysport 300 U" fit on one line;
     * Letter is 3% wider.
     */
    private PdfTable pointsTable(List<InjectionPoint> points, int firstNumber) {
        PdfTable t = new PdfTable(doc, doc.left, doc.width(), List.of(Column.right("#", 22), Column.of("Site", 108),
                Column.of("Product", 74), Column.of("Lot", 50), Column.right("Amount", 44), Column.of("Depth", 68),
                Column.of("Technique", 72), Column.of("Note", 73)), TABLE_HEAD, TABLE);
        int n = firstNumber;
        for (InjectionPoint p : points) {
            Product product = r.catalog().product(p.productId()).orElse(null);
            Cell name = product == null ? Cell.of("Unknown product")
                    : Cell.swatch(product.name(), Rgb.hex(product.colour()));
            Cell lot = r.catalog().lot(p.lotId()).map(l -> Cell.of(l.lotNumber()))
                    .orElseGet(() -> Cell.styled("none", TABLE.withColour(Palette.RED)));
            t.row(List.of(Cell.of(Integer.toString(n++)), Cell.of(p.place()), name, lot,
                    Cell.of(p.amount() == null ? "\u2013" : p.unit().format(p.amount())),
                    Cell.of(p.depth() == null ? "" : p.depth().toString()),
                    Cell.of(p.technique() == null ? "" : p.technique().toString()),
                    Cell.of(p.note() == null ? "" : p.note())));
        }
        return t;
    }

    // ------------------------------------------------------------------------------ photos

    private void photos() throws IOException {
        if (photos.isEmpty()) {
            return;
        }
        section(photos.size() == 2 ? "Photos: before and after" : "Photo", 200);
        ReportPhotos.draw(doc, photos);
        doc.gap(4);
    }

    // ------------------------------------------------------------------------- notes and addenda

    private void notes() throws IOException {
        section("Clinical notes", BODY.leading());
        if (visit.notes() == null) {
            doc.paragraph("None recorded.", BODY.withColour(Palette.MUTED));
        } else {
            doc.paragraph(visit.notes(), BODY);
        }
        doc.gap(8);
    }

    private void addenda() throws IOException {
        List<Addendum> addenda = r.chart().addenda();
        if (addenda.isEmpty()) {
            return;
        }
        section("Addenda (" + addenda.size() + ")", 50);
        doc.paragraph("Written after the visit was signed. The original record above is unchanged; each addendum"
                + " stands as written by its author.", SMALL);
        doc.gap(6);
        int next = r.chart().points().size() + 1;
        int i = 1;
        for (Addendum a : addenda) {
            String head = "Addendum " + i++ + " \u00b7 " + a.authorName() + " \u00b7 " + r.timeOnDay(a.createdAt());
            float h = BODY_BOLD.leading() + 8;
            doc.need(h + BODY.leading() * 2);
            doc.box(doc.left, doc.y, doc.width(), h, 3, Palette.AMBER_TINT, null, 0);
            doc.box(doc.left, doc.y, 4, h, 0, Palette.AMBER, null, 0);
            doc.text(head, BODY_BOLD, doc.left + 12, PdfDoc.baseline(doc.y - 4, BODY_BOLD));
            doc.y -= h + 5;
            if (a.text() != null) {
                doc.paragraph(a.text(), BODY, doc.left + 12, doc.width() - 12);
                doc.gap(5);
            }
            if (!a.points().isEmpty()) {
                ChartTotals t = ChartRules.totals(a.points(), r.catalog());
                doc.need(SMALL.leading() + 30);
                doc.paragraph("Points added: " + t.byProduct().stream()
                        .map(x -> x.productName() + " " + x.unit().format(x.amount()))
                        .collect(Collectors.joining("; ")), SMALL.withColour(Palette.INK), doc.left + 12, doc.width() - 12);
                doc.gap(3);
                pointsTable(a.points(), next).draw(true);
                next += a.points().size();
                doc.gap(4);
            }
            doc.gap(8);
        }
    }

    // ----------------------------------------------------------------------------- every page

    private void decorate(PdfDoc d, int page, int pages) throws IOException {
        float lineY = d.bottom - 10;
        d.rule(d.left, d.right, lineY, Palette.RULE, 0.7f);
        float bl = lineY - 11;
        d.text("Printed " + r.timeOnDay(r.printedAt()) + " by " + printer() + " \u00b7 " + r.clinic().name()
                + " \u00b7 Needlepoint", SMALL, d.left, bl);
        d.textRight("Page " + page + " of " + pages, SMALL.asBold().withColour(Palette.INK), d.right, bl);
        if (!visit.signed()) {
            watermark(d);
        }
    }

    private String printer() {
        return r.printedBy() == null ? "unknown" : r.printedBy().displayName();
    }

    private static void watermark(PdfDoc d) throws IOException {
        Style mark = new Style(true, 58f, Palette.RED);
        float tw = d.width(DRAFT_MARK, mark);
        double angle = Math.toRadians(38);
        float cx = d.pageWidth / 2;
        float cy = d.pageHeight / 2;
        float x = (float) (cx - Math.cos(angle) * tw / 2 + Math.sin(angle) * mark.size() * 0.35);
        float y = (float) (cy - Math.sin(angle) * tw / 2 - Math.cos(angle) * mark.size() * 0.35);
        d.cs().saveGraphicsState();
        d.alpha(0.13f);
        d.textRotated(DRAFT_MARK, mark, x, y, 38);
        d.cs().restoreGraphicsState();
    }
}
