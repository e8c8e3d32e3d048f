package org.needlepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics bench reports: nearest-rank percentiles and medians (nothing here is timed). */
class BenchStatsTest {

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
    void mediansOfOddAndEvenCounts() {
        assertThat(Bench.median(new double[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(Bench.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
