package org.needlepoint.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.needlepoint.inventory.Product;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.report.PdfDoc.Palette;
import org.needlepoint.report.PdfDoc.Style;

/**
 * The aftercare sheet the patient takes home: the clinic and its phone number up front, then one
 * section per kind of product charted on the visit (toxins, Sculptra, HA fillers) in plain
 * language, from the editable texts of {@link AftercareText}, with dates worked out from the
 * visit's date.
 */
final class AftercarePdf {
    private static final Style CLINIC = new Style(true, 17f, Palette.ACCENT);
    private static final Style CLINIC_LINE = new Style(false, 9.5f, Palette.MUTED);
    private static final Style TITLE = new Style(true, 21f, Palette.INK);
    private static final Style FOR = new Style(false, 11f, Palette.INK);
    private static final Style SECTION = new Style(true, 15f, Palette.ACCENT);
    private static final Style HEADING = new Style(true, 11.5f, Palette.INK);
    private static final Style BODY = new Style(false, 10.5f, Palette.INK);
    private static final Style URGENT = new Style(true, 10.5f, Palette.RED);
    private static final Style PHONE = new Style(true, 19f, Palette.ACCENT);
    private static final Style SMALL = new Style(false, 8f, Palette.MUTED);
    private static final float INDENT = 14f;

    private final VisitRecord r;
    private final PdfDoc doc;
    private final Function<ProductKind, AftercareText> texts;
    /** The title of the section being printed, repeated at the top of a page it runs on to. */
    private String currentSection;

    AftercarePdf(VisitRecord record, PdfDoc doc, Function<ProductKind, AftercareText> texts) {
        this.r = record;
        this.doc = doc;
        this.texts = texts;
    }

    /** The kinds charted on the visit, in the catalogue's order, with the brands of each. */
    static Map<ProductKind, Set<String>> kinds(VisitRecord r) {
        Map<ProductKind, Set<String>> out = new EnumMap<>(ProductKind.class);
        r.chart().allPoints().forEach(p -> r.catalog().product(p.productId())
                .ifPresent(product -> out.computeIfAbsent(product.kind(), k -> new LinkedHashSet<>()).add(brand(product))));
        return out;
    }

    private static String brand(Product p) {
        return p.brand() == null || p.brand().isBlank() ? p.name() : p.brand();
    }

    byte[] render() throws IOException {
        doc.metadata("Aftercare: " + r.patientName() + ", " + r.day(r.chart().visit().startedAt()), r.clinic().name(),
                "Aftercare instructions", r.printedAt(), r.zone());
        doc.onNewPage(this::runningHeader);
        doc.newPage();
        header();
        for (Map.Entry<ProductKind, Set<String>> e : kinds(r).entrySet()) {
            section(texts.apply(e.getKey()), e.getValue());
        }
        return doc.finish(this::decorate);
    }

    private void header() throws IOException {
        doc.text(r.clinic().name(), CLINIC, doc.left, PdfDoc.baseline(doc.y, CLINIC));
        doc.y -= CLINIC.leading();
        String address = r.clinic().address();
        for (String line : doc.wrap(address, CLINIC_LINE, doc.width())) {
            doc.text(line, CLINIC_LINE, doc.left, PdfDoc.baseline(doc.y, CLINIC_LINE));
            doc.y -= CLINIC_LINE.leading();
        }
        doc.gap(4);
        doc.rule(doc.left, doc.right, doc.y, Palette.ACCENT, 1.4f);
        doc.gap(16);
        doc.text("Aftercare instructions", TITLE, doc.left, PdfDoc.baseline(doc.y, TITLE));
        doc.y -= TITLE.leading();
        doc.paragraph("For " + r.patientName() + ", after your treatment on "
                + VisitRecord.LONG_DAY.format(r.visitDate()) + " with " + r.injectorName() + ".", FOR);
        doc.gap(10);

        // the phone number, where nobody can miss it
        float h = 66;
        doc.box(doc.left, doc.y, doc.width(), h, 6, Palette.ACCENT_TINT, Palette.ACCENT, 1f);
        float ty = doc.y - 9;
        doc.text("Questions or worries? Call us on", HEADING, doc.left + 14, PdfDoc.baseline(ty, HEADING));
        ty -= HEADING.leading() + 1;
        doc.text(r.clinic().phone(), PHONE, doc.left + 14, PdfDoc.baseline(ty, PHONE));
        ty -= PHONE.leading();
        doc.text(r.clinic().name() + " \u00b7 please keep this sheet until your treatment has fully settled.",
                SMALL.withColour(Palette.INK), doc.left + 14, PdfDoc.baseline(ty, SMALL));
        doc.y -= h + 14;
    }

    private void runningHeader(PdfDoc d) throws IOException {
        float bl = PdfDoc.baseline(d.y, SMALL);
        d.text("Aftercare instructions \u00b7 " + r.patientName(), SMALL.asBold(), d.left, bl);
        d.textRight(r.clinic().name() + " \u00b7 " + r.clinic().phone(), SMALL, d.right, bl);
        d.y -= SMALL.leading() + 3;
        d.rule(d.left, d.right, d.y, Palette.RULE, 0.7f);
        d.gap(12);
        if (currentSection != null) {
            Style continued = SECTION.withSize(11.5f);
            d.text(currentSection + " (continued)", continued, d.left, PdfDoc.baseline(d.y, continued));
            d.y -= continued.leading() + 6;
        }
    }

    private void section(AftercareText text, Set<String> brands) throws IOException {
        Map<String, String> values = values(text, brands);
        List<AftercareText.Block> blocks = new ArrayList<>();
        text.blocks().forEach(b -> blocks.add(b.fill(values)));
        String title = AftercareText.fill(text.title(), values);

        // a section that would start low on a page and run on to the next starts on the next instead;
        // and a title always comes with its first heading and some text
        currentSection = null;
        float room = doc.y - doc.bottom;
        if (room < height(title, blocks) && room < 0.4f * (doc.top - doc.bottom)) {
            doc.newPage();
        }
        doc.need(SECTION.leading() + 14 + HEADING.leading() + 3 * BODY.leading());
        doc.gap(4);
        float top = doc.y;
        doc.box(doc.left, top + 1, 4, SECTION.leading(), 0, Palette.ACCENT, null, 0);
        for (String line : doc.wrap(title, SECTION, doc.width() - 12)) {
            doc.text(line, SECTION, doc.left + 12, PdfDoc.baseline(doc.y, SECTION));
            doc.y -= SECTION.leading();
        }
        doc.gap(6);
        currentSection = title;
        for (AftercareText.Block b : blocks) {
            switch (b.type()) {
                case HEADING -> {
                    // keep a heading with at least two lines of what follows
                    doc.need(HEADING.leading() + 6 + 2 * BODY.leading());
                    doc.gap(6);
                    doc.paragraph(b.text(), HEADING);
                    doc.gap(2);
                }
                case PARAGRAPH -> {
                    doc.paragraph(b.text(), BODY);
                    doc.gap(4);
                }
                case BULLET -> bullet(b.text());
                case URGENT -> urgent(b.text());
            }
        }
        doc.gap(14);
        currentSection = null;
    }

    /** The height {@link #section} will take, without page breaks. */
    private float height(String title, List<AftercareText.Block> blocks) throws IOException {
        float h = 4 + doc.height(title, SECTION, doc.width() - 12) + 6 + 14;
        for (AftercareText.Block b : blocks) {
            h += switch (b.type()) {
                case HEADING -> 6 + doc.height(b.text(), HEADING, doc.width()) + 2;
                case PARAGRAPH -> doc.height(b.text(), BODY, doc.width()) + 4;
                case BULLET -> doc.height(b.text(), BODY, doc.width() - INDENT) + 2;
                case URGENT -> 4 + doc.height(b.text(), URGENT, doc.width() - 28) + 16 + 8;
            };
        }
        return h;
    }

    private Map<String, String> values(AftercareText text, Set<String> brands) {
        LocalDate visitDay = r.visitDate();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("clinicName", r.clinic().name());
        v.put("clinicPhone", r.clinic().phone());
        v.put("products", String.join(" and ", brands));
        v.put("visitDate", VisitRecord.LONG_DAY.format(visitDay));
        text.dates().forEach((name, days) -> v.put(name, VisitRecord.LONG_DAY.format(visitDay.plusDays(days))));
        return v;
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

    private void urgent(String text) throws IOException {
        float inner = doc.width() - 28;
        List<String> lines = doc.wrap(text, URGENT, inner);
        float h = lines.size() * URGENT.leading() + 16;
        doc.gap(4);
        doc.need(h);
        doc.box(doc.left, doc.y, doc.width(), h, 5, Palette.RED_TINT, Palette.RED, 1.2f);
        float ty = doc.y - 8;
        for (String line : lines) {
            doc.text(line, URGENT, doc.left + 14, PdfDoc.baseline(ty, URGENT));
            ty -= URGENT.leading();
        }
        doc.y -= h + 8;
    }

    private void decorate(PdfDoc d, int page, int pages) throws IOException {
        float lineY = d.bottom - 10;
        d.rule(d.left, d.right, lineY, Palette.RULE, 0.7f);
        float bl = lineY - 11;
        d.text(r.clinic().name() + " \u00b7 " + r.clinic().phone() + " \u00b7 printed " + r.day(r.printedAt()), SMALL,
                d.left, bl);
        d.textRight("Page " + page + " of " + pages, SMALL.asBold().withColour(Palette.INK), d.right, bl);
    }
}
