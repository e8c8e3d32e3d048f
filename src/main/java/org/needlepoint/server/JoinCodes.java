package org.needlepoint.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One-time join codes: 12 characters in three groups ("7K3M-Q9TD-XW2A"), about 60 bits of chance,
 * from an alphabet without look-alikes (no O, I, L, U); typed in any case, with or without the
 * dashes, an O read as 0 and an I or L as 1. Only their SHA-256 is stored.
 */
public final class JoinCodes {
    /** How long a code can be used. */
    public static final Duration VALID_FOR = Duration.ofMinutes(15);
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {
    }

    /** A new code, grouped for reading aloud. */
    public static String make() {
        StringBuilder b = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The code as typed, in its one spelling; null when it cannot be a code (wrong length or letters). */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (char ch : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (ch == '-' || ch == ' ') {
                continue;
            }
            char c = switch (ch) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> ch;
            };
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
            b.append(c);
        }
        return b.length() == 12 ? b.toString() : null;
    }

    /** What is stored of a code: the SHA-256 of its one spelling, in hex. */
    public static String hash(String normalised) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("needlepoint-join:" + normalised).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
