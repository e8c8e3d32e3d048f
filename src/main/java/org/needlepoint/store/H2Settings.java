package org.needlepoint.store;

/**
 * H2's settings that are read once, when its classes load: set first thing in {@code main}, before any
 * database is opened.
 */
public final class H2Settings {
    /**
     * How many prepared statements and results of one connection the clinic server keeps, and a joined
     * PC counts on it keeping (H2's {@code h2.serverCachedObjects}, 64 by default). A PC prepares each
     * statement once (ConnectionPool), but H2's client prepares it again, one round trip more, once 64
     * newer objects were made on its connection: a registration makes about 12 (a chart save, before it was one
     * call to the server, 11), so at 64 some of its statements were prepared again every time. The server must keep at least as many as the PC counts on; both run
     * this code ({@code Main}), and a PC started otherwise counts on H2's 64, which is fewer: safe.
     */
    public static final int SERVER_CACHED_OBJECTS = 512;

    private H2Settings() {
    }

    /** Sets them unless given on the command line; before H2's classes load, or they are not seen. */
    public static void apply() {
        if (System.getProperty("h2.serverCachedObjects") == null) {
            System.setProperty("h2.serverCachedObjects", Integer.toString(SERVER_CACHED_OBJECTS));
        }
    }
}
