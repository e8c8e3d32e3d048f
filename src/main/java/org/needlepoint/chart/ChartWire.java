package org.needlepoint.chart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.needlepoint.inventory.Unit;

/**
 * A draft, a saved chart and a save's refusal as text, for a joined PC's save that the clinic server runs
 * ({@link ServerSave}): exactly what the objects hold, every value written again as it was read (a point's
 * coordinates as their 64 bits, an amount with its scale). Read where it stands: a number, a name of a kind
 * or a coordinate becomes its value without a string of its own. Each value is its length, a colon and its characters,
 * or {@code ~} for none, so a note may hold any character. A text that is not one of these is refused with an
 * {@link IllegalArgumentException}, nothing taken from it.
 */
final class ChartWire {
    private static final VisitStatus[] STATUSES = VisitStatus.values();
    private static final DiagramView[] VIEWS = DiagramView.values();
    private static final Region[] REGIONS = Region.values();
    private static final Side[] SIDES = Side.values();
    private static final Unit[] UNITS = Unit.values();
    private static final Depth[] DEPTHS = Depth.values();
    private static final Technique[] TECHNIQUES = Technique.values();
    private static final ScreeningItem[] ITEMS = ScreeningItem.values();
    private static final ScreeningAnswer[] ANSWERS = ScreeningAnswer.values();
    private final StringBuilder out;
    private final String in;
    private int at;

    private ChartWire(StringBuilder out, String in) {
        this.out = out;
        this.in = in;
    }

    static String draft(ChartDraft d) {
        ChartWire w = new ChartWire(new StringBuilder(2_048 + 96 * d.points().size()), null);
        w.put(d.notes()).put(d.consentConfirmed()).put(d.offLabelConsentConfirmed());
        w.points(d.points()).screening(d.screening());
        return w.out.toString();
    }

    static ChartDraft draft(String text) {
        ChartWire r = reader(text);
        String notes = r.text();
        boolean consent = r.bool();
        boolean offLabel = r.bool();
        ChartDraft d = new ChartDraft(notes, r.points(), r.screening(), consent, offLabel);
        r.end();
        return d;
    }

    /** A draft's chart as a save returns it: its visit, original points and screening (a draft has no addenda). */
    static String chart(VisitChart c) {
        if (!c.addenda().isEmpty() || c.redacted()) {
            throw new IllegalArgumentException("only a draft's whole chart goes over the wire");
        }
        Visit v = c.visit();
        ChartWire w = new ChartWire(new StringBuilder(2_048 + 96 * c.points().size()), null);
        w.put(v.id()).put(v.patientId()).put(v.startedAt()).put(v.injectorId()).put(v.injectorName()).put(v.status())
                .put(v.notes()).put(v.consentConfirmed()).put(v.offLabelConsentConfirmed()).put(v.signedAt())
                .put(v.signedById()).put(v.signedByName()).put(v.version()).put(v.updatedAt());
        w.points(c.points()).screening(c.screening());
        return w.out.toString();
    }

    static VisitChart chart(String text) {
        ChartWire r = reader(text);
        Visit v = new Visit(r.number(), r.number(), r.instant(), r.number(), r.text(), r.value(STATUSES),
                r.text(), r.bool(), r.bool(), r.instant(), r.longOrNull(), r.text(), Math.toIntExact(r.number()),
                r.instant());
        VisitChart c = new VisitChart(v, r.points(), r.screening(), List.of(), false);
        r.end();
        return c;
    }

    /** A refusal's fields and messages, in their order. */
    static String messages(Map<String, String> byField) {
        ChartWire w = new ChartWire(new StringBuilder(), null);
        w.put(byField.size());
        byField.forEach((k, m) -> w.put(k).put(m));
        return w.out.toString();
    }

    /** The fields and messages {@link #messages(Map)} wrote, read from the start of {@code text} (H2 may add to its end). */
    static Map<String, String> messages(String text) {
        ChartWire r = reader(text);
        Map<String, String> m = new LinkedHashMap<>();
        for (long n = r.count(); n > 0; n--) {
            m.put(r.text(), r.text());
        }
        return m;
    }

    private static ChartWire reader(String text) {
        if (text == null) {
            throw new IllegalArgumentException("nothing to read");
        }
        return new ChartWire(null, text);
    }

    private ChartWire points(List<InjectionPoint> points) {
        put(points.size());
        for (InjectionPoint p : points) {
            put(p.key()).put(p.view()).put(bits(p.x())).put(bits(p.y())).put(p.region())
                    .put(p.side()).put(p.productId()).put(p.lotId()).put(p.vialId())
                    .put(p.amount() == null ? null : p.amount().toString()).put(p.unit()).put(p.depth())
                    .put(p.technique()).put(p.note()).put(p.addendumId());
        }
        return this;
    }

    private List<InjectionPoint> points() {
        long n = count();
        List<InjectionPoint> points = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            String key = text();
            DiagramView view = value(VIEWS);
            double x = real();
            double y = real();
            Region region = value(REGIONS);
            Side side = value(SIDES);
            long productId = number();
            Long lotId = longOrNull();
            Long vialId = longOrNull();
            String amount = text();
            points.add(new InjectionPoint(key, view, x, y, region, side, productId, lotId, vialId,
                    amount == null ? null : decimal(amount), value(UNITS), value(DEPTHS),
                    value(TECHNIQUES), text(), longOrNull()));
        }
        return points;
    }

    private ChartWire screening(List<ScreeningEntry> entries) {
        put(entries.size());
        for (ScreeningEntry e : entries) {
            put(e.item()).put(e.answer()).put(e.flaggedByRecord()).put(e.note());
        }
        return this;
    }

    private List<ScreeningEntry> screening() {
        long n = count();
        List<ScreeningEntry> entries = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            entries.add(new ScreeningEntry(value(ITEMS), value(ANSWERS), bool(), text()));
        }
        return entries;
    }

    // ------------------------------------------------------------------------------ values

    private ChartWire put(String s) {
        if (s == null) {
            out.append('~');
        } else {
            out.append(s.length()).append(':').append(s);
        }
        return this;
    }

    private ChartWire put(Object o) {
        return put(o == null ? null : o instanceof Enum<?> e ? e.name() : o.toString());
    }

    private String text() {
        int from = field();
        return from < 0 ? null : in.substring(from, at);
    }

    /** Moves past the next value: where its characters begin (they end at {@link #at}), or -1 for none. */
    private int field() {
        if (at >= in.length()) {
            throw new IllegalArgumentException("the text ends early, at " + at);
        }
        if (in.charAt(at) == '~') {
            at++;
            return -1;
        }
        int colon = in.indexOf(':', at);
        if (colon < 0 || colon == at || colon - at > 9) {
            throw new IllegalArgumentException("no length at " + at);
        }
        int len;
        try {
            len = Integer.parseInt(in, at, colon, 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no length at " + at);
        }
        if (len < 0 || colon + 1 + len > in.length()) {
            throw new IllegalArgumentException("a value runs past the end, at " + at);
        }
        at = colon + 1 + len;
        return colon + 1;
    }

    private long number() {
        Long n = longOrNull();
        if (n == null) {
            throw new IllegalArgumentException("a value is missing before " + at);
        }
        return n;
    }

    private Long longOrNull() {
        int from = field();
        try {
            return from < 0 ? null : Long.parseLong(in, from, at, 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number before " + at);
        }
    }

    private long count() {
        long n = number();
        if (n < 0 || n > 100_000) {
            throw new IllegalArgumentException("not a count before " + at);
        }
        return n;
    }

    /** A coordinate as its 64 bits in hex: exact, and read back without the decimal parser's work on 17 digits. */
    private static String bits(double d) {
        return Long.toHexString(Double.doubleToRawLongBits(d));
    }

    private double real() {
        int from = field();
        if (from < 0) {
            throw new IllegalArgumentException("a value is missing before " + at);
        }
        try {
            return Double.longBitsToDouble(Long.parseUnsignedLong(in, from, at, 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number before " + at);
        }
    }

    private static BigDecimal decimal(String s) {
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount: " + s);
        }
    }

    private boolean bool() {
        int from = field();
        if (from >= 0 && at - from == 4 && in.startsWith("true", from)) {
            return true;
        }
        if (from >= 0 && at - from == 5 && in.startsWith("false", from)) {
            return false;
        }
        throw new IllegalArgumentException("not true or false before " + at);
    }

    private Instant instant() {
        String s = text();
        try {
            return s == null ? null : Instant.parse(s);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a time before " + at);
        }
    }

    /** One of {@code values} (an enum's constants, named as {@link Enum#name}), matched where it stands in the text. */
    private <E extends Enum<E>> E value(E[] values) {
        int from = field();
        if (from < 0) {
            return null;
        }
        int len = at - from;
        for (E v : values) {
            String name = v.name();
            if (name.length() == len && in.startsWith(name, from)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a " + values.getClass().getComponentType().getSimpleName() + " before "
                + at);
    }

    private void end() {
        if (at != in.length()) {
            throw new IllegalArgumentException("more text than a chart at " + at);
        }
    }
}
