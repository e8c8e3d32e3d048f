package org.needlepoint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.needlepoint.inventory.Gs1Code;
import org.needlepoint.inventory.Gs1Exception;
import org.needlepoint.inventory.Gs1Parser;

/**
 * {@code scan TEXT}: parses a pack's GS1 barcode text (or standard input when TEXT is {@code -})
 * and prints its fields as one JSON object. Needs no data folder. Bad input: one line on stderr and
 * exit 2, like the other subcommands' bad input.
 */
final class ScanCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Clock clock;

    ScanCommand(PrintStream out, PrintStream err, InputStream in, Clock clock) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.clock = clock;
    }

    int run(List<String> args) {
        if (args.size() != 1) {
            err.println("scan takes one argument: the barcode text in quotes, or - to read it from standard input.");
            return 2;
        }
        String text = args.get(0);
        if (text.equals("-")) {
            try {
                // Read at most a little more than the parser accepts, so that endless input cannot exhaust memory.
                byte[] bytes = in.readNBytes(4 * Gs1Parser.MAX_LENGTH + 4);
                text = new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("Cannot read standard input: " + e.getMessage());
                return 1;
            }
        }
        try {
            out.println(json(Gs1Parser.parse(text, clock)));
            return 0;
        } catch (Gs1Exception e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /** {"gtin":…,"lot":…,"expiry":…,"serial":…,"productionDate":…}, null for absent fields. */
    static String json(Gs1Code c) {
        return "{\"gtin\":" + string(c.gtin()) + ",\"lot\":" + string(c.lot()) + ",\"expiry\":" + date(c.expiry())
                + ",\"serial\":" + string(c.serial()) + ",\"productionDate\":" + date(c.productionDate()) + "}";
    }

    private static String date(LocalDate d) {
        return d == null ? "null" : string(d.toString());
    }

    static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (ch < 0x20 || ch == 0x7F || ch == '\u2028' || ch == '\u2029') {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
