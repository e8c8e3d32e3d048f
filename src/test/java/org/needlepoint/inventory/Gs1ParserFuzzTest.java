package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Property test: whatever text arrives (random, or a valid code mutated), the parser returns a valid
 * {@link Gs1Code} or throws {@link Gs1Exception} with a one-line message; never anything else. A
 * parsed code, written back in bracketed or raw form, reads back to the same code. Seeded, so a
 * failure names an input that reproduces it.
 */
class Gs1ParserFuzzTest {
    private static final LocalDate TODAY = Gs1ParserTest.TODAY;
    private static final String CSET82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final char GS = '\u001D';
    /** Brackets, escapes, the characters of GS renderings, whitespace and control characters. */
    private static final String SPECIALS = "()\\ <>{}[]^]\t\r\n\u0000\u001B\u007F\u0085\u00A0\u2028";
    private static final Set<String> PREDEFINED = Set.of("01", "11", "15", "16", "17", "3103");
    private static final Pattern LEAD = Pattern.compile("^[\\s\u001D]*(\\][A-Za-z][0-9A-Za-z])?[\\s\u001D]*");
    private static final String[] GS_FORMS = {"\u001D", "<GS>", "{GS}", "[GS]", "^]", "\\x1D", "\\u001d", "\u2194"};
    private static final String[] PREFIXES = {"", "", "", "]d2", "]C1", "]Q3", "]e0"};
    private static final String[] ENDS = {"", "", "\r", "\n", "\r\n", " "};
    /** Other AIs found on pharma and device packs: AI and a valid value. */
    private static final String[][] EXTRAS = {
        {"240", "REF-1234"}, {"241", "CP77"}, {"30", "10"}, {"710", "PZN1234567"}, {"711", "CIP34009"},
        {"714", "AIM123"}, {"715", "NDC00361234"}, {"7003", "2712311200"}, {"15", "271200"}, {"16", "270615"},
        {"22", "V2"}, {"8014", "MUDI42"}, {"91", "INTERNAL"}, {"3103", "000250"}, {"422", "250"}
    };

    private final Random random = new Random(20261121L);
    private int parsed;
    private int refused;
    private int inputs;

    @Test
    void randomAndMutatedTextEitherParsesToAValidCodeOrIsRefusedCleanly() {
        // Valid codes in every form parse to exactly the code they were made from.
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            Gs1Code code = randomCode();
            String text = render(code);
            Gs1Code back = check(text);
            if (!code.equals(back)) {
                fail(show(text) + " parsed to " + back + ", not " + code);
            }
            seeds.add(text);
        }
        // Mutations of valid codes.
        for (int i = 0; i < 80_000; i++) {
            String text = seeds.get(random.nextInt(seeds.size()));
            int rounds = 1 + random.nextInt(2);
            for (int r = 0; r < rounds; r++) {
                text = mutate(text);
            }
            check(text);
        }
        // Random text: digits, GS1 characters, separators, brackets, controls, any Unicode.
        for (int i = 0; i < 20_000; i++) {
            check(randomText());
        }
        // Typed GTINs.
        for (int i = 0; i < 5_000; i++) {
            String typed = random.nextBoolean() ? randomText() : digits(random.nextInt(16));
            try {
                String gtin = Gtin.normalise(typed);
                if (!Gtin.isValid(gtin)) {
                    fail("normalizeGtin gave " + gtin + " for " + show(typed));
                }
            } catch (Gs1Exception e) {
                assertOneLine(e, typed);
            } catch (RuntimeException e) {
                fail("normalizeGtin threw " + e + " for " + show(typed), e);
            }
        }

        System.out.printf("Gs1ParserFuzzTest: %d inputs, %d parsed, %d refused%n", inputs, parsed, refused);
        assertThat(inputs).isGreaterThanOrEqualTo(100_000);
        // Both outcomes are well exercised, or the test proves little.
        assertThat(parsed).as("parsed").isGreaterThan(10_000);
        assertThat(refused).as("refused").isGreaterThan(50_000);
    }

    /** Parses; checks the outcome; returns the code or null. */
    private Gs1Code check(String text) {
        inputs++;
        Gs1Code c;
        try {
            c = Gs1Parser.parse(text, TODAY);
        } catch (Gs1Exception e) {
            refused++;
            assertOneLine(e, text);
            return null;
        } catch (Throwable t) {
            return fail("parse threw " + t + " for " + show(text), t);
        }
        parsed++;
        // Plain checks, message built only on failure: AssertJ per input would dominate the run time.
        if (c == null || !Gtin.isValid(c.gtin())) {
            fail("no valid GTIN in " + c + " from " + show(text));
        }
        for (String field : new String[] {c.lot(), c.serial()}) {
            if (field != null && (field.isEmpty() || field.length() > 20
                    || !field.chars().allMatch(ch -> CSET82.indexOf(ch) >= 0))) {
                fail("bad lot or serial in " + c + " from " + show(text));
            }
        }
        // In bracketed form an unescaped "(17)" always starts an element: the date must be there.
        if (text.contains("(1") && LEAD.matcher(text).replaceFirst("").startsWith("(")) {
            if (text.contains("(17)") && !text.contains("\\(17)") && c.expiry() == null
                    || text.contains("(11)") && !text.contains("\\(11)") && c.productionDate() == null) {
                fail("a date present in " + show(text) + " is missing from " + c);
            }
        }
        for (LocalDate d : new LocalDate[] {c.expiry(), c.productionDate()}) {
            if (d != null && (d.getYear() < TODAY.getYear() - 49 || d.getYear() > TODAY.getYear() + 50)) {
                fail("date outside the century window in " + c + " from " + show(text));
            }
        }
        // Round trips.
        String again = Gs1Parser.toBracketed(c);
        try {
            if (!Gs1Parser.parse(again, TODAY).equals(c) || !Gs1Parser.parse(Gs1Parser.toRaw(c), TODAY).equals(c)) {
                fail("round trip of " + show(text) + " via " + show(again) + " gave another code than " + c);
            }
        } catch (Gs1Exception e) {
            fail("round trip of " + show(text) + " via " + show(again) + " refused: " + e.getMessage());
        }
        return c;
    }

    private static void assertOneLine(Gs1Exception e, String text) {
        String m = e.getMessage();
        if (e.reason() == null || m == null || m.isBlank()
                || m.chars().anyMatch(ch -> ch < 0x20 || (ch >= 0x7F && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029)) {
            fail("not a one-line message with a reason: " + e.reason() + " " + (m == null ? null : show(m)) + " for "
                    + show(text));
        }
    }

    // --- generators -------------------------------------------------------------------------------

    private Gs1Code randomCode() {
        String body = digits(13);
        String gtin = body + Gtin.checkDigit(body);
        LocalDate expiry = random.nextInt(5) == 0 ? null : randomDate();
        LocalDate production = random.nextInt(3) == 0 ? randomDate() : null;
        String lot = random.nextInt(6) == 0 ? null : gs1Text(1 + random.nextInt(20));
        if (lot != null && lot.length() <= 16 && random.nextInt(10) == 0) {
            // A lot that looks like it holds an element in brackets: "AB(17)".
            lot = lot + "(" + new String[] {"10", "17", "21", "240"}[random.nextInt(4)] + ")";
            lot = lot.substring(0, Math.min(20, lot.length()));
        }
        String serial = random.nextBoolean() ? null : gs1Text(1 + random.nextInt(20));
        return new Gs1Code(gtin, expiry, lot, serial, production);
    }

    /** A date inside the century window of TODAY (1977-2076). */
    private LocalDate randomDate() {
        LocalDate from = LocalDate.of(TODAY.getYear() - 49, 1, 1);
        return from.plusDays(random.nextInt(365 * 99));
    }

    private String gs1Text(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // Mostly letters and digits like real lots; the whole set now and then.
            String set = random.nextInt(4) == 0 ? CSET82 : "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
            b.append(set.charAt(random.nextInt(set.length())));
        }
        return b.toString();
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    /** The code as a scanner or a person would send it, in a random form and element order. */
    private String render(Gs1Code c) {
        List<String[]> elements = new ArrayList<>();
        elements.add(new String[] {"01", c.gtin()});
        if (c.expiry() != null) {
            elements.add(new String[] {"17", yymmdd(c.expiry())});
        }
        if (c.productionDate() != null) {
            elements.add(new String[] {"11", yymmdd(c.productionDate())});
        }
        if (c.lot() != null) {
            elements.add(new String[] {"10", c.lot()});
        }
        if (c.serial() != null) {
            elements.add(new String[] {"21", c.serial()});
        }
        int extras = random.nextInt(3);
        for (int i = 0; i < extras; i++) {
            String[] e = EXTRAS[random.nextInt(EXTRAS.length)];
            if (elements.stream().noneMatch(x -> x[0].equals(e[0]))) {
                elements.add(e);
            }
        }
        Collections.shuffle(elements, random);
        StringBuilder b = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
        if (random.nextBoolean()) {
            for (String[] e : elements) {
                b.append(random.nextInt(4) == 0 ? " " : "").append('(').append(e[0]).append(')')
                        .append(e[1].replace("(", "\\("));
            }
        } else {
            String gs = GS_FORMS[random.nextInt(GS_FORMS.length)];
            for (int i = 0; i < elements.size(); i++) {
                String[] e = elements.get(i);
                b.append(e[0]).append(e[1]);
                boolean predefined = PREDEFINED.contains(e[0]);
                if (i < elements.size() - 1 && (!predefined || random.nextInt(5) == 0)) {
                    b.append(gs);
                }
            }
        }
        return b.append(ENDS[random.nextInt(ENDS.length)]).toString();
    }

    private String mutate(String s) {
        int n = s.length();
        int at = n == 0 ? 0 : random.nextInt(n);
        switch (random.nextInt(9)) {
            case 0: // delete a character
                return n == 0 ? s : s.substring(0, at) + s.substring(at + 1);
            case 1: // insert a character
                return s.substring(0, at) + randomChar() + s.substring(at);
            case 2: // replace a character
                return n == 0 ? s : s.substring(0, at) + randomChar() + s.substring(at + 1);
            case 3: // insert a group separator, raw or rendered
                return s.substring(0, at) + GS_FORMS[random.nextInt(GS_FORMS.length)] + s.substring(at);
            case 4: // truncate
                return s.substring(0, at);
            case 5: { // swap two elements (bracketed) or two halves (raw)
                int open = s.indexOf('(', 1);
                if (open > 0) {
                    return s.substring(open) + s.substring(0, open);
                }
                return s.substring(at) + s.substring(0, at);
            }
            case 6: // duplicate a piece
                return s.substring(0, at) + s.substring(at, Math.min(n, at + 1 + random.nextInt(10))) + s.substring(at);
            case 7: // replace a digit with another digit (check digits, dates)
                for (int k = 0; k < 10; k++) {
                    int p = n == 0 ? 0 : random.nextInt(n);
                    if (n > 0 && Character.isDigit(s.charAt(p))) {
                        return s.substring(0, p) + (char) ('0' + random.nextInt(10)) + s.substring(p + 1);
                    }
                }
                return s;
            default: // random Unicode, including lone surrogates
                return s.substring(0, at) + randomUnicode() + s.substring(at);
        }
    }

    private String randomChar() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> String.valueOf((char) ('0' + random.nextInt(10)));
            case 2 -> String.valueOf(CSET82.charAt(random.nextInt(CSET82.length())));
            case 3 -> String.valueOf(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
            case 4 -> String.valueOf(GS);
            default -> randomUnicode();
        };
    }

    private String randomUnicode() {
        int kind = random.nextInt(4);
        if (kind == 0) {
            return String.valueOf((char) random.nextInt(0x10000)); // may be a lone surrogate
        }
        int cp;
        do {
            cp = kind == 1 ? random.nextInt(0x110000) : random.nextInt(0x3000);
        } while (!Character.isValidCodePoint(cp));
        return new String(Character.toChars(cp));
    }

    private String randomText() {
        int n = random.nextInt(60);
        StringBuilder b = new StringBuilder();
        if (random.nextBoolean()) {
            b.append(random.nextBoolean() ? "01" : "(01)");
        }
        for (int i = 0; i < n; i++) {
            b.append(random.nextInt(3) == 0 ? randomChar() : String.valueOf((char) ('0' + random.nextInt(10))));
        }
        return b.toString();
    }

    private static String yymmdd(LocalDate d) {
        return String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
    }

    /** The text with every non-printable-ASCII character escaped, for failure messages. */
    private static String show(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch >= 0x20 && ch < 0x7F ? String.valueOf(ch) : String.format("\\u%04X", (int) ch));
        }
        return b.append('"').toString();
    }
}
