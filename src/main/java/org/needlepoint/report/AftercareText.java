package org.needlepoint.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.needlepoint.inventory.ProductKind;

/**
 * One product kind's aftercare text, read from {@code aftercare-<kind>.txt} beside this class
 * (e.g. {@code resources/org/needlepoint/report/aftercare-toxin.txt}), so the wording is data a
 * clinic can edit. The format, line by line:
 *
 * <pre>
 * # a note for whoever edits the file; not printed
 * &#64;title Your anti-wrinkle injections ({products})     the section's title
 * &#64;date reviewDate 14                                   {reviewDate} = the visit's date + 14 days
 * ## What to expect                                        a heading
 * - Stay upright for 4 hours.                              a bullet point
 * !! URGENT: call 911 if ...                               an urgent warning, printed in a red box
 * any other text                                           a paragraph; a blank line ends it
 * </pre>
 *
 * Placeholders in braces are filled when the sheet is printed: {@code {clinicName}},
 * {@code {clinicPhone}}, {@code {products}} (the brands of this kind charted on the visit),
 * {@code {visitDate}} and every name defined by an {@code @date} line. An unknown placeholder is
 * printed as written, so a typo shows rather than vanishes.
 */
record AftercareText(ProductKind kind, String title, Map<String, Integer> dates, List<Block> blocks) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** What a block is printed as. */
    enum Type { HEADING, PARAGRAPH, BULLET, URGENT }

    record Block(Type type, String text) {
        Block fill(Map<String, String> values) {
            return new Block(type, AftercareText.fill(text, values));
        }
    }

    AftercareText {
        dates = Map.copyOf(dates);
        blocks = List.copyOf(blocks);
    }

    /** The resource name of a kind's text: {@code aftercare-ha-filler.txt}. */
    static String resourceName(ProductKind kind) {
        return "aftercare-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
    }

    /** Reads the text of {@code kind} from the classpath, next to this class. */
    static AftercareText load(ProductKind kind) {
        return load(kind, name -> AftercareText.class.getResourceAsStream(name));
    }

    static AftercareText load(ProductKind kind, Function<String, InputStream> source) {
        String name = resourceName(kind);
        try (InputStream in = source.apply(name)) {
            if (in == null) {
                throw new IllegalStateException("the aftercare text " + name + " is missing");
            }
            return parse(kind, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the aftercare text " + name + " could not be read", e);
        }
    }

    static AftercareText parse(ProductKind kind, String text) {
        String title = kind.toString();
        Map<String, Integer> dates = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        int n = 0;
        for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
            n++;
            String line = raw.strip();
            boolean continuesParagraph = !line.isEmpty() && !line.startsWith("#") && !line.startsWith("@")
                    && !line.startsWith("- ") && !line.startsWith("!!");
            if (!continuesParagraph && para.length() > 0) {
                blocks.add(new Block(Type.PARAGRAPH, para.toString()));
                para.setLength(0);
            }
            if (line.isEmpty() || (line.startsWith("#") && !line.startsWith("##"))) {
                continue;
            }
            if (line.startsWith("##")) {
                blocks.add(new Block(Type.HEADING, line.substring(2).strip()));
            } else if (line.startsWith("@title ")) {
                title = line.substring(7).strip();
            } else if (line.startsWith("@date ")) {
                String[] parts = line.substring(6).strip().split("\\s+");
                if (parts.length != 2 || !parts[0].matches("[A-Za-z][A-Za-z0-9]*") || !parts[1].matches("\\d{1,4}")) {
                    throw new IllegalArgumentException(resourceName(kind) + " line " + n
                            + ": write \"@date name days\", e.g. \"@date reviewDate 14\"");
                }
                dates.put(parts[0], Integer.parseInt(parts[1]));
            } else if (line.startsWith("@")) {
                throw new IllegalArgumentException(resourceName(kind) + " line " + n + ": unknown directive " + line);
            } else if (line.startsWith("- ")) {
                blocks.add(new Block(Type.BULLET, line.substring(2).strip()));
            } else if (line.startsWith("!!")) {
                blocks.add(new Block(Type.URGENT, line.substring(2).strip()));
            } else {
                para.append(para.length() == 0 ? "" : " ").append(line);
            }
        }
        if (para.length() > 0) {
            blocks.add(new Block(Type.PARAGRAPH, para.toString()));
        }
        return new AftercareText(kind, title, dates, blocks);
    }

    /** {@code text} with every known placeholder replaced. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
