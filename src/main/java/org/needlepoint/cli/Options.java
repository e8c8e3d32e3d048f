package org.needlepoint.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** "--name value" options of one subcommand; an unknown or incomplete option is a clear error. */
final class Options {
    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(List<String> args, String... known) {
        Set<String> allowed = Set.of(known);
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("Unknown option " + a + ". Try --help.");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value.");
                }
                value = args.get(++i);
            }
            v.put(name, value);
        }
        return new Options(v);
    }

    int intValue(String name, int dflt, int min, int max) {
        String s = values.get(name);
        if (s == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + s + ".");
        }
    }

    String stringValue(String name, String dflt) {
        String s = values.get(name);
        return s == null ? dflt : s;
    }

    long longValue(String name, long dflt) {
        String s = values.get(name);
        if (s == null) {
            return dflt;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + s + ".");
        }
    }
}
