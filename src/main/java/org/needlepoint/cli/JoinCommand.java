package org.needlepoint.cli;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.needlepoint.server.JoinClient;

/** {@code join HOST:PORT CODE [--name NAME] [--fingerprint FP]}: joins this PC's (empty) data folder to a clinic server. */
final class JoinCommand {
    private final PrintStream out;
    private final Clock clock;

    JoinCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    int run(Path folder, String address, String code, String name, String fingerprint) {
        String pc = name != null ? name : defaultName();
        JoinClient.Joined j = new JoinClient(clock).join(folder, JoinClient.Address.parse(address), code, pc, fingerprint);
        out.println("Joined the clinic server of " + j.link().clinic() + " at " + j.link().address() + " as \"" + pc + "\".");
        out.println("Fingerprint: " + j.fingerprint());
        out.println("Compare it with the one the server shows; if they differ, ask the clinic's administrator.");
        out.println("Data folder: " + folder.toAbsolutePath() + " (holds the link only; the records stay on the server)");
        return 0;
    }

    private static String defaultName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "PC";
        }
    }
}
