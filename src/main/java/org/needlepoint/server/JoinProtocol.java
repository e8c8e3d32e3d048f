package org.needlepoint.server;

/**
 * The join exchange, on the port after the database's, over TLS with the server's key: one line
 * each way, UTF-8, fields split by tabs.
 * <pre>
 *   PC:     NEEDLEPOINT-JOIN/1 TAB code TAB app version TAB PC name
 *   server: OK TAB clinic TAB database user TAB password
 *       or: REFUSED TAB one line for the person joining
 * </pre>
 */
final class JoinProtocol {
    static final String HELLO = "NEEDLEPOINT-JOIN/1";
    static final String OK = "OK";
    static final String REFUSED = "REFUSED";
    /** The longest line either side reads: a join is small. */
    static final int MAX_LINE = 1024;

    private JoinProtocol() {
    }

    /** The join port of a server whose database listens on {@code port}. */
    static int joinPort(int port) {
        return port + 1;
    }

    /** A field without tabs or line breaks. */
    static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]", " ").strip();
    }

    static String readLine(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        int ch;
        while ((ch = in.read()) >= 0 && ch != '\n') {
            if (b.size() >= MAX_LINE) {
                throw new java.io.IOException("line too long");
            }
            b.write(ch);
        }
        if (ch < 0 && b.size() == 0) {
            throw new java.io.EOFException("no answer");
        }
        return b.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
