package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DiagramGeometryTest {
    private final DiagramGeometry g = DiagramGeometry.standard();

    private static final Set<DiagramView> FRONTAL = EnumSet.of(DiagramView.FACE_FRONT, DiagramView.NECK_CHEST,
            DiagramView.BODY_FRONT);

    @ParameterizedTest
    @EnumSource(DiagramView.class)
    void everyViewHasADrawingAndNamedShapes(DiagramView view) {
        Diagram d = g.diagram(view);
        assertThat(d.view()).isEqualTo(view);
        assertThat(d.art()).hasSizeGreaterThan(3);
        assertThat(d.shapes()).hasSizeGreaterThan(5);
        assertThat(d.aspect()).isBetween(0.3, 2.0);
        for (ArtPath a : d.art()) {
            for (ArtPath.Segment s : a.segments()) {
                for (double c : s.xy()) {
                    assertThat(c).as("%s art coordinate", view).isBetween(-0.02, 1.02);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DiagramView.class)
    void theCentroidOfEveryShapeLocatesToThatShape(DiagramView view) {
        for (RegionShape s : g.diagram(view).shapes()) {
            double x = s.centroidX();
            double y = s.centroidY();
            assertThat(s.contains(x, y)).as("%s %s: centroid inside its own polygon", view, s).isTrue();
            assertThat(g.locate(view, x, y, s.region().kind())).as("%s at the centroid of %s", view, s)
                    .isEqualTo(s.site());
        }
    }

    @ParameterizedTest
    @EnumSource(DiagramView.class)
    void withoutAPreferenceMusclesWinOverTheAreasAroundThem(DiagramView view) {
        for (RegionShape s : g.diagram(view).shapes()) {
            if (s.region().kind() == Region.Kind.MUSCLE) {
                assertThat(g.locate(view, s.centroidX(), s.centroidY())).as("%s %s", view, s).isEqualTo(s.site());
            }
        }
    }

    @Test
    void everyRegionIsOnSomeViewAndFaceRegionsAreOnAllThreeFaceViews() {
        Set<Region> seen = EnumSet.noneOf(Region.class);
        for (DiagramView v : DiagramView.values()) {
            g.diagram(v).shapes().forEach(s -> seen.add(s.region()));
        }
        assertThat(seen).containsAll(EnumSet.complementOf(EnumSet.of(Region.OTHER)));
        assertThat(seen).doesNotContain(Region.OTHER);

        Set<Region> face = EnumSet.complementOf(EnumSet.of(Region.OTHER, Region.DECOLLETAGE));
        face.removeIf(r -> r.kind() == Region.Kind.BODY);
        for (Region r : face) {
            assertThat(g.viewsShowing(r)).as(r.name())
                    .contains(DiagramView.FACE_FRONT, DiagramView.FACE_LEFT, DiagramView.FACE_RIGHT);
        }
        assertThat(g.viewsShowing(Region.DECOLLETAGE)).contains(DiagramView.NECK_CHEST, DiagramView.BODY_FRONT);
        assertThat(g.viewsShowing(Region.PLATYSMA)).contains(DiagramView.NECK_CHEST);
        assertThat(g.viewsShowing(Region.BUTTOCK)).containsExactly(DiagramView.BODY_BACK);
        assertThat(g.viewsShowing(Region.ABDOMEN)).containsExactly(DiagramView.BODY_FRONT);
    }

    @ParameterizedTest
    @EnumSource(DiagramView.class)
    void shapesKeepToTheirSideOfTheMidline(DiagramView view) {
        for (RegionShape s : g.diagram(view).shapes()) {
            switch (view) {
                case FACE_LEFT -> assertThat(s.side()).as(s.toString()).isIn(Side.LEFT, Side.MIDLINE);
                case FACE_RIGHT -> assertThat(s.side()).as(s.toString()).isIn(Side.RIGHT, Side.MIDLINE);
                default -> {
                    Side viewersLeft = FRONTAL.contains(view) ? Side.RIGHT : Side.LEFT;
                    if (s.side() == viewersLeft) {
                        assertThat(s.maxX()).as("%s %s", view, s).isLessThanOrEqualTo(0.5);
                    } else if (s.side() == viewersLeft.mirrored()) {
                        assertThat(s.minX()).as("%s %s", view, s).isGreaterThanOrEqualTo(0.5);
                    } else {
                        assertThat(s.minX()).as("%s %s", view, s).isLessThan(0.5);
                        assertThat(s.maxX()).as("%s %s", view, s).isGreaterThan(0.5);
                    }
                }
            }
        }
    }

    @Test
    void sideFromTheMidlineOnTheFrontalViewIsThePatientsOwnSide() {
        // the patient faces us: their right is on our left
        assertThat(g.sideOf(DiagramView.FACE_FRONT, 0.30)).isEqualTo(Side.RIGHT);
        assertThat(g.sideOf(DiagramView.FACE_FRONT, 0.70)).isEqualTo(Side.LEFT);
        assertThat(g.sideOf(DiagramView.FACE_FRONT, 0.50)).isEqualTo(Side.MIDLINE);
        assertThat(g.sideOf(DiagramView.FACE_FRONT, 0.505)).isEqualTo(Side.MIDLINE);
        assertThat(g.sideOf(DiagramView.FACE_FRONT, 0.52)).isEqualTo(Side.LEFT);
        assertThat(g.sideOf(DiagramView.NECK_CHEST, 0.2)).isEqualTo(Side.RIGHT);
        assertThat(g.sideOf(DiagramView.BODY_FRONT, 0.2)).isEqualTo(Side.RIGHT);
        // seen from behind, their left is on our left
        assertThat(g.sideOf(DiagramView.BODY_BACK, 0.2)).isEqualTo(Side.LEFT);
        assertThat(g.sideOf(DiagramView.BODY_BACK, 0.8)).isEqualTo(Side.RIGHT);
        // a profile shows one side, whatever x
        assertThat(g.sideOf(DiagramView.FACE_LEFT, 0.9)).isEqualTo(Side.LEFT);
        assertThat(g.sideOf(DiagramView.FACE_RIGHT, 0.1)).isEqualTo(Side.RIGHT);
    }

    @Test
    void pointsEitherSideOfTheFrontalMidlineGetThePatientsSides() {
        RegionShape corrugatorOnTheLeftOfTheDrawing = shape(DiagramView.FACE_FRONT, Region.CORRUGATOR, Side.RIGHT);
        assertThat(corrugatorOnTheLeftOfTheDrawing.centroidX()).isLessThan(0.5);
        assertThat(g.locate(DiagramView.FACE_FRONT, 0.42, 0.40).side()).isEqualTo(Side.RIGHT);
        assertThat(g.locate(DiagramView.FACE_FRONT, 0.58, 0.40).side()).isEqualTo(Side.LEFT);
        assertThat(g.locate(DiagramView.FACE_FRONT, 0.5, 0.45)).isEqualTo(new Site(Region.PROCERUS, Side.MIDLINE));
        // the frontalis row: left and right of the midline, and on it
        assertThat(g.locate(DiagramView.FACE_FRONT, 0.40, 0.30)).isEqualTo(new Site(Region.FRONTALIS, Side.RIGHT));
        assertThat(g.locate(DiagramView.FACE_FRONT, 0.60, 0.30)).isEqualTo(new Site(Region.FRONTALIS, Side.LEFT));
        assertThat(g.locate(DiagramView.FACE_FRONT, 0.50, 0.30)).isEqualTo(new Site(Region.FRONTALIS, Side.MIDLINE));
    }

    @Test
    void theRightProfileShowsThePatientsRightSideFacingTheViewersRight() {
        RegionShape noseRight = shape(DiagramView.FACE_RIGHT, Region.NOSE, Side.MIDLINE);
        RegionShape noseLeft = shape(DiagramView.FACE_LEFT, Region.NOSE, Side.MIDLINE);
        assertThat(noseRight.centroidX()).isGreaterThan(0.75);
        assertThat(noseLeft.centroidX()).isLessThan(0.25);
        RegionShape masseter = shape(DiagramView.FACE_RIGHT, Region.MASSETER, Side.RIGHT);
        assertThat(g.locate(DiagramView.FACE_RIGHT, masseter.centroidX(), masseter.centroidY()))
                .isEqualTo(new Site(Region.MASSETER, Side.RIGHT));
        assertThat(g.locate(DiagramView.FACE_RIGHT, 0.05, 0.05)).isEqualTo(new Site(Region.OTHER, Side.RIGHT));
        assertThat(g.locate(DiagramView.FACE_LEFT, 0.95, 0.05)).isEqualTo(new Site(Region.OTHER, Side.LEFT));
    }

    @Test
    void aPointOutsideEveryShapeIsOtherWithItsSideFromTheMidline() {
        assertThat(g.locate(DiagramView.FACE_FRONT, 0.02, 0.02)).isEqualTo(new Site(Region.OTHER, Side.RIGHT));
        assertThat(g.locate(DiagramView.FACE_FRONT, 0.98, 0.02)).isEqualTo(new Site(Region.OTHER, Side.LEFT));
        assertThat(g.locate(DiagramView.FACE_FRONT, 0.50, 0.02)).isEqualTo(new Site(Region.OTHER, Side.MIDLINE));
        assertThat(g.locate(DiagramView.BODY_BACK, 0.5, 0.3)).isEqualTo(new Site(Region.OTHER, Side.MIDLINE));
        assertThat(g.locate(DiagramView.BODY_BACK, 0.45, 0.3)).isEqualTo(new Site(Region.OTHER, Side.LEFT));
        assertThat(g.locate(DiagramView.FACE_FRONT, -3, 7).region()).isEqualTo(Region.OTHER);
    }

    @Test
    void aBrushKindPicksTheMuscleOrTheAreaAtTheSameSpot() {
        RegionShape corrugator = shape(DiagramView.FACE_FRONT, Region.CORRUGATOR, Side.LEFT);
        double x = corrugator.centroidX();
        double y = corrugator.centroidY();
        List<Region> under = g.shapesAt(DiagramView.FACE_FRONT, x, y).stream().map(RegionShape::region).toList();
        assertThat(under).contains(Region.CORRUGATOR, Region.BROW);
        assertThat(g.locate(DiagramView.FACE_FRONT, x, y, Region.Kind.MUSCLE).region()).isEqualTo(Region.CORRUGATOR);
        assertThat(g.locate(DiagramView.FACE_FRONT, x, y, Region.Kind.AREA)).isEqualTo(new Site(Region.BROW, Side.LEFT));
        // a preference that nothing there matches falls back to the smallest shape
        assertThat(g.locate(DiagramView.FACE_FRONT, x, y, Region.Kind.BODY).region()).isEqualTo(Region.CORRUGATOR);
        // no preference at all: the smallest shape, here the midline strip of the chin inside the mentalis
        RegionShape mentalis = shape(DiagramView.FACE_FRONT, Region.MENTALIS, Side.MIDLINE);
        assertThat(g.locate(DiagramView.FACE_FRONT, mentalis.centroidX(), mentalis.centroidY(), null).region())
                .isEqualTo(Region.CHIN);
        assertThat(g.locate(DiagramView.FACE_FRONT, mentalis.centroidX(), mentalis.centroidY()).region())
                .isEqualTo(Region.MENTALIS);
    }

    @Test
    void shapesAtListsTheSmallestFirst() {
        RegionShape lips = shape(DiagramView.FACE_FRONT, Region.LIPS, Side.RIGHT);
        List<RegionShape> under = g.shapesAt(DiagramView.FACE_FRONT, lips.centroidX(), lips.centroidY());
        assertThat(under).isNotEmpty();
        for (int i = 1; i < under.size(); i++) {
            assertThat(under.get(i).area()).isGreaterThanOrEqualTo(under.get(i - 1).area());
        }
        assertThat(under.stream().anyMatch(s -> s.region().avoidForPlla())).isTrue();
    }

    @Test
    void plllaAvoidAreasAreWhereTheyShouldBe() {
        RegionShape lips = shape(DiagramView.FACE_FRONT, Region.LIPS, Side.LEFT);
        assertThat(g.locate(DiagramView.FACE_FRONT, lips.centroidX(), lips.centroidY(), Region.Kind.AREA).region()
                .avoidForPlla()).isTrue();
        RegionShape eye = shape(DiagramView.FACE_FRONT, Region.PERIORBITAL, Side.RIGHT);
        assertThat(g.locate(DiagramView.FACE_FRONT, eye.centroidX(), eye.centroidY(), Region.Kind.AREA).region())
                .isEqualTo(Region.PERIORBITAL);
        RegionShape malar = shape(DiagramView.FACE_FRONT, Region.MALAR, Side.RIGHT);
        assertThat(g.locate(DiagramView.FACE_FRONT, malar.centroidX(), malar.centroidY(), Region.Kind.AREA).region()
                .avoidForPlla()).isFalse();
    }

    @Test
    void mirroringTwiceReturnsTheOriginal() {
        for (DiagramView v : DiagramView.values()) {
            for (double[] p : new double[][] {{0.1, 0.2}, {0.37, 0.81}, {0.5, 0.5}, {0.93, 0.04}}) {
                Placement once = g.mirror(v, p[0], p[1]);
                Placement twice = g.mirror(once);
                assertThat(twice.view()).isEqualTo(v);
                assertThat(twice.x()).isCloseTo(p[0], within(1e-12));
                assertThat(twice.y()).isCloseTo(p[1], within(1e-12));
            }
        }
        assertThat(g.mirror(DiagramView.FACE_LEFT, 0.2, 0.5)).isEqualTo(new Placement(DiagramView.FACE_RIGHT, 0.8, 0.5));
        assertThat(g.mirror(DiagramView.FACE_FRONT, 0.25, 0.5)).isEqualTo(new Placement(DiagramView.FACE_FRONT, 0.75, 0.5));
    }

    @Test
    void mirroringALeftCorrugatorPointGivesARightCorrugatorPoint() {
        RegionShape left = shape(DiagramView.FACE_FRONT, Region.CORRUGATOR, Side.LEFT);
        Placement m = g.mirror(DiagramView.FACE_FRONT, left.centroidX(), left.centroidY());
        assertThat(m.view()).isEqualTo(DiagramView.FACE_FRONT);
        assertThat(m.x()).isLessThan(0.5);
        assertThat(g.locate(m)).isEqualTo(new Site(Region.CORRUGATOR, Side.RIGHT));
    }

    @ParameterizedTest
    @EnumSource(DiagramView.class)
    void theShapesAreMirrorSymmetric(DiagramView view) {
        for (RegionShape s : g.diagram(view).shapes()) {
            Placement m = g.mirror(view, s.centroidX(), s.centroidY());
            assertThat(g.locate(m.view(), m.x(), m.y(), s.region().kind())).as("mirror of %s on %s", s, view)
                    .isEqualTo(new Site(s.region(), s.side().mirrored()));
        }
    }

    @Test
    void theFrontFaceIsSymmetricAndTheEyesSitHalfWayDownTheHead() {
        Diagram d = g.diagram(DiagramView.FACE_FRONT);
        List<double[]> ends = new ArrayList<>();
        for (ArtPath a : d.art()) {
            List<ArtPath.Segment> segs = a.segments();
            double[] first = segs.get(0).xy();
            double[] last = lastPoint(segs);
            ends.add(new double[] {first[0], first[1], last[0], last[1]});
        }
        // every line has a mirror image (itself, reversed, or another line)
        for (double[] e : ends) {
            boolean found = ends.stream().anyMatch(o ->
                    (near(o[0], 1 - e[0]) && near(o[1], e[1]) && near(o[2], 1 - e[2]) && near(o[3], e[3]))
                            || (near(o[0], 1 - e[2]) && near(o[1], e[3]) && near(o[2], 1 - e[0]) && near(o[3], e[1])));
            assertThat(found).as("mirror image of the line from (%s, %s)", e[0], e[1]).isTrue();
        }
        // the head: crown and chin from the outline; the pupils from the filled dots
        ArtPath head = d.art().get(0);
        double top = 1;
        double bottom = 0;
        for (ArtPath.Segment s : head.segments()) {
            for (int i = 1; i < s.xy().length; i += 2) {
                top = Math.min(top, s.xy()[i]);
                bottom = Math.max(bottom, s.xy()[i]);
            }
        }
        List<ArtPath> pupils = d.art().stream().filter(a -> a.stroke() == ArtPath.Stroke.FILL).toList();
        assertThat(pupils).hasSize(2);
        double pupilY = pupils.get(0).segments().get(0).xy()[1];
        assertThat(pupilY).isCloseTo((top + bottom) / 2, within(0.02));
    }

    @Test
    void aBrokenDiagramFileNamesTheView() {
        assertThatThrownBy(() -> DiagramGeometry.load(v -> v == DiagramView.NECK_CHEST
                ? new ByteArrayInputStream("{\"view\": \"NECK_CHEST\", ".getBytes(StandardCharsets.UTF_8))
                : DiagramGeometry.class.getResourceAsStream(DiagramGeometry.resourceName(v))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NECK_CHEST");
        assertThatThrownBy(() -> DiagramGeometry.load(v -> null)).hasMessageContaining("FACE_FRONT")
                .hasMessageContaining("missing");
    }

    @Test
    void artPathDataParses() {
        ArtPath p = ArtPath.parse(ArtPath.Stroke.HINT, "M0.1 0.2L0.3,0.4 0.5 0.6C1 1 0 0 -1e-2 .5Q0 0 1 1Z");
        assertThat(p.segments()).extracting(ArtPath.Segment::op).containsExactly(ArtPath.Op.MOVE, ArtPath.Op.LINE,
                ArtPath.Op.LINE, ArtPath.Op.CUBIC, ArtPath.Op.QUAD, ArtPath.Op.CLOSE);
        assertThat(p.segments().get(3).xy()[4]).isEqualTo(-0.01);
        assertThatThrownBy(() -> ArtPath.parse(ArtPath.Stroke.HINT, "M0 0A1 1 0 0 1 2 2"))
                .hasMessageContaining("unsupported");
        assertThatThrownBy(() -> ArtPath.parse(ArtPath.Stroke.HINT, "0 0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void miniJsonReadsWhatTheFilesUseAndRejectsJunk() {
        Object v = MiniJson.parse("{\"a\": [1, -2.5e1, true, null], \"b\": \"x\\\"\\u00e9\"}");
        assertThat(v).isEqualTo(java.util.Map.of("a", java.util.Arrays.asList(1.0, -25.0, true, null), "b", "x\"é"));
        assertThatThrownBy(() -> MiniJson.parse("{\"a\": 1,}")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> MiniJson.parse("[1] 2")).hasMessageContaining("trailing");
    }

    private RegionShape shape(DiagramView view, Region region, Side side) {
        return g.diagram(view).shapes().stream().filter(s -> s.region() == region && s.side() == side)
                .max((a, b) -> Double.compare(a.area(), b.area()))
                .orElseThrow(() -> new AssertionError(region + " " + side + " not on " + view));
    }

    private static double[] lastPoint(List<ArtPath.Segment> segs) {
        for (int i = segs.size() - 1; i >= 0; i--) {
            double[] xy = segs.get(i).xy();
            if (xy.length > 0) {
                return new double[] {xy[xy.length - 2], xy[xy.length - 1]};
            }
        }
        throw new AssertionError("empty path");
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 0.002;
    }
}
