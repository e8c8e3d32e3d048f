package org.needlepoint.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.server.JoinClient;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.Database;

/**
 * A real clinic server: {@code serve} in a child JVM on loopback, over a data folder set up by the
 * test. Reads the fingerprint and the join code it prints; stops it with SIGTERM or kills it with
 * SIGKILL, and starts it again on the same port.
 */
public final class ServerProcess implements AutoCloseable {
    public final Path folder;
    public final int port;
    private Process process;
    private Path errors;
    private BufferedReader out;
    private final List<String> printed = new ArrayList<>();
    public String fingerprint;
    public String joinCode;
    /** The first PC joined by {@link #join}, whose admin makes the codes of the next ones. */
    private Path firstPc;

    private ServerProcess(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    /** Serves {@code folder} (its records set up and closed by the caller) on a free pair of loopback ports. */
    public static ServerProcess start(Path folder) throws IOException {
        ServerProcess s = new ServerProcess(folder, freePortPair());
        s.launch();
        return s;
    }

    /** Serves a new "Test Clinic" (its admin, injector and desk; no automatic backups) set up in {@code records}. */
    public static ServerProcess serveTestClinic(Path records) throws IOException {
        try (TestClinic clinic = new TestClinic(records).withStaff()) {
            clinic.automaticBackups(false);
        }
        return start(records);
    }

    /**
     * Joins a new PC named {@code name} into the empty {@code pc} folder, comparing the server's fingerprint: the
     * first PC with the code the server printed, each next one with a code the admin makes on the first PC (as
     * Admin -> Clinic server does). Returns the folder's link.
     */
    public synchronized ClinicLink join(Path pc, String name) {
        String code;
        if (firstPc == null) {
            code = joinCode;
            firstPc = pc;
        } else {
            try (Database db = Database.openFolder(firstPc)) {
                Services s = new Services(db, Clock.systemDefaultZone(), new PasswordHasher(1_000));
                s.auth().signIn("admin", TestClinic.PASSWORD.toCharArray());
                code = s.clinicPcs().makeJoinCode();
            }
        }
        return new JoinClient(Clock.systemUTC()).join(pc, JoinClient.Address.parse(address()), code, name, fingerprint).link();
    }

    /** Starts the server again on the same folder and port (after {@link #kill()} or {@link #stop()}). */
    public void restart() throws IOException {
        launch();
    }

    private void launch() throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx192m", "-cp", cp, "org.needlepoint.Main",
                "--data", folder.toString(), "serve", "--bind", "127.0.0.1", "--port", Integer.toString(port)));
        errors = Files.createTempFile(folder.getParent(), "server", ".err");
        process = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
        process.getOutputStream().close();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        printed.clear();
        for (String l; (l = out.readLine()) != null; ) {
            printed.add(l);
            if (l.startsWith("Fingerprint: ")) {
                fingerprint = l.substring("Fingerprint: ".length()).strip();
            } else if (l.startsWith("Join code:   ")) {
                joinCode = l.substring("Join code:   ".length()).split(" ")[0];
            } else if (l.startsWith("Backups:")) {
                return;
            }
        }
        throw new AssertionError("the server did not start: " + printed + "\n" + errors());
    }

    /** Runs a second {@code serve} on the same folder and port to its end; returns its exit code and error output. */
    public String[] serveAgain() throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", cp, "org.needlepoint.Main",
                "--data", folder.toString(), "serve", "--bind", "127.0.0.1", "--port", Integer.toString(port + 10))
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the second server did not end: " + all);
        }
        return new String[] {Integer.toString(p.exitValue()), all};
    }

    /** What the server printed at its start. */
    public List<String> printed() {
        return List.copyOf(printed);
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** SIGTERM; returns the exit code. */
    public int stop() throws InterruptedException {
        process.toHandle().destroy(); // SIGTERM, keeping the output readable (Process.destroy would close it)
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within 60 s");
        }
        return process.exitValue();
    }

    /** SIGKILL: the server dies at once, as in a power cut of its process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The rest of what it printed (after it stopped). */
    public String rest() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String l; (l = out.readLine()) != null; ) {
            b.append(l).append('\n');
        }
        return b.toString();
    }

    public String errors() {
        try {
            return Files.readString(errors);
        } catch (IOException e) {
            return "(no error output: " + e + ")";
        }
    }

    /** A free port whose next port is free too (the database port and the join port). */
    public static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                p = s.getLocalPort();
            }
            if (p < 65534) {
                try (ServerSocket next = new ServerSocket(p + 1, 1, java.net.InetAddress.getLoopbackAddress())) {
                    return p;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free pair of loopback ports");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
