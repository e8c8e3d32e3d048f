package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.inventory.ProductKind;

/** The built-in patterns' points land in the regions and on the sides they claim, on the drawn face. */
class PatternGeometryTest {

    @Test
    void everyBuiltInPatternPointLocatesToItsStoredRegionAndSide(@TempDir Path dir) {
        try (ChartFixture f = new ChartFixture(dir)) {
            List<ChartPattern> builtIn = f.charts.patterns().stream().filter(ChartPattern::builtIn).toList();
            assertThat(builtIn).hasSize(23);
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

    /** Issue 15's protocols: each lands all its points in the region its name says, for the brand or kind it names. */
    @Test
    void theChairsidePatternsLandInTheRegionsTheyName(@TempDir Path dir) {
        Map<String, Region> named = new LinkedHashMap<>();
        named.put("lip flip", Region.ORBICULARIS_ORIS_UPPER);
        named.put("platysmal bands", Region.PLATYSMA);
        named.put("masseter", Region.MASSETER);
        named.put("depressor anguli oris", Region.DEPRESSOR_ANGULI_ORIS);
        named.put("mentalis", Region.MENTALIS);
        named.put("bunny lines", Region.NASALIS);
        named.put("chin", Region.CHIN);
        named.put("jawline", Region.JAWLINE);
        try (ChartFixture f = new ChartFixture(dir)) {
            List<ChartPattern> builtIn = f.charts.patterns().stream().filter(ChartPattern::builtIn).toList();
            DiagramGeometry geometry = DiagramGeometry.standard();
            Map<String, Integer> found = new LinkedHashMap<>();
            for (ChartPattern pattern : builtIn) {
                for (Map.Entry<String, Region> e : named.entrySet()) {
                    if (!pattern.name().contains(" " + e.getKey() + " (")) {
                        continue;
                    }
                    found.merge(e.getKey(), 1, Integer::sum);
                    Region.Kind kind = pattern.kind() == ProductKind.TOXIN ? Region.Kind.MUSCLE : Region.Kind.AREA;
                    assertThat(pattern.points()).as(pattern.name()).isNotEmpty().allSatisfy(p -> {
                        assertThat(p.region()).isEqualTo(e.getValue());
                        assertThat(geometry.locate(p.view(), p.x(), p.y(), kind).region()).isEqualTo(e.getValue());
                    });
                }
            }
            // toxins for Dysport and Botox Cosmetic; chin and jawline for Sculptra, HA fillers and CaHA
            assertThat(found).containsEntry("lip flip", 2).containsEntry("platysmal bands", 2).containsEntry("masseter", 2)
                    .containsEntry("depressor anguli oris", 2).containsEntry("mentalis", 2).containsEntry("bunny lines", 2)
                    .containsEntry("chin", 3).containsEntry("jawline", 3);
            assertThat(builtIn).filteredOn(p -> p.name().contains("jawline")).extracting(ChartPattern::kind)
                    .containsExactlyInAnyOrder(ProductKind.BIOSTIMULATOR, ProductKind.HA_FILLER, ProductKind.CAHA);
            assertThat(builtIn).filteredOn(p -> p.name().startsWith("Dysport lip flip")).singleElement()
                    .satisfies(p -> assertThat(p.fits(f.dysport)).isTrue());
            assertThat(builtIn).filteredOn(p -> p.name().startsWith("Botox Cosmetic masseter")).singleElement()
                    .satisfies(p -> {
                        assertThat(p.fits(f.botox)).isTrue();
                        assertThat(p.fits(f.dysport)).as("units are not interchangeable").isFalse();
                        assertThat(p.total()).isEqualByComparingTo("48");
                    });
        }
    }
}
