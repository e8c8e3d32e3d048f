package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SiteMapBenchmarkTest {
    @Start
    void start(Stage stage) {
        // the toolkit is all the benchmark needs; it builds its own scene
    }

    @Test
    void theRedrawBenchmarkDrawsEveryPoint() throws Exception {
        // speed is measured by the bench subcommand, not asserted here: this checks the harness works
        SiteMapBenchmark.Result r = WaitForAsyncUtils.asyncFx(() -> SiteMapBenchmark.run(300, 3))
                .get(120, TimeUnit.SECONDS);
        assertThat(r.points()).isEqualTo(300);
        assertThat(r.markersShown()).isEqualTo(300);
        assertThat(r.frames()).isEqualTo(3);
        assertThat(r.p95Millis()).isBetween(r.medianMillis(), r.worstMillis());
    }

    @Test
    void itRefusesToRunOffTheFxThread() {
        assertThatThrownBy(() -> SiteMapBenchmark.run(10, 1)).isInstanceOf(IllegalStateException.class);
    }
}
