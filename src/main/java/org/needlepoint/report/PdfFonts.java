package org.needlepoint.report;

import java.io.File;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The two faces a report uses (regular and bold) and how text is made printable in them.
 *
 * <p><b>Which font.</b> A Unicode TrueType sans-serif from the operating system when one is found
 * (DejaVu Sans or Liberation Sans on Linux, Arial on Windows and macOS, Lucida Sans in an older JDK),
 * embedded as a subset so the PDF prints the same everywhere; otherwise the standard-14 Helvetica,
 * which every PDF reader has without embedding but which only encodes WinAnsi (Western European
 * letters: é, ë, ø, ñ, ß, å and the like). No font ships with the app: none is in the JDK 17 or in
 * a Maven artifact we already depend on, and the system fonts cover clinics' names well.
 *
 * <p><b>Characters a font cannot show</b> are replaced, never allowed to fail the report: a letter
 * with an accent the font lacks loses the accent (ő becomes o), a few look-alikes are mapped (ł to
 * l, ≥ to &gt;=, a narrow space to a space) and anything else prints as "?". Control characters
 * are dropped, tabs become spaces. Line breaks are the layout's business ({@link PdfDoc#wrap}).
 */
final class PdfFonts {

    /** Where the faces come from. */
    enum Source {
        /** A system TrueType font if one is found, else Helvetica. What the app uses. */
        SYSTEM_THEN_STANDARD,
        /** Helvetica only (tests of the fallback, and a byte-for-byte portable PDF). */
        STANDARD
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<Integer, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry((int) 'ł', "l"), Map.entry((int) 'Ł', "L"), Map.entry((int) 'đ', "d"), Map.entry((int) 'Đ', "D"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'ħ', "h"), Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ŀ', "l"),
            Map.entry((int) 'Ŀ', "L"), Map.entry((int) 'ø', "o"), Map.entry((int) 'Ø', "O"), Map.entry((int) 'ß', "ss"),
            Map.entry((int) 'æ', "ae"), Map.entry((int) 'Æ', "AE"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'Œ', "OE"),
            Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2212, "-"),
            Map.entry(0x2264, "<="), Map.entry(0x2265, ">="), Map.entry(0x2192, "->"), Map.entry(0x2190, "<-"),
            Map.entry(0x2248, "~"), Map.entry(0x2713, "v"), Map.entry(0x2022, "*"), Map.entry(0x00A0, " "),
            Map.entry(0x2007, " "), Map.entry(0x2009, " "), Map.entry(0x202F, " "), Map.entry(0x2002, " "),
            Map.entry(0x2003, " "), Map.entry(0x2044, "/"), Map.entry(0x2215, "/"), Map.entry(0x00B5, "u"));

    /** Candidate regular/bold file pairs, most preferred first. */
    private static final String[][] SYSTEM_FONTS = {
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
        {"/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"},
        {"/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"},
        {"/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf", "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf"},
        {"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"},
        {"/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
            "/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf"},
        {"/System/Library/Fonts/Supplemental/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf"},
        {"/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"},
    };

    final PDFont regular;
    final PDFont bold;
    /** "DejaVu Sans (embedded)" or "Helvetica (standard 14)": for the report's metadata and tests. */
    final String description;
    private final Map<PDFont, Map<Integer, String>> printable = new HashMap<>();

    private PdfFonts(PDFont regular, PDFont bold, String description) {
        this.regular = regular;
        this.bold = bold;
        this.description = description;
    }

    /** The faces for one document (an embedded font belongs to the document it was loaded into). */
    static PdfFonts load(PDDocument doc, Source source) {
        if (source == Source.SYSTEM_THEN_STANDARD) {
            for (File[] pair : systemCandidates()) {
                if (pair[0].isFile() && pair[1].isFile()) {
                    try {
                        PDType0Font r = PDType0Font.load(doc, pair[0]);
                        PDType0Font b = PDType0Font.load(doc, pair[1]);
                        return new PdfFonts(r, b, r.getName().replaceFirst("^[A-Z]{6}\\+", "") + " (embedded)");
                    } catch (IOException | RuntimeException e) {
                        // an unreadable or unusual font file: try the next, and in the end Helvetica
                    }
                }
            }
        }
        return new PdfFonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), "Helvetica (standard 14)");
    }

    private static List<File[]> systemCandidates() {
        List<File[]> out = new ArrayList<>();
        for (String[] pair : SYSTEM_FONTS) {
            out.add(new File[] {new File(pair[0]), new File(pair[1])});
        }
        String windir = System.getenv("WINDIR");
        File winFonts = new File(windir == null ? "C:\\Windows" : windir, "Fonts");
        out.add(new File[] {new File(winFonts, "arial.ttf"), new File(winFonts, "arialbd.ttf")});
        out.add(new File[] {new File(winFonts, "segoeui.ttf"), new File(winFonts, "segoeuib.ttf")});
        File jdkFonts = new File(System.getProperty("java.home", ""), "lib/fonts");
        out.add(new File[] {new File(jdkFonts, "LucidaSansRegular.ttf"), new File(jdkFonts, "LucidaSansDemiBold.ttf")});
        return out;
    }

    PDFont font(boolean isBold) {
        return isBold ? bold : regular;
    }

    /** {@code text} with every character {@code font} cannot show replaced (see the class comment). */
    String printable(PDFont font, String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Map<Integer, String> known = printable.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(known.computeIfAbsent(cp, c -> replacement(font, c))));
        return out.toString();
    }

    private static String replacement(PDFont font, int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return " ";
        }
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
            return "";
        }
        String self = new String(Character.toChars(cp));
        if (shows(font, self)) {
            return self;
        }
        String bare = MARKS.matcher(Normalizer.normalize(self, Normalizer.Form.NFD)).replaceAll("");
        if (!bare.isEmpty() && !bare.equals(self) && shows(font, bare)) {
            return bare;
        }
        String alike = LOOK_ALIKES.get(cp);
        if (alike != null && shows(font, alike)) {
            return alike;
        }
        return "?";
    }

    private static boolean shows(PDFont font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
