package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.inventory.ProductKind;

/** The built-in patterns' points land in the regions and on the sides they claim, on the drawn face. */
class PatternGeometryTest {

    @Test
    void everyBuiltInPatternPointLocatesToItsStoredRegionAndSide(@TempDir Path dir) {
        try (ChartFixture f = new ChartFixture(dir)) {
            List<ChartPattern> builtIn = f.charts.patterns().stream().filter(ChartPattern::builtIn).toList();
            assertThat(builtIn).hasSize(5);
            DiagramGeometry geometry = DiagramGeometry.standard();
            for (ChartPattern pattern : builtIn) {
                for (PatternPoint p : pattern.points()) {
                    // the chart locates a toxin point on a muscle and a filler/PLLA point on an area
                    Region.Kind kind = pattern.kind() == ProductKind.TOXIN ? Region.Kind.MUSCLE : Region.Kind.AREA;
                    Site site = geometry.locate(p.view(), p.x(), p.y(), kind);
                    assertThat(site).as(pattern.name() + " at (" + p.x() + ", " + p.y() + ")")
                            .isEqualTo(new Site(p.region(), p.side()));
                }
            }
        }
    }
}
