package org.needlepoint.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.needlepoint.inventory.Gs1Exception.Reason;

/**
 * Reads a pack's GS1 element string, as a USB barcode scanner types it or a person copies it from
 * the box, into a {@link Gs1Code}.
 *
 * <h2>Accepted forms</h2>
 * <ul>
 *   <li><b>Bracketed</b> (human-readable): {@code (01)09506000134352(17)271231(10)ABC123(21)XYZ}.
 *       Spaces around elements are ignored. Inside a value, {@code \(} stands for a literal
 *       {@code (} (the GS1 Barcode Syntax Engine's escape); an unescaped {@code (} followed by 2-4
 *       digits and {@code )} always starts the next element.</li>
 *   <li><b>Raw</b>, as the barcode holds it: {@code 01095060001343521727123110ABC123<GS>21XYZ},
 *       where a group separator ends every variable-length field that is not last. Fixed-length
 *       fields need none (one after them is tolerated, as are leading, doubled and trailing
 *       separators, and spaces where an element starts).</li>
 * </ul>
 * The group separator (GS, FNC1) is accepted as ASCII 29 and as the renderings that keyboard-wedge
 * scanners and copy-paste produce when ASCII 29 cannot be typed: {@code <GS>}, {@code {GS}},
 * {@code [GS]}, caret notation {@code ^]}, the escapes {@code \x1D} and <code>&#92;u001D</code>
 * (either case of the hex digits), and {@code ↔} (U+2194, the code-page-437 glyph of character 29 that
 * Windows Alt+029 keyboard emulation types). Apart from {@code <GS>}, none of these can occur in a
 * GS1 field (their characters are outside GS1's character set 82), so replacing them is safe.
 *
 * <p>A leading symbology identifier is stripped: {@code ]d2} (GS1 DataMatrix), {@code ]C1}
 * (GS1-128), {@code ]Q3} (GS1 QR Code), {@code ]e0} (GS1 DataBar), {@code ]J1} (GS1 DotCode), and
 * any other {@code ]} + letter + character; {@code ]E}x and {@code ]I}x (EAN/UPC, ITF) mark a
 * plain product barcode. Leading and trailing spaces, tabs, CR and LF (the scanner's Enter) are
 * ignored. Elements may come in any order.
 *
 * <h2>Application identifiers</h2>
 * Read into the result: (01) GTIN-14, check digit verified; (17) expiry and (11) production date,
 * YYMMDD, day 00 meaning the month's last day, the century chosen by the sliding window of the GS1
 * General Specifications section 7.12 (a two-digit year more than 50 years ahead of the reference
 * year is in the previous century, one 50 or more years behind is in the next); (10) lot and (21)
 * serial, 1-20 characters of GS1 character set 82. Every other AI of the GS1 syntax dictionary
 * (e.g. 240, 241, 30, 710-716 national healthcare reimbursement numbers, 7003, 15 best before,
 * 16 sell by, 8014 medical-device identifier) is checked for its length and characters and
 * skipped; an AI not in that table is refused, naming it.
 *
 * <h2>Errors</h2>
 * Every bad input throws {@link Gs1Exception} with a one-line message saying what is wrong and what
 * to do; nothing else is ever thrown. A code without (01) is refused, and so is an EAN/UPC or
 * GTIN alone (8, 12, 13 or 14 digits): it names the product but not the lot and expiry. A GS1
 * Digital Link (a web address in a QR code) is refused with its own message; it is not read.
 * The same AI twice is accepted only with the same value.
 *
 * <p>{@link #toBracketed} and {@link #toRaw} write a code back; {@link Gtin#isValid},
 * {@link Gtin} checks and normalises a GTIN typed by hand.
 */
public final class Gs1Parser {
    /** The group separator, ASCII 29, that ends a variable-length field. */
    public static final char GS = '\u001D';
    /** The longest text accepted: well above the largest GS1 DataMatrix. */
    public static final int MAX_LENGTH = 4096;
    /** Longest lot (10) and serial (21). */
    public static final int MAX_LOT_LENGTH = 20;

    static final String AGAIN = "scan the pack again or type the code from the box.";
    static final String SCAN_2D = "scan the pack's 2D code (DataMatrix) or type the code from the box.";

    private static final String CSET82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CSET64 = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz=";
    private static final String[] GS_RENDERINGS = {
        "<GS>", "{GS}", "[GS]", "^]", "\\x1D", "\\x1d", "\\X1D", "\\X1d", "\\u001D", "\\u001d", "\u2194"
    };
    private static final Set<String> GS1_SYMBOLOGIES = Set.of("]d2", "]C1", "]Q3", "]e0", "]J1");

    /**
     * One application identifier: its fixed or variable length, which leading positions must be
     * digits, the character set of the rest ('N' digits, 'X' CSET 82, 'Y' CSET 39, 'Z' CSET 64),
     * and whether it is a YYMMDD date whose day may be 00.
     */
    private record Ai(String code, String title, int min, int max, int numericPrefix, char rest, boolean date) {
        boolean fixed() {
            return min == max;
        }

        String name() {
            return "the " + title + " (" + code + ")";
        }

        String subject() {
            return "The " + title + " (" + code + ")";
        }

        boolean numeric() {
            return rest == 'N';
        }
    }

    /** The YYMMDD date AIs whose day may be 00; their dates are checked even when skipped. */
    private static final Set<String> DATE_AIS = Set.of("11", "12", "13", "15", "16", "17");
    private static final Map<String, Ai> AIS = new HashMap<>();
    private static final Map<String, Integer> AI_LENGTH_BY_PREFIX = new HashMap<>();

    static {
        // The GS1 application identifiers (GS1 General Specifications / GS1 syntax dictionary).
        // "*" = predefined length: no group separator follows it. The parser reads every
        // fixed-length field at its length anyway, so a missing separator after one (e.g. 7003)
        // does not swallow the next element.
        // Spec: N digits, X CSET 82, Y CSET 39, Z CSET 64; "N6" exactly 6, "X..20" 1 to 20,
        // "[..]" an optional final part.
        def("00", "* N18", "shipping container code");
        def("01", "* N14", "product code");
        def("02", "* N14", "contained product code");
        def("10", "X..20", "lot");
        def("11", "* N6", "production date");
        def("12", "* N6", "due date");
        def("13", "* N6", "packaging date");
        def("15", "* N6", "best-before date");
        def("16", "* N6", "sell-by date");
        def("17", "* N6", "expiry date");
        def("20", "* N2", "variant");
        def("21", "X..20", "serial number");
        def("22", "X..20", "product variant");
        def("235", "X..28", "third-party serial number");
        def("240", "X..30", "additional product ID");
        def("241", "X..30", "customer part number");
        def("242", "N..6", "made-to-order variant");
        def("243", "X..20", "packaging component number");
        def("250", "X..30", "secondary serial number");
        def("251", "X..30", "reference to source");
        def("253", "N13 [X..17]", "document identifier");
        def("254", "X..20", "location extension");
        def("255", "N13 [N..12]", "coupon code");
        def("30", "N..8", "count");
        for (String p : new String[] {"310", "311", "312", "313", "314", "315", "316", "320", "321", "322", "323",
            "324", "325", "326", "327", "328", "329", "330", "331", "332", "333", "334", "335", "336", "337", "340",
            "341", "342", "343", "344", "345", "346", "347", "348", "349", "350", "351", "352", "353", "354", "355",
            "356", "357", "360", "361", "362", "363", "364", "365", "366", "367", "368", "369"}) {
            def(p + "0-" + p + "5", "* N6", "measurement");
        }
        def("37", "N..8", "count of items");
        def("3900-3909", "N..15", "amount");
        def("3910-3919", "N3 N..15", "amount");
        def("3920-3929", "N..15", "price");
        def("3930-3939", "N3 N..15", "price");
        def("3940-3943", "N4", "discount");
        def("3950-3955", "N6", "price per unit");
        def("400", "X..30", "order number");
        def("401", "X..30", "consignment number");
        def("402", "N17", "shipment number");
        def("403", "X..30", "routing code");
        def("410-417", "* N13", "location number");
        def("420", "X..20", "ship-to postal code");
        def("421", "N3 X..9", "ship-to postal code");
        def("422", "N3", "country of origin");
        def("423", "N..15", "country of initial processing");
        def("424", "N3", "country of processing");
        def("425", "N..15", "country of disassembly");
        def("426", "N3", "country of full processing");
        def("427", "X..3", "region of origin");
        def("4300-4301", "X..35", "ship-to name");
        def("4302-4306", "X..70", "ship-to address");
        def("4307", "X2", "ship-to country");
        def("4308", "X..30", "ship-to phone");
        def("4309", "N20", "ship-to location");
        def("4310-4311", "X..35", "return-to name");
        def("4312-4316", "X..70", "return-to address");
        def("4317", "X2", "return-to country");
        def("4318", "X..20", "return-to postal code");
        def("4319", "X..30", "return-to phone");
        def("4320", "X..35", "service description");
        def("4321-4323", "N1", "delivery flag");
        def("4324-4325", "N10", "delivery date and time");
        def("4326", "N6", "release date");
        def("4330-4333", "N6 [X1]", "temperature limit");
        def("7001", "N13", "NATO stock number");
        def("7002", "X..30", "meat cut");
        def("7003", "N10", "expiry date and time");
        def("7004", "N..4", "active potency");
        def("7005", "X..12", "catch area");
        def("7006", "N6", "first freeze date");
        def("7007", "N6 [N6]", "harvest date");
        def("7008", "X..3", "aquatic species");
        def("7009", "X..10", "fishing gear");
        def("7010", "X..2", "production method");
        def("7011", "N6 [N4]", "test-by date");
        def("7020", "X..20", "refurbishment lot");
        def("7021", "X..20", "functional status");
        def("7022", "X..20", "revision status");
        def("7023", "X..30", "assembly identifier");
        def("7030-7039", "N3 X..27", "processor approval number");
        def("7040", "N1 X3", "traceability event code");
        def("7041", "X..4", "transport unit type");
        def("710-716", "X..20", "national healthcare reimbursement number");
        def("7230-7239", "X..30", "certification reference");
        def("7240", "X..20", "protocol ID");
        def("7241", "N2", "media type");
        def("7242", "X..25", "version control number");
        def("8001", "N14", "roll dimensions");
        def("8002", "X..20", "mobile phone identifier");
        def("8003", "N14 [X..16]", "returnable asset identifier");
        def("8004", "X..30", "individual asset identifier");
        def("8005", "N6", "price per unit");
        def("8006", "N18", "item component identifier");
        def("8007", "X..34", "bank account number");
        def("8008", "N8 [N..4]", "production date and time");
        def("8009", "X..50", "sensor indicator");
        def("8010", "Y..30", "component/part identifier");
        def("8011", "N..12", "component/part serial number");
        def("8012", "X..20", "software version");
        def("8013", "X..25", "model number");
        def("8014", "X..25", "medical device identifier");
        def("8017-8018", "N18", "service relation number");
        def("8019", "N..10", "service relation instance");
        def("8020", "X..25", "payment slip reference");
        def("8026", "N18", "contained item component identifier");
        def("8030", "Z..90", "digital signature");
        def("8110", "X..70", "coupon code");
        def("8111", "N4", "loyalty points");
        def("8112", "X..70", "coupon code");
        def("8200", "X..70", "product URL");
        def("90", "X..30", "internal information");
        def("91-99", "X..90", "company internal information");
    }

    private Gs1Parser() {
    }

    /**
     * True when {@code text} is a pack's GS1 code, as a scanner types it or a person copies it from the
     * box, rather than a typed lot number: it starts with an element in brackets or a symbology
     * identifier ({@code (} or {@code ]}), holds a group separator (ASCII 29), or starts with 01 and
     * the 14 digits of a product code followed by more. Whether the code can be read is
     * {@link #parse}'s to say.
     */
    public static boolean looksLikeCode(String text) {
        String t = text == null ? "" : strip(text);
        return t.startsWith("(") || t.startsWith("]") || t.indexOf(GS) >= 0
                || t.length() >= 18 && t.startsWith("01") && allDigits(t.substring(0, 16));
    }

    /** Parses with today's date (the system clock) as the reference for two-digit years. */
    public static Gs1Code parse(String text) {
        return parse(text, LocalDate.now());
    }

    /** Parses with the clock's today as the reference for two-digit years. */
    public static Gs1Code parse(String text, Clock clock) {
        return parse(text, LocalDate.now(clock));
    }

    /**
     * Parses a GS1 element string in any of the forms in the class comment.
     *
     * @param today the reference date for the century of two-digit years (GS1 7.12)
     * @throws Gs1Exception for every input that is not a usable pack code; never anything else
     */
    public static Gs1Code parse(String text, LocalDate today) {
        if (text == null || strip(text).isEmpty()) {
            throw new Gs1Exception(Reason.EMPTY, null, "Nothing was scanned: " + SCAN_2D);
        }
        if (text.length() > MAX_LENGTH) {
            throw new Gs1Exception(Reason.NOT_GS1, null, "This text is too long (" + text.length()
                    + " characters) to be a pack's GS1 code: " + SCAN_2D);
        }
        String s = strip(text);
        boolean gs1Symbology = false;
        if (s.charAt(0) == ']') {
            if (s.length() < 3 || !isAsciiLetter(s.charAt(1)) || !isAsciiAlnum(s.charAt(2))) {
                throw notGs1();
            }
            String id = s.substring(0, 3);
            s = strip(s.substring(3));
            gs1Symbology = GS1_SYMBOLOGIES.contains(id);
            if ((id.charAt(1) == 'E' || id.charAt(1) == 'I') && allDigits(s) && !s.isEmpty()) {
                throw plainBarcode();
            }
        }
        if (mayHoldGsRendering(s)) {
            for (String r : GS_RENDERINGS) {
                s = s.replace(r, String.valueOf(GS));
            }
        }
        checkControls(s);
        if (s.chars().allMatch(c -> c == GS)) {
            throw new Gs1Exception(Reason.EMPTY, null, "Nothing was scanned: " + SCAN_2D);
        }
        if (!gs1Symbology && allDigits(s) && (s.length() == 8 || s.length() == 12 || s.length() == 13
                || s.length() == 14)) {
            throw plainBarcode();
        }
        if (s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8)
                || s.regionMatches(true, 0, "www.", 0, 4)) {
            throw new Gs1Exception(Reason.NOT_GS1, null, "This is a web link, not the pack's GS1 code with lot and"
                    + " expiry: " + SCAN_2D);
        }
        int first = 0;
        while (s.charAt(first) == GS) {
            first++;
        }
        Result r = new Result(today);
        char c = s.charAt(first);
        if (c == '(') {
            parseBracketed(s, first, r);
        } else if (isDigit(c)) {
            parseRaw(s, r);
        } else {
            throw notGs1();
        }
        if (r.gtin == null) {
            throw new Gs1Exception(Reason.NO_GTIN, "01", "No product code (01) in this barcode: " + SCAN_2D);
        }
        return new Gs1Code(r.gtin, r.expiry, r.lot, r.serial, r.productionDate);
    }

    /**
     * The code in bracketed form, {@code (01)…(11)…(17)…(10)…(21)…}, absent fields left out; a
     * {@code (} in the lot or serial is written {@code \(}. {@link #parse} reads it back to an equal
     * code when its dates lie within the century window of the reference date.
     */
    public static String toBracketed(Gs1Code code) {
        StringBuilder b = new StringBuilder("(01)").append(code.gtin());
        if (code.productionDate() != null) {
            b.append("(11)").append(yymmdd(code.productionDate()));
        }
        if (code.expiry() != null) {
            b.append("(17)").append(yymmdd(code.expiry()));
        }
        if (code.lot() != null) {
            b.append("(10)").append(code.lot().replace("(", "\\("));
        }
        if (code.serial() != null) {
            b.append("(21)").append(code.serial().replace("(", "\\("));
        }
        return b.toString();
    }

    /**
     * The code as the barcode holds it: fixed-length fields first, a group separator (ASCII 29)
     * between the lot and the serial.
     */
    public static String toRaw(Gs1Code code) {
        StringBuilder b = new StringBuilder("01").append(code.gtin());
        if (code.productionDate() != null) {
            b.append("11").append(yymmdd(code.productionDate()));
        }
        if (code.expiry() != null) {
            b.append("17").append(yymmdd(code.expiry()));
        }
        if (code.lot() != null) {
            b.append("10").append(code.lot());
            if (code.serial() != null) {
                b.append(GS);
            }
        }
        if (code.serial() != null) {
            b.append("21").append(code.serial());
        }
        return b.toString();
    }

    /**
     * The four-digit year of a GS1 two-digit year (GS1 General Specifications 7.12): with
     * {@code d = yy - (reference year mod 100)}, a d of 51 to 99 means the previous century, -99 to
     * -50 the next, anything else the reference year's century.
     */
    public static int fullYear(int yy, LocalDate today) {
        int current = Math.floorMod(today.getYear(), 100);
        int century = today.getYear() - current;
        int d = yy - current;
        if (d >= 51) {
            return century - 100 + yy;
        }
        if (d <= -50) {
            return century + 100 + yy;
        }
        return century + yy;
    }

    // ---------------------------------------------------------------------------------------------

    /** What has been read so far. */
    private static final class Result {
        final LocalDate today;
        final Map<String, String> seen = new HashMap<>();
        String gtin;
        LocalDate expiry;
        String lot;
        String serial;
        LocalDate productionDate;
        Ai last;

        Result(LocalDate today) {
            this.today = today;
        }
    }

    private static void parseRaw(String s, Result r) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == GS || c == ' ') {
                i++;
                continue;
            }
            if (!isDigit(c)) {
                throw unexpected(s, i, r);
            }
            Ai ai = lookup(s, i);
            int start = i + ai.code.length();
            int end;
            if (ai.fixed()) {
                end = start;
                while (end < n && end - start < ai.max && s.charAt(end) != GS) {
                    end++;
                }
            } else {
                end = s.indexOf(GS, start);
                if (end < 0) {
                    end = n;
                }
            }
            accept(ai, s.substring(start, end), r);
            i = end;
        }
    }

    private static void parseBracketed(String s, int from, Result r) {
        int n = s.length();
        int i = from;
        while (true) {
            while (i < n && (s.charAt(i) == GS || isSpace(s.charAt(i)))) {
                i++;
            }
            if (i >= n) {
                return;
            }
            if (s.charAt(i) != '(') {
                throw unexpected(s, i, r);
            }
            int close = s.indexOf(')', i);
            if (close < 0) {
                throw new Gs1Exception(Reason.NOT_GS1, null, "A bracket is opened but never closed near \""
                        + excerpt(s, i) + "\": " + AGAIN);
            }
            String code = s.substring(i + 1, close).strip();
            if (code.length() < 2 || code.length() > 4 || !allDigits(code)) {
                throw new Gs1Exception(Reason.NOT_GS1, null, "\"" + excerpt(s, i) + "\" is not a GS1 element:"
                        + " each element starts with its 2-4 digit number in brackets, e.g. (17); " + AGAIN);
            }
            Ai ai = AIS.get(code);
            if (ai == null) {
                throw unknownAi(code);
            }
            StringBuilder v = new StringBuilder();
            int k = close + 1;
            while (k < n) {
                char c = s.charAt(k);
                if (c == GS || (c == '(' && startsElement(s, k))) {
                    break;
                }
                if (c == '\\' && k + 1 < n && s.charAt(k + 1) == '(') {
                    v.append('(');
                    k += 2;
                    continue;
                }
                v.append(c);
                k++;
            }
            accept(ai, strip(v.toString()), r);
            i = k;
        }
    }

    /** "(" + 2-4 digits + ")" at k, spaces allowed inside the brackets. */
    private static boolean startsElement(String s, int k) {
        int j = k + 1;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        int digits = 0;
        while (j < s.length() && digits < 5 && isDigit(s.charAt(j))) {
            j++;
            digits++;
        }
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        return digits >= 2 && digits <= 4 && j < s.length() && s.charAt(j) == ')';
    }

    private static Ai lookup(String s, int i) {
        for (int len = 2; len <= 4 && i + len <= s.length(); len++) {
            Ai ai = AIS.get(s.substring(i, i + len));
            if (ai != null) {
                return ai;
            }
        }
        // Name it with as many digits as the AIs starting with the same two digits have (GS1 fixes
        // an AI's length by its first two digits), or two.
        int len = 1;
        while (len < 4 && i + len < s.length() && isDigit(s.charAt(i + len))) {
            len++;
        }
        if (len >= 2) {
            len = Math.min(len, AI_LENGTH_BY_PREFIX.getOrDefault(s.substring(i, i + 2), 2));
        }
        throw unknownAi(s.substring(i, i + len));
    }

    private static void accept(Ai ai, String v, Result r) {
        if (v.isEmpty()) {
            throw new Gs1Exception(Reason.TRUNCATED, ai.code, ai.subject() + " is empty: " + AGAIN);
        }
        for (int p = 0; p < v.length(); ) {
            int cp = v.codePointAt(p);
            boolean ok;
            if (ai.numeric() || p < ai.numericPrefix) {
                ok = isDigit(cp);
            } else {
                ok = switch (ai.rest) {
                    case 'Y' -> cp < 128 && CSET39.indexOf(cp) >= 0;
                    case 'Z' -> cp < 128 && CSET64.indexOf(cp) >= 0;
                    default -> cp < 128 && CSET82.indexOf(cp) >= 0;
                };
            }
            if (!ok) {
                if (ai.numeric() || p < ai.numericPrefix) {
                    throw new Gs1Exception(Reason.BAD_CHARACTER, ai.code, ai.subject() + " must be digits only, but it"
                            + " contains " + show(cp) + ": " + AGAIN);
                }
                throw new Gs1Exception(Reason.BAD_CHARACTER, ai.code, ai.subject() + " contains " + show(cp)
                        + ", which a GS1 barcode cannot hold: " + AGAIN);
            }
            p += Character.charCount(cp);
        }
        int len = v.length();
        String unit = ai.numeric() ? "digits" : "characters";
        if (len < ai.min) {
            throw new Gs1Exception(Reason.TRUNCATED, ai.code, ai.subject() + " is cut short: " + len + " of "
                    + (ai.fixed() ? "" : "at least ") + ai.min + " " + unit
                    + (ai.code.equals("01") && len == 13 ? " (a 13-digit EAN needs a 0 in front)" : "") + "; " + AGAIN);
        }
        if (len > ai.max) {
            String what = ai.fixed() ? "must have exactly " + ai.max : "may have at most " + ai.max;
            throw new Gs1Exception(Reason.TOO_LONG, ai.code, ai.subject() + " has " + len + " " + unit + " but "
                    + what + (ai.fixed() ? "" : " (the scanner may have left out a separator)") + ": " + AGAIN);
        }
        LocalDate date = null;
        if (ai.code.equals("01")) {
            int expected = Gtin.checkDigit(v.substring(0, 13));
            if (expected != v.charAt(13) - '0') {
                throw new Gs1Exception(Reason.CHECK_DIGIT, "01", "The GTIN's check digit is wrong (expected "
                        + expected + ", read " + v.charAt(13) + "): " + AGAIN);
            }
        } else if (ai.date) {
            date = date(ai, v, r.today);
        }
        String before = r.seen.putIfAbsent(ai.code, v);
        if (before != null && !before.equals(v)) {
            throw new Gs1Exception(Reason.CONFLICT, ai.code, "The barcode holds two different values for "
                    + ai.name() + ", " + before + " and " + v + ": " + AGAIN);
        }
        switch (ai.code) {
            case "01" -> r.gtin = v;
            case "10" -> r.lot = v;
            case "21" -> r.serial = v;
            case "17" -> r.expiry = date;
            case "11" -> r.productionDate = date;
            default -> {
                // checked and skipped
            }
        }
        r.last = ai;
    }

    private static LocalDate date(Ai ai, String v, LocalDate today) {
        int yy = Integer.parseInt(v.substring(0, 2));
        int mm = Integer.parseInt(v.substring(2, 4));
        int dd = Integer.parseInt(v.substring(4, 6));
        if (mm < 1 || mm > 12) {
            throw new Gs1Exception(Reason.BAD_DATE, ai.code, ai.subject() + " reads " + v + " (YYMMDD), but there is"
                    + " no month " + mm + ": " + AGAIN);
        }
        YearMonth ym = YearMonth.of(fullYear(yy, today), mm);
        if (dd == 0) {
            return ym.atEndOfMonth();
        }
        if (dd > ym.lengthOfMonth()) {
            throw new Gs1Exception(Reason.BAD_DATE, ai.code, ai.subject() + " reads " + v + " (YYMMDD), but " + dd + " "
                    + Month.of(mm).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + ym.getYear()
                    + " does not exist: " + AGAIN);
        }
        return ym.atDay(dd);
    }

    private static boolean mayHoldGsRendering(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '{' || c == '[' || c == '^' || c == '\\' || c == '\u2194') {
                return true;
            }
        }
        return false;
    }

    private static void checkControls(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                throw new Gs1Exception(Reason.CONTROL_CHARACTER, null, "The text holds a line break inside the code:"
                        + " scan one pack at a time, or type the code from the box.");
            }
            if ((c < 0x20 && c != GS && c != '\t') || (c >= 0x7F && c <= 0x9F)) {
                throw new Gs1Exception(Reason.CONTROL_CHARACTER, null, "The text holds a control character ("
                        + hex(c) + ") inside the code: check the scanner's settings, then " + AGAIN);
            }
            if (c == '\t') {
                throw new Gs1Exception(Reason.CONTROL_CHARACTER, null, "The text holds a tab inside the code: check"
                        + " the scanner's settings, then " + AGAIN);
            }
        }
    }

    private static void def(String codes, String spec, String title) {
        String[] parts = (spec.startsWith("* ") ? spec.substring(2) : spec).split(" ");
        int min = 0;
        int max = 0;
        int numericPrefix = 0;
        boolean prefixOpen = true;
        char rest = 'N';
        for (String part : parts) {
            boolean optional = part.startsWith("[");
            String p = optional ? part.substring(1, part.length() - 1) : part;
            char type = p.charAt(0);
            boolean variable = p.startsWith("..", 1);
            int n = Integer.parseInt(p.substring(variable ? 3 : 1));
            if (!optional) {
                min += variable ? 1 : n;
            }
            max += n;
            if (type == 'N' && prefixOpen && !variable && !optional) {
                numericPrefix += n;
            } else if (type != 'N') {
                prefixOpen = false;
                if (rest == 'N') {
                    rest = type;
                }
            } else {
                prefixOpen = false;
            }
        }
        if (rest == 'N') {
            numericPrefix = 0;
        }
        boolean date = DATE_AIS.contains(codes);
        String[] range = codes.split("-");
        int from = Integer.parseInt(range[0]);
        int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
        for (int a = from; a <= to; a++) {
            String code = String.format("%0" + range[0].length() + "d", a);
            Ai ai = new Ai(code, title, min, max, numericPrefix, rest, date);
            if (AIS.put(code, ai) != null) {
                throw new IllegalStateException("AI " + code + " defined twice");
            }
            Integer before = AI_LENGTH_BY_PREFIX.put(code.substring(0, 2), code.length());
            if (before != null && before != code.length()) {
                throw new IllegalStateException("AIs starting " + code.substring(0, 2) + " differ in length");
            }
        }
    }

    private static Gs1Exception notGs1() {
        return new Gs1Exception(Reason.NOT_GS1, null, "This is not a GS1 pack code (it should start with (01) or 01"
                + " and the 14-digit product code): " + SCAN_2D);
    }

    private static Gs1Exception plainBarcode() {
        return new Gs1Exception(Reason.PLAIN_BARCODE, null, "This is a plain product barcode, not the pack's GS1 code"
                + " with lot and expiry; scan the 2D code (DataMatrix).");
    }

    private static Gs1Exception unknownAi(String code) {
        return new Gs1Exception(Reason.UNKNOWN_AI, code, "The barcode holds an element Needlepoint does not know (GS1"
                + " application identifier " + code + "): " + AGAIN);
    }

    private static Gs1Exception unexpected(String s, int i, Result r) {
        if (r.last == null) {
            return notGs1();
        }
        return new Gs1Exception(Reason.NOT_GS1, null, "After " + r.last.name() + " the barcode holds "
                + show(s.codePointAt(i)) + " where the next element should start: " + AGAIN);
    }

    /** A short, printable piece of the text from i, for a message. */
    private static String excerpt(String s, int i) {
        StringBuilder b = new StringBuilder();
        for (int k = i; k < s.length() && b.length() < 12; ) {
            int cp = s.codePointAt(k);
            b.append(cp > 0x20 && cp < 0x7F && cp != '"' ? String.valueOf((char) cp) : "?");
            k += Character.charCount(cp);
        }
        return b.toString();
    }

    /** A character for a message: 'A', a space, 'é' (U+00E9), or U+200B for what cannot be seen. */
    static String show(int cp) {
        if (cp == ' ') {
            return "a space";
        }
        if (cp > 0x20 && cp < 0x7F) {
            return "'" + (char) cp + "'";
        }
        int type = Character.getType(cp);
        boolean visible = Character.isLetterOrDigit(cp) || type == Character.MATH_SYMBOL
                || type == Character.CURRENCY_SYMBOL || type == Character.OTHER_SYMBOL
                || type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.MODIFIER_SYMBOL || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION;
        return visible ? "'" + new String(Character.toChars(cp)) + "' (" + hex(cp) + ")" : "the invisible character "
                + hex(cp);
    }

    private static String hex(int cp) {
        return String.format("U+%04X", cp);
    }

    private static String yymmdd(LocalDate d) {
        return String.format("%02d%02d%02d", Math.floorMod(d.getYear(), 100), d.getMonthValue(), d.getDayOfMonth());
    }

    /** Strips spaces, tabs, CR, LF, form feeds and no-break spaces from both ends. */
    static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\u000B' || c == '\u00A0';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
