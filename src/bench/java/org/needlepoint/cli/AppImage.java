package org.needlepoint.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A jpackage app-image of Needlepoint as the installer build makes it (installer/build.xml): where
 * its launcher, app folder and runtime are, and what its launcher runs, read from the launcher's
 * {@code Needlepoint.cfg} ({@code app.classpath}, {@code app.mainclass}, {@code java-options}, with
 * {@code $APPDIR}, {@code $BINDIR} and {@code $ROOTDIR} filled in). {@code Bench --only installed}
 * uses it to start the app as the launcher does, with and without its AppCDS archive.
 *
 * @param root        the app-image folder ({@code Needlepoint}, or {@code Needlepoint.app} on macOS)
 * @param appDir      the folder with the jars, the cfg and the AppCDS archive
 * @param launcher    the launcher that prints to a terminal
 * @param java        the java binary of the app-image's runtime
 * @param classPath   the launcher's class path, in order
 * @param mainClass   the launcher's main class
 * @param javaOptions the launcher's JVM options, in order
 */
record AppImage(Path root, Path appDir, Path launcher, Path java, List<String> classPath, String mainClass,
                List<String> javaOptions) {
    static final String CFG = "Needlepoint.cfg";
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

    /** The three layouts jpackage makes: Linux, Windows, macOS. */
    private enum Layout {
        LINUX("lib/app", "bin/Needlepoint", "lib/runtime/bin/java"),
        WINDOWS("app", "NeedlepointCli.exe", "runtime/bin/java.exe"),
        MACOS("Contents/app", "Contents/MacOS/Needlepoint", "Contents/runtime/Contents/Home/bin/java");

        final String appDir;
        final String launcher;
        final String java;

        Layout(String appDir, String launcher, String java) {
            this.appDir = appDir;
            this.launcher = launcher;
            this.java = java;
        }
    }

    /** Reads the app-image at {@code root}; a folder that is not one is a clear error. */
    static AppImage read(Path root) {
        for (Layout layout : Layout.values()) {
            Path cfg = root.resolve(layout.appDir).resolve(CFG);
            if (Files.isRegularFile(cfg)) {
                try {
                    return parse(root, layout, Files.readAllLines(cfg));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalArgumentException(root + " is not a Needlepoint app-image (no " + CFG
                + "); build one with mvn -Pinstaller package");
    }

    private static AppImage parse(Path root, Layout layout, List<String> lines) {
        Path appDir = root.resolve(layout.appDir);
        Path launcher = root.resolve(layout.launcher);
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String mainClass = null;
        for (String raw : lines) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.startsWith("[") || line.startsWith("#") || eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip()
                    .replace("$APPDIR", appDir.toString())
                    .replace("$BINDIR", launcher.getParent().toString())
                    .replace("$ROOTDIR", root.toString());
            switch (key) {
                case "app.classpath" -> classPath.add(value);
                case "app.mainclass" -> mainClass = value;
                case "java-options" -> options.add(value);
                default -> {
                    // other keys (app.mainjar, splash, ...) do not change how the JVM is started here
                }
            }
        }
        if (mainClass == null || classPath.isEmpty()) {
            throw new IllegalArgumentException(appDir.resolve(CFG) + " names no main class or class path");
        }
        return new AppImage(root, appDir, launcher, root.resolve(layout.java), List.copyOf(classPath), mainClass,
                List.copyOf(options));
    }

    /**
     * The app-image the installer build leaves beside the jar or classes folder at {@code codeSource}
     * ({@code target/installer/Needlepoint}, or {@code Needlepoint.app} on macOS), if there is one.
     */
    static Optional<AppImage> find(Path codeSource) {
        Path target = codeSource.toAbsolutePath().getParent();
        if (target == null) {
            return Optional.empty();
        }
        for (Path c : List.of(target.resolve("installer/Needlepoint"), target.resolve("installer/Needlepoint.app"))) {
            try {
                return Optional.of(read(c));
            } catch (IllegalArgumentException notThisOne) {
                // try the next place
            }
        }
        return Optional.empty();
    }

    /** The AppCDS archive the launcher names, if it names one. */
    Optional<Path> archive() {
        return javaOptions.stream().filter(o -> o.startsWith(ARCHIVE_OPTION))
                .map(o -> Path.of(o.substring(ARCHIVE_OPTION.length()))).findFirst();
    }

    /** The launcher's JVM options without its AppCDS archive (the JVM then uses its runtime's own CDS archive). */
    List<String> javaOptionsWithoutArchive() {
        return javaOptions.stream().filter(o -> !o.startsWith(ARCHIVE_OPTION)).toList();
    }
}
