package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.needlepoint.followup.SideEffectFormData.CATALOG;
import static org.needlepoint.followup.SideEffectFormData.SIGNED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.DiagramView;
import org.needlepoint.chart.MapPoint;

/** Which points a side effect concerns, without a window: taps, a product's select-all, what the map and lines show. */
class AdverseEventPointsModelTest {
    private final AdverseEventPointsModel points = new AdverseEventPointsModel();
    private final List<String> edits = new ArrayList<>();

    @BeforeEach
    void load() {
        points.setOnEdited(edits::add);
        points.load(SIGNED, CATALOG);
        points.select(List.of());
    }

    private MapPoint marker(String key) {
        return points.markers().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void tapsSelectAndUnselectAndTheSelectionIsKeptInTheChartsOrder() {
        assertThat(points.summaryProperty().get()).isEqualTo(AdverseEventPointsModel.NOTHING_SELECTED);
        points.toggle("f1");
        points.toggle("d2");
        points.toggle("d1");
        points.toggle("f1");
        assertThat(points.selectedKeys()).containsExactly("d1", "d2");
        assertThat(points.summaryProperty().get()).isEqualTo("2 points selected: lot DY301A");
        assertThat(edits).as("each tap is an edit").hasSize(4).containsOnly("points");
        assertThat(points.isDirty()).isTrue();
        points.toggle("d1");
        points.toggle("d2");
        assertThat(points.isDirty()).as("back to what was loaded").isFalse();
    }

    @Test
    void selectedPointsAreMarkedInTheirProductsColourWithATickTheOthersPale() {
        points.toggle("d1");
        assertThat(marker("d1").label()).isEqualTo("\u2713 10 U");
        assertThat(marker("d1").colorHex()).isEqualTo("#2f7fc1");
        assertThat(marker("d2").label()).isEqualTo("10 U");
        assertThat(marker("d2").colorHex()).isEqualTo(AdverseEventPointsModel.pale("#2f7fc1")).isNotEqualTo("#2f7fc1");
        assertThat(marker("f1").label()).as("mL amounts carry no unit on the map").isEqualTo("0.5");
        assertThat(points.markers()).hasSize(6).extracting(MapPoint::view).contains(DiagramView.FACE_LEFT);
    }

    @Test
    void paleMixesTheColourSeventyTwoPercentTowardsWhite() {
        assertThat(AdverseEventPointsModel.pale("#000000")).isEqualTo("#b8b8b8");
        assertThat(AdverseEventPointsModel.pale("#ffffff")).isEqualTo("#ffffff");
        assertThat(AdverseEventPointsModel.pale("#ff0000")).isEqualTo("#ffb8b8");
        assertThat(AdverseEventPointsModel.pale("not a colour")).isEqualTo(AdverseEventPointsModel.pale("#6e7781"));
    }

    @Test
    void aProductLinesSelectAllTakesItsPointsAndASecondPressLeavesThemOutInOneEdit() {
        points.toggleLine(SideEffectFormData.FILLER.id(), SideEffectFormData.HA1LA.id());
        assertThat(points.selectedKeys()).containsExactly("f1", "f2");
        assertThat(edits).as("one edit for the pair").containsExactly("points");
        assertThat(points.summaryProperty().get()).isEqualTo("2 points selected: lot HA1LA");
        AdverseEventPointsModel.LotLine filler = points.lines().get(2);
        assertThat(filler.idSuffix()).isEqualTo("2-21");
        assertThat(filler.allSelected()).isTrue();
        assertThat(filler.countText()).isEqualTo("2 of 2 selected \u00b7 1 mL");

        points.toggle("d1");
        assertThat(points.lines().get(0).countText()).isEqualTo("1 of 3 selected \u00b7 10 U");
        assertThat(points.lines().get(0).allSelected()).isFalse();
        points.toggleLine(SideEffectFormData.DYSPORT.id(), SideEffectFormData.DY301A.id());
        assertThat(points.selectedKeys()).as("a partly selected line is completed").containsExactly("d1", "d2", "f1",
                "f2", "m1");
        points.toggleLine(SideEffectFormData.DYSPORT.id(), SideEffectFormData.DY301A.id());
        assertThat(points.selectedKeys()).as("then left out").containsExactly("f1", "f2");
        assertThat(points.summaryProperty().get()).isEqualTo("2 points selected: lot HA1LA");
    }

    @Test
    void linesAreOnePerProductAndLotInTheChartsOrder() {
        assertThat(points.lines()).extracting(AdverseEventPointsModel.LotLine::lotText).containsExactly(
                "Lot DY301A \u00b7 exp. 11/21/2028", "Lot DY302B \u00b7 exp. 12/21/2028", "Lot HA1LA \u00b7 exp. 11/21/2028");
        assertThat(points.lines()).extracting(AdverseEventPointsModel.LotLine::countText).containsExactly("3 points",
                "1 point", "2 points");
        assertThat(points.lines()).noneMatch(AdverseEventPointsModel.LotLine::anySelected);
        assertThat(points.views()).extracting(AdverseEventPointsModel.ViewCount::label)
                .containsExactly("Face, front (5)", "Face, left profile (1)");
        assertThat(points.firstView()).contains(DiagramView.FACE_FRONT);
    }

    @Test
    void selectAllAndClearAndAFilledSelectionIsNotAnEdit() {
        points.selectAll();
        assertThat(points.summaryProperty().get()).isEqualTo("6 points selected: lots DY301A, DY302B, HA1LA");
        points.clear();
        assertThat(points.selectedKeys()).isEmpty();
        assertThat(edits).hasSize(2);

        edits.clear();
        points.select(List.of("d3", "d1"));
        assertThat(edits).as("an opened event's points are not typing").isEmpty();
        assertThat(points.selectedKeys()).containsExactly("d1", "d3");
        assertThat(points.isDirty()).isFalse();
    }

    @Test
    void theServicesProblemShowsOnceTheSelectionWasChangedOrSaveWasPressed() {
        Map<String, String> problems = Map.of("points", "Select the points on the map.");
        points.showProblems(problems, false);
        assertThat(points.errorProperty().get()).as("untouched").isNull();
        points.showProblems(problems, true);
        assertThat(points.errorProperty().get()).isEqualTo("Select the points on the map.");
        points.select(List.of());
        assertThat(points.errorProperty().get()).isNull();
        points.toggle("d1");
        points.toggle("d1");
        points.showProblems(problems, false);
        assertThat(points.errorProperty().get()).as("touched").isEqualTo("Select the points on the map.");
    }
}
