package org.needlepoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a test's scenario in a child JVM whose file permissions bite. As root (how CI runs the suite) a
 * read-only folder is writable all the same, so the child runs as the unprivileged user {@code nobody}
 * ({@code setpriv}); its class path is copied to a folder that user may read first (the Maven repository
 * under /root is closed to it). As any other user the child simply runs as that user.
 *
 * <p>The child's main prints one {@code RESULT key value} line per outcome ({@link #report}); the test
 * asserts on the values.
 */
public final class AsUnprivilegedUser {
    private static final String NOBODY = "65534";
    private static Path copiedClassPath;

    private AsUnprivilegedUser() {
    }

    public static boolean isRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Runs {@code main} with {@code args} and returns what it reported, key by key; fails the test if the child failed. */
    public static Map<String, String> run(Class<?> main, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of(java, "-cp", classPath(), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Djava.util.logging.config.file=" + System.getProperty("java.util.logging.config.file", ""),
                main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not finish: " + out);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("the child failed (exit " + p.exitValue() + "):\n" + out);
        }
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] kv = line.substring(7).split(" ", 2);
                results.put(kv[0], kv.length > 1 ? kv[1].replace("\u23CE", "\n") : "");
            }
        }
        return results;
    }

    /** For the child: one outcome, on one line. */
    public static void report(String key, Object value) {
        System.out.println("RESULT " + key + " " + String.valueOf(value).replace("\n", "\u23CE"));
        System.out.flush();
    }

    /** For the child: what running {@code action} threw ("ClassName: message"), or "nothing". */
    public static String thrown(ThrowingRunnable action) {
        try {
            action.run();
            return "nothing";
        } catch (Exception e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** For the child: a new folder that {@code nobody} owns, under the temp folder. */
    public static Path folder(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The test JVM's class path; as root, a copy that {@code nobody} may read (made once per JVM). */
    private static synchronized String classPath() throws IOException {
        String cp = System.getProperty("java.class.path");
        if (!isRoot()) {
            return cp;
        }
        if (copiedClassPath == null) {
            Path dir = Files.createTempDirectory("needlepoint-cp");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            int i = 0;
            for (String entry : cp.split(java.io.File.pathSeparator)) {
                Path from = Path.of(entry);
                if (!Files.exists(from)) {
                    continue;
                }
                Path to = dir.resolve(String.format("%03d-%s", i++, from.getFileName()));
                copy(from, to);
            }
            copiedClassPath = dir;
            dir.toFile().deleteOnExit();
        }
        try (Stream<Path> entries = Files.list(copiedClassPath)) {
            return String.join(java.io.File.pathSeparator, entries.sorted().map(Path::toString).toList());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(src -> {
                Path dst = to.resolve(from.relativize(src).toString());
                try {
                    if (Files.isDirectory(src)) {
                        Files.createDirectories(dst);
                    } else {
                        Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.setPosixFilePermissions(dst, PosixFilePermissions.fromString(
                            Files.isDirectory(src) ? "rwxr-xr-x" : "rw-r--r--"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
