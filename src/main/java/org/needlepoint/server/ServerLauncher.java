package org.needlepoint.server;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.needlepoint.store.StoreException;

/**
 * Starts the clinic server ({@code serve}) on a data folder as a process of its own, detached from
 * this app so it keeps serving when the app closes: the same launcher as this app (the installed
 * one, else this Java with this class path), its output in {@value #LOG} in the folder (never a
 * pipe to this app), in a session of its own where the OS has {@code setsid}. The start is over
 * when the server prints its join code; a server that stops first, or says nothing for
 * {@link #START_TIMEOUT}, is a {@link StoreException} quoting what it said.
 */
public final class ServerLauncher {
    /** Where the server's output goes, in the data folder it serves. */
    public static final String LOG = "clinic-server.log";
    /** Long enough for a first start on a slow PC (the clinic's key is made then). */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final String MAIN = "org.needlepoint.Main";
    private static final String JOIN_CODE = "Join code:";
    private static final String FINGERPRINT = "Fingerprint:";
    /** The installed launcher of the clinic server, beside the app's (installer/build.xml). */
    static final String SERVER_LAUNCHER = "NeedlepointServer";

    /** A server that has started: its process, its certificate's fingerprint and its first join code. */
    public record Started(long pid, String fingerprint, String joinCode, List<String> printed) {
    }

    private final List<String> launcher;
    private final List<String> options;
    private final Duration timeout;

    /**
     * {@code launcher}: the command that runs Needlepoint, to which {@code --data DIR serve} and
     * {@code options} (such as {@code --port P}) are added.
     */
    public ServerLauncher(List<String> launcher, List<String> options, Duration timeout) {
        this.launcher = List.copyOf(launcher);
        this.options = List.copyOf(options);
        this.timeout = timeout;
    }

    /** Starts servers with the launcher this app was started with, on the usual port and every address. */
    public static ServerLauncher forThisApp() {
        return new ServerLauncher(launcherOf(System.getProperties()), List.of(), START_TIMEOUT);
    }

    /**
     * The command that runs the clinic server: when jpackage started this app ({@code jpackage.app-path}),
     * the installed server launcher beside it ({@code NeedlepointServer}: the app's JVM options and a server's
     * heap, see {@code installer/build.xml}), or the app's own launcher where there is none (an older install);
     * else this Java with this class path (made absolute: the server runs in its data folder).
     */
    static List<String> launcherOf(Properties p) {
        String app = p.getProperty("jpackage.app-path");
        if (app != null && !app.isBlank()) {
            Path server = serverLauncherBeside(Path.of(app));
            return List.of(server != null ? server.toString() : app);
        }
        List<String> entries = new ArrayList<>();
        for (String e : p.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(new File(e).getAbsolutePath());
            }
        }
        return List.of(Path.of(p.getProperty("java.home"), "bin", "java").toString(), "-cp",
                String.join(File.pathSeparator, entries), MAIN);
    }

    /** The installed server launcher in the folder of the app's launcher {@code app}, or null. */
    static Path serverLauncherBeside(Path app) {
        String name = app.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".exe") ? SERVER_LAUNCHER + ".exe"
                : SERVER_LAUNCHER;
        Path server = app.resolveSibling(name);
        return Files.isExecutable(server) ? server : null;
    }

    /** The whole command for {@code folder}: this launcher, {@code --data DIR serve} and the options. */
    public List<String> command(Path folder) {
        List<String> cmd = new ArrayList<>();
        Path setsid = setsid();
        if (setsid != null) {
            cmd.add(setsid.toString());
        }
        cmd.addAll(launcher);
        cmd.addAll(List.of("--data", folder.toAbsolutePath().toString(), "serve"));
        cmd.addAll(options);
        return cmd;
    }

    /** Linux's setsid, so the server is not in this app's session (a closed terminal does not stop it); null elsewhere. */
    private static Path setsid() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        for (String p : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    /**
     * Starts {@code serve} on {@code folder} (its records closed by the caller) and returns once it
     * serves. On a failure the process is gone.
     */
    public Started start(Path folder) {
        Path log = folder.resolve(LOG);
        ProcessBuilder pb = new ProcessBuilder(command(folder))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Process p;
        try {
            p = pb.start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new StoreException("The clinic server could not be started (" + e.getMessage() + ").", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                List<String> printed = read(log);
                Started s = started(p.pid(), printed);
                if (s != null) {
                    return s;
                }
                if (!p.isAlive()) {
                    throw new StoreException("The clinic server did not start: " + lastWords(read(log)));
                }
                if (System.nanoTime() > deadline) {
                    stop(p);
                    throw new StoreException("The clinic server did not start within " + timeout.toSeconds()
                            + " seconds, so it was stopped. " + (printed.isEmpty() ? "It printed nothing."
                            : "Its last words: " + lastWords(printed)));
                }
                p.waitFor(100, TimeUnit.MILLISECONDS); // returns at once when it ends
            }
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            throw new StoreException("Starting the clinic server was interrupted; it was stopped.", e);
        }
    }

    /** The server once its join code is printed (it is then serving), else null. */
    static Started started(long pid, List<String> printed) {
        String code = null;
        String fingerprint = null;
        for (String l : printed) {
            if (l.startsWith(FINGERPRINT)) {
                fingerprint = l.substring(FINGERPRINT.length()).strip();
            } else if (l.startsWith(JOIN_CODE)) {
                String rest = l.substring(JOIN_CODE.length()).strip();
                code = rest.isEmpty() ? null : rest.split(" ")[0];
            }
        }
        return code == null ? null : new Started(pid, fingerprint, code, List.copyOf(printed));
    }

    private static String lastWords(List<String> printed) {
        for (int i = printed.size() - 1; i >= 0; i--) {
            if (!printed.get(i).isBlank()) {
                return printed.get(i).strip();
            }
        }
        return "it printed nothing (see " + LOG + " in the data folder).";
    }

    private static List<String> read(Path log) {
        try {
            String text = Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
            return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** SIGTERM (the server closes cleanly), then SIGKILL if it does not end. */
    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
