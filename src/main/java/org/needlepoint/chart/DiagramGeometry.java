package org.needlepoint.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The diagrams' geometry: which region and side a point is on, and where its mirror image lands.
 * Pure Java, no UI. The shapes come from {@code resources/org/needlepoint/chart/diagrams/*.json},
 * one file per {@link DiagramView}.
 *
 * <p><b>Sides.</b> On the frontal views (face, neck and chest, body front) the patient faces the
 * viewer, so the patient's RIGHT is on the viewer's left (x &lt; 0.5), as in a photograph. On the
 * back view the patient's LEFT is on the viewer's left. A profile shows one side only.
 *
 * <p><b>Overlaps.</b> Muscles (toxin sites) and areas (filler and PLLA sites) overlap on the face:
 * the corrugator lies under the brow. {@link #locate(DiagramView, double, double, Region.Kind)}
 * first keeps the shapes of the preferred kind (a toxin brush prefers muscles, a filler brush
 * areas); among the remaining shapes the smallest wins, since a small shape is the more specific
 * name for that spot. With a null preference the smallest shape of any kind wins; the
 * three-argument {@code locate} prefers muscles. A point in no shape is {@link Region#OTHER}, with
 * its side from the midline.
 */
public final class DiagramGeometry {
    /** Points this close to the midline (as a fraction of the view's width) are on the midline. */
    public static final double MIDLINE_TOLERANCE = 0.01;

    private static final Comparator<RegionShape> SMALLEST_FIRST = Comparator.comparingDouble(RegionShape::area);
    private static volatile DiagramGeometry standard;

    private final Map<DiagramView, Diagram> diagrams;
    private final Map<DiagramView, Orientation> orientations;

    /** How the patient's sides lie on a view. */
    private enum Orientation {
        /** The patient faces the viewer: patient's right on the viewer's left. */
        FRONTAL,
        /** The viewer sees the patient's back: patient's left on the viewer's left. */
        BACK,
        PROFILE_LEFT,
        PROFILE_RIGHT
    }

    private DiagramGeometry(Map<DiagramView, Diagram> diagrams, Map<DiagramView, Orientation> orientations) {
        this.diagrams = diagrams;
        this.orientations = orientations;
    }

    /** The diagrams that ship with the app (read once; the data is immutable). */
    public static DiagramGeometry standard() {
        DiagramGeometry g = standard;
        if (g == null) {
            synchronized (DiagramGeometry.class) {
                g = standard;
                if (g == null) {
                    g = load(view -> DiagramGeometry.class.getResourceAsStream(resourceName(view)));
                    standard = g;
                }
            }
        }
        return g;
    }

    /** The classpath resource holding a view: {@code /org/needlepoint/chart/diagrams/face-front.json}. */
    public static String resourceName(DiagramView view) {
        return "/org/needlepoint/chart/diagrams/" + view.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".json";
    }

    /** Reads every view from the given source; fails with the view's name if one is missing or broken. */
    public static DiagramGeometry load(Function<DiagramView, InputStream> source) {
        Map<DiagramView, Diagram> diagrams = new EnumMap<>(DiagramView.class);
        Map<DiagramView, Orientation> orientations = new EnumMap<>(DiagramView.class);
        for (DiagramView view : DiagramView.values()) {
            try (InputStream in = source.apply(view)) {
                if (in == null) {
                    throw new IllegalStateException("diagram " + view.name() + " is missing (" + resourceName(view) + ")");
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                parse(view, text, diagrams, orientations);
            } catch (IOException e) {
                throw new UncheckedIOException("diagram " + view.name() + " could not be read", e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("diagram " + view.name() + ": " + e.getMessage(), e);
            }
        }
        return new DiagramGeometry(diagrams, orientations);
    }

    @SuppressWarnings("unchecked")
    private static void parse(DiagramView view, String text, Map<DiagramView, Diagram> diagrams,
                              Map<DiagramView, Orientation> orientations) {
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(text);
        if (!view.name().equals(doc.get("view"))) {
            throw new IllegalArgumentException("the file is for " + doc.get("view"));
        }
        double aspect = ((Number) doc.get("aspect")).doubleValue();
        String sides = (String) doc.get("sides");
        Orientation o = switch (sides) {
            case "frontal" -> Orientation.FRONTAL;
            case "back" -> Orientation.BACK;
            case "LEFT" -> Orientation.PROFILE_LEFT;
            case "RIGHT" -> Orientation.PROFILE_RIGHT;
            default -> throw new IllegalArgumentException("unknown sides " + sides);
        };
        List<ArtPath> art = new ArrayList<>();
        for (Object o1 : (List<Object>) doc.get("art")) {
            Map<String, Object> a = (Map<String, Object>) o1;
            ArtPath.Stroke stroke = ArtPath.Stroke.valueOf(((String) a.get("class")).toUpperCase(Locale.ROOT));
            art.add(ArtPath.parse(stroke, (String) a.get("d")));
        }
        List<RegionShape> shapes = new ArrayList<>();
        for (Object o1 : (List<Object>) doc.get("regions")) {
            Map<String, Object> r = (Map<String, Object>) o1;
            List<Object> pts = (List<Object>) r.get("points");
            double[] xy = new double[pts.size()];
            for (int k = 0; k < xy.length; k++) {
                xy[k] = ((Number) pts.get(k)).doubleValue();
                if (xy[k] < 0 || xy[k] > 1) {
                    throw new IllegalArgumentException(r.get("region") + ": coordinate outside 0..1");
                }
            }
            shapes.add(new RegionShape(Region.valueOf((String) r.get("region")), Side.valueOf((String) r.get("side")), xy));
        }
        diagrams.put(view, new Diagram(view, aspect, art, shapes));
        orientations.put(view, o);
    }

    /** The drawing and shapes of one view. */
    public Diagram diagram(DiagramView view) {
        return diagrams.get(Objects.requireNonNull(view, "view"));
    }

    /**
     * The region and side at (x, y) when no brush says otherwise: a muscle there wins (the finer,
     * toxin reading of the spot), else the smallest area.
     */
    public Site locate(DiagramView view, double x, double y) {
        return locate(view, x, y, Region.Kind.MUSCLE);
    }

    public Site locate(Placement p) {
        return locate(p.view(), p.x(), p.y());
    }

    /**
     * The region and side at (x, y). Shapes of {@code preferred} kind win over other shapes
     * there (null: no preference); among them the smallest wins; outside every shape, OTHER.
     */
    public Site locate(DiagramView view, double x, double y, Region.Kind preferred) {
        return shapeAt(view, x, y, preferred).map(RegionShape::site).orElseGet(() -> new Site(Region.OTHER, sideOf(view, x)));
    }

    /** The shape {@link #locate(DiagramView, double, double, Region.Kind)} names, if the point is in any. */
    public Optional<RegionShape> shapeAt(DiagramView view, double x, double y, Region.Kind preferred) {
        RegionShape best = null;
        boolean bestPreferred = false;
        for (RegionShape s : diagram(view).shapes()) {
            if (!s.contains(x, y)) {
                continue;
            }
            boolean pref = preferred != null && s.region().kind() == preferred;
            if (best == null || (pref && !bestPreferred) || (pref == bestPreferred && s.area() < best.area())) {
                best = s;
                bestPreferred = pref;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every shape under (x, y), smallest first: e.g. to warn when any of them is a PLLA "avoid" area. */
    public List<RegionShape> shapesAt(DiagramView view, double x, double y) {
        List<RegionShape> out = new ArrayList<>();
        for (RegionShape s : diagram(view).shapes()) {
            if (s.contains(x, y)) {
                out.add(s);
            }
        }
        out.sort(SMALLEST_FIRST);
        return out;
    }

    /** The patient's side of a point from the view's midline alone (profiles: the side they show). */
    public Side sideOf(DiagramView view, double x) {
        return switch (orientations.get(Objects.requireNonNull(view, "view"))) {
            case PROFILE_LEFT -> Side.LEFT;
            case PROFILE_RIGHT -> Side.RIGHT;
            case FRONTAL -> Math.abs(x - 0.5) <= MIDLINE_TOLERANCE ? Side.MIDLINE : x < 0.5 ? Side.RIGHT : Side.LEFT;
            case BACK -> Math.abs(x - 0.5) <= MIDLINE_TOLERANCE ? Side.MIDLINE : x < 0.5 ? Side.LEFT : Side.RIGHT;
        };
    }

    /**
     * The same anatomical spot on the patient's other side: (1 - x, y) on the frontal and back views;
     * on a profile, the other profile (whose drawing is this one's mirror image).
     */
    public Placement mirror(DiagramView view, double x, double y) {
        return new Placement(view.mirrored(), 1 - x, y);
    }

    public Placement mirror(Placement p) {
        return mirror(p.view(), p.x(), p.y());
    }

    /** The views on which {@code region} has a shape. */
    public List<DiagramView> viewsShowing(Region region) {
        List<DiagramView> out = new ArrayList<>();
        for (DiagramView v : DiagramView.values()) {
            if (diagram(v).shapes().stream().anyMatch(s -> s.region() == region)) {
                out.add(v);
            }
        }
        return out;
    }
}
