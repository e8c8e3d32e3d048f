package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.needlepoint.app.JvmOptions;

/** The statistics bench reports (nearest-rank percentiles, medians) and its command line; nothing here is timed. */
class BenchStatsTest {

    private static CliRun run(String... args) {
        return CliRun.capture((o, e) -> new Bench(o, e).run(List.of(args)));
    }

    @Test
    void nearestRankPercentiles() {
        double[] hundred = Bench.sorted(java.util.stream.IntStream.rangeClosed(1, 100).mapToObj(i -> (double) (101 - i)).toList());
        assertThat(Bench.percentile(hundred, 50)).isEqualTo(50.0);
        assertThat(Bench.percentile(hundred, 95)).isEqualTo(95.0);
        assertThat(Bench.percentile(hundred, 100)).isEqualTo(100.0);
        double[] three = Bench.sorted(List.of(3.0, 1.0, 2.0));
        assertThat(Bench.percentile(three, 50)).isEqualTo(2.0);
        assertThat(Bench.percentile(three, 95)).isEqualTo(3.0);
        assertThat(Bench.percentile(new double[0], 95)).isNaN();
    }

    @Test
    void cpuTimeOfAProcessFromItsProcStatLine() {
        // utime 150 and stime 25 ticks of 10 ms; a command name may hold spaces and parentheses
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 9000 0 12 0 150 25 0 0 20 0 31 0 100 0 0";
        assertThat(Bench.cpuMillis(stat)).isEqualTo(1750.0);
        assertThat(Bench.cpuMillis(ProcessHandle.current().pid())).satisfiesAnyOf(
                ms -> assertThat(ms).isNaN(), ms -> assertThat(ms).isPositive());
        assertThat(Bench.cpuMillis(-1)).isNaN();
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        assertThat(Bench.median(new double[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(Bench.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void onlyNamesSomeParts() {
        assertThat(Bench.Part.parse("chart, Redraw")).isEqualTo(EnumSet.of(Bench.Part.CHART, Bench.Part.REDRAW));
        assertThat(Bench.Part.parse("search,chart,start,memory,redraw,worklist,recall,receive,book,backup,photos"))
                .isEqualTo(EnumSet.complementOf(EnumSet.of(Bench.Part.INSTALLED)));
        assertThat(Bench.Part.parse("worklist")).isEqualTo(EnumSet.of(Bench.Part.WORKLIST));
        assertThat(Bench.Part.parse("recall")).isEqualTo(EnumSet.of(Bench.Part.RECALL));
        assertThat(Bench.Part.parse("book")).isEqualTo(EnumSet.of(Bench.Part.BOOK));
        assertThat(Bench.Part.parse("backup")).isEqualTo(EnumSet.of(Bench.Part.BACKUP));
        assertThat(Bench.Part.parse("photos")).isEqualTo(EnumSet.of(Bench.Part.PHOTOS));
        assertThat(Bench.Part.parse("installed")).isEqualTo(EnumSet.of(Bench.Part.INSTALLED));
        assertThatThrownBy(() -> Bench.Part.parse("search,speed")).hasMessageContaining("speed");
        assertThatThrownBy(() -> Bench.Part.parse(" , ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jvmOptionSetsForTheChildren() {
        List<Bench.JvmSet> sets = Bench.JvmSet.parse("app; none ;-XX:+UseSerialGC  -Xmx256m");
        assertThat(sets).extracting(Bench.JvmSet::options).containsExactly(JvmOptions.list(), List.of(),
                List.of("-XX:+UseSerialGC", "-Xmx256m"));
        assertThat(sets.get(1).label()).isEqualTo("JVM defaults");
        assertThatThrownBy(() -> Bench.JvmSet.parse("Xmx256m")).hasMessageContaining("Xmx256m");
        assertThatThrownBy(() -> Bench.JvmSet.parse(";")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesBadPartsAndJvmChoicesBeforeMeasuringAnything() {
        CliRun part = run("--only", "search,speed");
        assertThat(part.code()).isEqualTo(2);
        assertThat(part.err()).contains("--only takes search, chart, start, memory, redraw, worklist, recall, receive, book, backup, photos; not speed");

        CliRun jvm = run("--bench-jvm", "fast");
        assertThat(jvm.code()).isEqualTo(2);
        assertThat(jvm.err()).contains("--bench-jvm takes app or as-started");

        CliRun options = run("--jvm-options", "Xmx256m");
        assertThat(options.code()).isEqualTo(2);
        assertThat(options.out()).doesNotContain("== Needlepoint bench ==");

        CliRun unknown = run("--data", "/tmp/x");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option --data");
    }

    @Test
    void helpNamesEveryOptionAndMeasuresNothing() {
        CliRun help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--patients N", "--runs R", "--only PARTS", "--seed", "--search-before", "--jvm-options SETS", "--bench-jvm",
                "--app-image DIR").doesNotContain("== Needlepoint bench ==");
    }

    @Test
    void seedingByServiceUpTo100000PatientsAndBySqlAbove() {
        assertThat(Bench.Config.parse(List.of("--patients", "100000")).seeding()).isEqualTo(Bench.Seeding.SERVICE);
        assertThat(Bench.Config.parse(List.of("--patients", "100001")).seeding()).isEqualTo(Bench.Seeding.SQL);
        assertThat(Bench.Config.parse(List.of("--patients", "1000000", "--seed", "service")).seeding())
                .isEqualTo(Bench.Seeding.SERVICE);
        assertThat(Bench.Config.parse(List.of("--patients", "2000", "--seed", "sql")).seeding()).isEqualTo(Bench.Seeding.SQL);
        assertThatThrownBy(() -> Bench.Config.parse(List.of("--seed", "csv"))).hasMessageContaining("--seed takes service or sql");
        assertThat(Bench.Config.parse(List.of()).searchBefore()).isFalse();
        assertThat(Bench.Config.parse(List.of("--search-before", "yes")).searchBefore()).isTrue();
        assertThatThrownBy(() -> Bench.Config.parse(List.of("--search-before", "maybe"))).hasMessageContaining("yes or no");
        assertThat(Bench.searchTargetMs(100_000)).isEqualTo(10.0);
        assertThat(Bench.searchTargetMs(1_000_000)).isEqualTo(20.0);
    }

    @Test
    void defaultsAndTheAppImageToMeasure() {
        Bench.Config defaults = Bench.Config.parse(List.of());
        assertThat(defaults.patients()).isEqualTo(100_000);
        assertThat(defaults.runs()).isEqualTo(5);
        assertThat(defaults.parts()).isEqualTo(EnumSet.complementOf(EnumSet.of(Bench.Part.INSTALLED)));
        assertThat(defaults.asStarted()).isFalse();
        assertThat(defaults.appImage()).isNull();

        Bench.Config installed = Bench.Config.parse(List.of("--only", "installed", "--app-image", "/opt/needlepoint",
                "--runs", "15", "--patients", "2000"));
        assertThat(installed.appImage()).isEqualTo(Path.of("/opt/needlepoint"));
        assertThat(installed.parts()).containsExactly(Bench.Part.INSTALLED);
        assertThat(installed.args()).containsExactly("--only", "installed", "--app-image", "/opt/needlepoint", "--runs",
                "15", "--patients", "2000");
    }
}
