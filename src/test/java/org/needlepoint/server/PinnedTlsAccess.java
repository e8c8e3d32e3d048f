package org.needlepoint.server;

import org.needlepoint.store.PinnedTls;

/** Pins the test server's certificate for raw JDBC connections in tests. */
final class PinnedTlsAccess {
    private PinnedTlsAccess() {
    }

    static void pin(int port, String fingerprint) {
        PinnedTls.pin("127.0.0.1", port, fingerprint);
    }
}
