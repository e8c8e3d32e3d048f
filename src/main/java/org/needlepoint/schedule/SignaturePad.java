package org.needlepoint.schedule;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Where the patient signs: a canvas that records each press-drag-release as a stroke, from a mouse,
 * a pen, or a finger (JavaFX turns touch and pen drags into mouse events, so one path serves all).
 * Large enough for a finger (at least 520 x 200, growing with its place); {@link #clear} starts
 * again. The strokes are in the pad's pixels and come out as a {@link Signature}.
 */
public final class SignaturePad extends Region {
    private static final double MIN_W = 520;
    private static final double MIN_H = 200;
    private final Canvas canvas = new Canvas(MIN_W, MIN_H);
    private final List<List<Signature.Point>> strokes = new ArrayList<>();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private List<Signature.Point> current;

    public SignaturePad() {
        getStyleClass().add("signature-pad");
        getChildren().add(canvas);
        setCursor(Cursor.CROSSHAIR);
        setMinSize(MIN_W, MIN_H);
        setPrefSize(640, 240);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            current = new ArrayList<>();
            strokes.add(current);
            add(e);
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (current != null) {
                add(e);
            }
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (current != null) {
                add(e);
                current = null;
            }
            e.consume();
        });
        widthProperty().addListener((o, was, is) -> redraw());
        heightProperty().addListener((o, was, is) -> redraw());
    }

    private void add(MouseEvent e) {
        int x = (int) Math.round(Math.max(0, Math.min(canvas.getWidth(), e.getX())));
        int y = (int) Math.round(Math.max(0, Math.min(canvas.getHeight(), e.getY())));
        Signature.Point p = new Signature.Point(x, y);
        if (!current.isEmpty() && current.get(current.size() - 1).equals(p)) {
            return;
        }
        current.add(p);
        GraphicsContext g = canvas.getGraphicsContext2D();
        pen(g);
        if (current.size() == 1) {
            g.strokeLine(x, y, x + 0.5, y);
        } else {
            Signature.Point a = current.get(current.size() - 2);
            g.strokeLine(a.x(), a.y(), x, y);
        }
        empty.set(false);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
        canvas.relocate(0, 0);
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        // the line to sign on, with its cross, as on paper
        double base = canvas.getHeight() * 0.75;
        g.setStroke(Color.web("#9aa4af"));
        g.setLineWidth(1);
        g.strokeLine(24, base, canvas.getWidth() - 24, base);
        g.setFill(Color.web("#9aa4af"));
        g.fillText("\u00d7", 24, base - 8);
        pen(g);
        for (List<Signature.Point> s : strokes) {
            for (int i = 1; i < s.size(); i++) {
                g.strokeLine(s.get(i - 1).x(), s.get(i - 1).y(), s.get(i).x(), s.get(i).y());
            }
            if (s.size() == 1) {
                g.strokeLine(s.get(0).x(), s.get(0).y(), s.get(0).x() + 0.5, s.get(0).y());
            }
        }
    }

    private static void pen(GraphicsContext g) {
        g.setStroke(Color.web("#141e3c"));
        g.setLineWidth(3);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
    }

    /** Wipes the pad for a new signature. */
    public void clear() {
        strokes.clear();
        current = null;
        empty.set(true);
        redraw();
    }

    /** What was drawn, on the pad's present size. */
    public Signature signature() {
        return new Signature((int) Math.round(canvas.getWidth()), (int) Math.round(canvas.getHeight()), strokes);
    }

    /** True until something is drawn (and again after {@link #clear}). */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }
}
