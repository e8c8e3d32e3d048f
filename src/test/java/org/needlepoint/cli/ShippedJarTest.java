package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.needlepoint.security.PasswordHasher;
import org.needlepoint.testing.MutableClock;

/**
 * The benchmark (src/bench) stays out of what ships: none of its classes or resources is in the
 * production output (target/classes, which becomes target/needlepoint.jar and the installer's
 * app-image), no shipped class refers to one, and the shipped command line has no {@code bench}.
 */
class ShippedJarTest {
    private static final Path BENCH_JAVA = Path.of("src/bench/java");
    private static final Path BENCH_RESOURCES = Path.of("src/bench/resources");

    /** Where the shipped classes are compiled to: the code source of {@link Cli} (target/classes). */
    private static Path production() throws URISyntaxException {
        Path p = Path.of(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(p).as("the production classes are a folder (target/classes)").isDirectory();
        return p;
    }

    /** "org/needlepoint/cli/Bench" for src/bench/java/org/needlepoint/cli/Bench.java, and so on. */
    private static List<String> benchClasses() throws IOException {
        try (Stream<Path> files = Files.walk(BENCH_JAVA)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> BENCH_JAVA.relativize(f).toString().replace('\\', '/').replaceAll("\\.java$", ""))
                    .sorted().toList();
        }
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void theBenchmarkIsCompiledApartFromTheShippedClasses() throws Exception {
        List<String> bench = benchClasses();
        assertThat(bench).contains("org/needlepoint/cli/Bench", "org/needlepoint/cli/BareWindow",
                "org/needlepoint/chart/SiteMapBenchmark", "org/needlepoint/followup/WorklistBenchmark");
        Path production = production();
        // the tests see the benchmark (its own tests run in mvn verify), but from elsewhere
        Path benchOutput = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(benchOutput).isNotEqualTo(production);

        List<String> shipped = new ArrayList<>();
        for (Path f : filesUnder(production)) {
            String name = production.relativize(f).toString().replace('\\', '/');
            for (String b : bench) {
                if (name.equals(b + ".class") || name.startsWith(b + "$")) {
                    shipped.add(name);
                }
            }
        }
        assertThat(shipped).as("benchmark classes in the production output %s", production).isEmpty();
    }

    @Test
    void theBenchmarksResourcesAreNotShipped() throws Exception {
        Path production = production();
        List<String> shipped = new ArrayList<>();
        for (Path f : filesUnder(BENCH_RESOURCES)) {
            String name = BENCH_RESOURCES.relativize(f).toString();
            if (Files.exists(production.resolve(name))) {
                shipped.add(name);
            }
        }
        assertThat(filesUnder(BENCH_RESOURCES)).isNotEmpty();
        assertThat(shipped).as("benchmark resources in the production output %s", production).isEmpty();
    }

    /** A shipped class that names a benchmark class would fail at run time where the benchmark is absent. */
    @Test
    void noShippedClassRefersToABenchmarkClass() throws Exception {
        List<String> bench = benchClasses();
        Path production = production();
        List<String> refs = new ArrayList<>();
        for (Path f : filesUnder(production)) {
            if (!f.toString().endsWith(".class")) {
                continue;
            }
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String b : bench) {
                if (refersTo(bytes, b)) {
                    refs.add(production.relativize(f) + " -> " + b);
                }
            }
        }
        assertThat(refs).as("shipped classes that refer to benchmark classes").isEmpty();

        // the check sees a reference where there is one: Bench starts BareWindow and BenchGui by name
        Path benchOutput = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String benchClass = new String(Files.readAllBytes(benchOutput.resolve("org/needlepoint/cli/Bench.class")),
                StandardCharsets.ISO_8859_1);
        assertThat(refersTo(benchClass, "org/needlepoint/cli/BareWindow")).isTrue();
        assertThat(refersTo(benchClass, "org/needlepoint/cli/BenchGui")).isTrue();
        assertThat(refersTo(benchClass, "org/needlepoint/cli/Bench")).isTrue();
    }

    /**
     * Whether a class file's constant pool names {@code internalName}: as a class entry (its UTF-8
     * entry is exactly that name: a two-byte length, then the name), in a descriptor
     * ({@code Lname;}) or as an outer class ({@code name$Inner}).
     */
    static boolean refersTo(String classFile, String internalName) {
        int n = internalName.length();
        String exact = new String(new char[] {(char) (n >> 8), (char) (n & 0xff)}) + internalName;
        return classFile.contains(exact) || classFile.contains("L" + internalName + ";")
                || classFile.contains(internalName + "$");
    }

    @Test
    void theShippedCommandLineHasNoBench() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int help;
        int bench;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Cli cli = new Cli(o, e, MutableClock.morning(), new PasswordHasher(1_000));
            help = cli.run(new String[] {"--help"});
            bench = cli.run(new String[] {"bench", "--only", "chart"});
        }
        assertThat(help).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: needlepoint").doesNotContain("bench");
        assertThat(bench).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown subcommand: bench");
    }
}
