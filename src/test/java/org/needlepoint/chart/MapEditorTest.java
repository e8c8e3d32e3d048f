package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.MapEditor.EditablePoint;
import org.needlepoint.chart.MapEditor.MirrorResult;

class MapEditorTest {
    /** A stand-in for the chart's brush: product kind and amount. */
    record Dose(String product, boolean toxin, String amount) {
    }

    static final Dose DYSPORT_10 = new Dose("Dysport", true, "10 U");
    static final Dose DYSPORT_5 = new Dose("Dysport", true, "5 U");
    static final Dose SCULPTRA = new Dose("Sculptra", false, "0.5 mL");

    private final DiagramGeometry g = DiagramGeometry.standard();
    private final MapEditor<Dose> editor = new MapEditor<>(g, d -> d.toxin() ? Region.Kind.MUSCLE : Region.Kind.AREA);

    private RegionShape shape(DiagramView view, Region region, Side side) {
        return g.diagram(view).shapes().stream().filter(s -> s.region() == region && s.side() == side)
                .max((a, b) -> Double.compare(a.area(), b.area())).orElseThrow();
    }

    private EditablePoint<Dose> addAt(DiagramView view, Region region, Side side, Dose d) {
        RegionShape s = shape(view, region, side);
        return editor.add(view, s.centroidX(), s.centroidY(), d);
    }

    @Test
    void addDerivesTheSiteAndUndoRedoTakeItBackAndReturnIt() {
        EditablePoint<Dose> p = addAt(DiagramView.FACE_FRONT, Region.CORRUGATOR, Side.LEFT, DYSPORT_10);
        assertThat(p.site()).isEqualTo(new Site(Region.CORRUGATOR, Side.LEFT));
        assertThat(editor.points()).containsExactly(p);
        assertThat(editor.undoDescription()).contains("Add point");

        assertThat(editor.undo()).isTrue();
        assertThat(editor.points()).isEmpty();
        assertThat(editor.canUndo()).isFalse();
        assertThat(editor.canRedo()).isTrue();

        assertThat(editor.redo()).isTrue();
        assertThat(editor.points()).containsExactly(p);
        assertThat(editor.redo()).isFalse();
    }

    @Test
    void keysAreUniqueEvenAfterUndo() {
        EditablePoint<Dose> a = editor.add(DiagramView.FACE_FRONT, 0.4, 0.3, DYSPORT_10);
        editor.undo();
        EditablePoint<Dose> b = editor.add(DiagramView.FACE_FRONT, 0.4, 0.3, DYSPORT_10);
        assertThat(b.key()).isNotEqualTo(a.key());
    }

    @Test
    void moveDerivesTheSiteAgainAndUndoPutsItBack() {
        EditablePoint<Dose> p = addAt(DiagramView.FACE_FRONT, Region.CORRUGATOR, Side.RIGHT, DYSPORT_10);
        assertThat(editor.move(p.key(), 0.5, 0.45)).isTrue();
        EditablePoint<Dose> moved = editor.point(p.key()).orElseThrow();
        assertThat(moved.site()).isEqualTo(new Site(Region.PROCERUS, Side.MIDLINE));
        assertThat(moved.x()).isEqualTo(0.5);

        editor.undo();
        EditablePoint<Dose> back = editor.point(p.key()).orElseThrow();
        assertThat(back).isEqualTo(p);
        editor.redo();
        assertThat(editor.point(p.key()).orElseThrow().site().region()).isEqualTo(Region.PROCERUS);
    }

    @Test
    void coordinatesAreKeptOnTheDiagram() {
        EditablePoint<Dose> p = editor.add(DiagramView.FACE_FRONT, -0.2, 1.4, DYSPORT_10);
        assertThat(p.x()).isZero();
        assertThat(p.y()).isEqualTo(1.0);
        editor.move(p.key(), 2, -1);
        assertThat(editor.point(p.key()).orElseThrow().x()).isEqualTo(1.0);
    }

    @Test
    void updatingThePayloadCanChangeTheSiteAndIsUndoable() {
        EditablePoint<Dose> p = addAt(DiagramView.FACE_FRONT, Region.CORRUGATOR, Side.LEFT, DYSPORT_10);
        // the same spot read as a filler area is the brow
        assertThat(editor.updatePayload(p.key(), SCULPTRA)).isTrue();
        assertThat(editor.point(p.key()).orElseThrow().site()).isEqualTo(new Site(Region.BROW, Side.LEFT));
        assertThat(editor.point(p.key()).orElseThrow().payload()).isEqualTo(SCULPTRA);
        editor.undo();
        assertThat(editor.point(p.key()).orElseThrow().site().region()).isEqualTo(Region.CORRUGATOR);
        assertThat(editor.point(p.key()).orElseThrow().payload()).isEqualTo(DYSPORT_10);
    }

    @Test
    void updatingTheSelectionIsOneStep() {
        EditablePoint<Dose> a = editor.add(DiagramView.FACE_FRONT, 0.4, 0.3, DYSPORT_10);
        EditablePoint<Dose> b = editor.add(DiagramView.FACE_FRONT, 0.6, 0.3, DYSPORT_10);
        EditablePoint<Dose> c = editor.add(DiagramView.FACE_FRONT, 0.5, 0.3, DYSPORT_10);
        int n = editor.updatePayload(List.of(a.key(), b.key()), d -> DYSPORT_5);
        assertThat(n).isEqualTo(2);
        assertThat(editor.points()).extracting(p -> p.payload().amount()).containsExactly("5 U", "5 U", "10 U");
        editor.undo();
        assertThat(editor.points()).extracting(p -> p.payload().amount()).containsExactly("10 U", "10 U", "10 U");
        assertThat(editor.points()).extracting(EditablePoint::key).containsExactly(a.key(), b.key(), c.key());
    }

    @Test
    void deleteIsOneStepAndUndoRestoresTheOrder() {
        EditablePoint<Dose> a = editor.add(DiagramView.FACE_FRONT, 0.40, 0.30, DYSPORT_10);
        EditablePoint<Dose> b = editor.add(DiagramView.FACE_FRONT, 0.50, 0.30, DYSPORT_10);
        EditablePoint<Dose> c = editor.add(DiagramView.FACE_FRONT, 0.60, 0.30, DYSPORT_10);
        assertThat(editor.delete(Set.of(a.key(), c.key()))).isEqualTo(2);
        assertThat(editor.points()).containsExactly(b);
        assertThat(editor.undoDescription()).contains("Delete 2 points");
        editor.undo();
        assertThat(editor.points()).containsExactly(a, b, c);
        editor.redo();
        assertThat(editor.points()).containsExactly(b);
    }

    @Test
    void aBatchIsOneUndoStep() {
        editor.add(DiagramView.FACE_FRONT, 0.3, 0.8, SCULPTRA);
        List<EditablePoint<Dose>> pattern = editor.applyAll("Dysport glabellar lines", b -> List.of(
                b.add(DiagramView.FACE_FRONT, 0.5, 0.45, DYSPORT_10),
                b.add(DiagramView.FACE_FRONT, 0.455, 0.40, DYSPORT_10),
                b.add(DiagramView.FACE_FRONT, 0.40, 0.39, DYSPORT_10),
                b.add(DiagramView.FACE_FRONT, 0.545, 0.40, DYSPORT_10),
                b.add(DiagramView.FACE_FRONT, 0.60, 0.39, DYSPORT_10)));
        assertThat(editor.points()).hasSize(6);
        assertThat(pattern).extracting(p -> p.site().region()).containsExactly(Region.PROCERUS, Region.CORRUGATOR,
                Region.CORRUGATOR, Region.CORRUGATOR, Region.CORRUGATOR);
        assertThat(pattern).extracting(p -> p.site().side()).containsExactly(Side.MIDLINE, Side.RIGHT, Side.RIGHT,
                Side.LEFT, Side.LEFT);
        assertThat(editor.undoDescription()).contains("Dysport glabellar lines");

        editor.undo();
        assertThat(editor.points()).hasSize(1);
        assertThat(editor.points().get(0).payload()).isEqualTo(SCULPTRA);
        editor.redo();
        assertThat(editor.points()).hasSize(6);
    }

    @Test
    void aBatchThatFailsOrChangesNothingLeavesNoStep() {
        editor.add(DiagramView.FACE_FRONT, 0.3, 0.3, DYSPORT_10);
        assertThatThrownBy(() -> editor.applyAll("broken", b -> {
            b.add(DiagramView.FACE_FRONT, 0.4, 0.4, DYSPORT_10);
            throw new IllegalStateException("no lot");
        })).hasMessage("no lot");
        assertThat(editor.points()).hasSize(1);
        assertThat(editor.undoDescription()).contains("Add point");

        assertThat(editor.move("nope", 0.1, 0.1)).isFalse();
        EditablePoint<Dose> p = editor.points().get(0);
        assertThat(editor.move(p.key(), p.x(), p.y())).isFalse();
        assertThat(editor.delete(Set.of("nope"))).isZero();
        editor.undo();
        assertThat(editor.canUndo()).isFalse();
    }

    @Test
    void theEditorCannotBeUsedFromInsideItsOwnBatch() {
        assertThatThrownBy(() -> editor.applyAll("nested", b -> editor.add(DiagramView.FACE_FRONT, 0.1, 0.1, DYSPORT_10)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(editor.points()).isEmpty();
    }

    @Test
    void aNewEditClearsRedo() {
        editor.add(DiagramView.FACE_FRONT, 0.4, 0.3, DYSPORT_10);
        editor.add(DiagramView.FACE_FRONT, 0.6, 0.3, DYSPORT_10);
        editor.undo();
        assertThat(editor.canRedo()).isTrue();
        editor.add(DiagramView.FACE_FRONT, 0.5, 0.3, DYSPORT_5);
        assertThat(editor.canRedo()).isFalse();
        assertThat(editor.redo()).isFalse();
        assertThat(editor.points()).extracting(p -> p.payload().amount()).containsExactly("10 U", "5 U");
    }

    @Test
    void mirroringASelectionAddsCopiesOnTheOtherSideInOneStepAndSkipsTheMidline() {
        EditablePoint<Dose> c1 = addAt(DiagramView.FACE_FRONT, Region.CORRUGATOR, Side.LEFT, DYSPORT_10);
        EditablePoint<Dose> c2 = editor.add(DiagramView.FACE_FRONT, c1.x() + 0.03, c1.y() - 0.005, DYSPORT_10);
        EditablePoint<Dose> pr = editor.add(DiagramView.FACE_FRONT, 0.5, 0.45, DYSPORT_10);
        EditablePoint<Dose> other = editor.add(DiagramView.FACE_FRONT, 0.3, 0.3, DYSPORT_5);
        assertThat(c2.site()).isEqualTo(new Site(Region.CORRUGATOR, Side.LEFT));
        assertThat(pr.site().side()).isEqualTo(Side.MIDLINE);

        MirrorResult<Dose> r = editor.mirror(List.of(c1.key(), c2.key(), pr.key()));
        assertThat(r.added()).hasSize(2);
        assertThat(r.skippedMidline()).isEqualTo(1);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.added()).extracting(EditablePoint::site).containsOnly(new Site(Region.CORRUGATOR, Side.RIGHT));
        assertThat(r.added().get(0).x()).isCloseTo(1 - c1.x(), within(1e-12));
        assertThat(r.added().get(0).y()).isEqualTo(c1.y());
        assertThat(r.added()).extracting(EditablePoint::payload).containsOnly(DYSPORT_10);
        assertThat(editor.points()).hasSize(6);
        assertThat(editor.undoDescription()).contains("Mirror 3 points");

        // mirroring again adds nothing: the copies are there already
        MirrorResult<Dose> again = editor.mirror(List.of(c1.key(), c2.key()));
        assertThat(again.added()).isEmpty();
        assertThat(again.skippedExisting()).isEqualTo(2);
        assertThat(editor.points()).hasSize(6);

        editor.undo();
        assertThat(editor.points()).containsExactly(c1, c2, pr, other);
    }

    @Test
    void mirroringAProfilePointLandsOnTheOtherProfile() {
        EditablePoint<Dose> m = addAt(DiagramView.FACE_LEFT, Region.MASSETER, Side.LEFT, DYSPORT_10);
        MirrorResult<Dose> r = editor.mirror(List.of(m.key()));
        assertThat(r.added()).hasSize(1);
        EditablePoint<Dose> copy = r.added().get(0);
        assertThat(copy.view()).isEqualTo(DiagramView.FACE_RIGHT);
        assertThat(copy.site()).isEqualTo(new Site(Region.MASSETER, Side.RIGHT));
        // and the nose, a midline structure, is skipped on a profile too
        EditablePoint<Dose> nose = addAt(DiagramView.FACE_LEFT, Region.NOSE, Side.MIDLINE, SCULPTRA);
        assertThat(editor.mirror(List.of(nose.key())).skippedMidline()).isEqualTo(1);
    }

    @Test
    void listenersHearEveryChangeAndModifiedFollowsTheSavedState() {
        AtomicInteger calls = new AtomicInteger();
        editor.addListener(calls::incrementAndGet);
        assertThat(editor.isModified()).isFalse();
        EditablePoint<Dose> p = editor.add(DiagramView.FACE_FRONT, 0.4, 0.3, DYSPORT_10);
        assertThat(calls).hasValue(1);
        assertThat(editor.isModified()).isTrue();
        editor.markSaved();
        assertThat(editor.isModified()).isFalse();
        editor.move(p.key(), 0.41, 0.3);
        assertThat(editor.isModified()).isTrue();
        editor.undo();
        assertThat(calls).hasValue(3);
        assertThat(editor.isModified()).as("back at the saved state").isFalse();
        editor.redo();
        assertThat(calls).hasValue(4);
        editor.move("nope", 0, 0);
        assertThat(calls).as("no change, no call").hasValue(4);
    }

    @Test
    void loadReplacesThePointsForgetsTheHistoryAndKeepsKeysApart() {
        editor.add(DiagramView.FACE_FRONT, 0.4, 0.3, DYSPORT_10);
        EditablePoint<Dose> stored = new EditablePoint<>("p1", DiagramView.FACE_FRONT, 0.5, 0.45,
                new Site(Region.PROCERUS, Side.MIDLINE), DYSPORT_10);
        EditablePoint<Dose> stored2 = new EditablePoint<>("p2", DiagramView.FACE_FRONT, 0.6, 0.3,
                new Site(Region.FRONTALIS, Side.LEFT), DYSPORT_10);
        editor.load(List.of(stored, stored2));
        assertThat(editor.points()).containsExactly(stored, stored2);
        assertThat(editor.canUndo()).isFalse();
        assertThat(editor.isModified()).isFalse();
        EditablePoint<Dose> added = editor.add(DiagramView.FACE_FRONT, 0.3, 0.3, DYSPORT_10);
        assertThat(added.key()).isNotIn("p1", "p2");
        assertThatThrownBy(() -> editor.load(List.of(stored, stored))).hasMessageContaining("p1");
    }

    @Test
    void historyIsBounded() {
        EditablePoint<Dose> p = editor.add(DiagramView.FACE_FRONT, 0.4, 0.3, DYSPORT_10);
        for (int i = 1; i <= MapEditor.HISTORY + 10; i++) {
            editor.move(p.key(), 0.4, 0.3 + i * 0.0001);
        }
        int undos = 0;
        while (editor.undo()) {
            undos++;
        }
        assertThat(undos).isEqualTo(MapEditor.HISTORY);
    }
}
