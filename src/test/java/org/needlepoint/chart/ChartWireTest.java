package org.needlepoint.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.needlepoint.inventory.Unit;

/** A joined PC's draft, the server's saved chart and its refusals, as text and back: nothing changed on the way. */
class ChartWireTest {
    private static final String ODD = "Line one: 12:3 ~ ~7:fake\nline two \u00e9\u00df \uD83D\uDC89 \u0000 end";

    private static InjectionPoint point(String key, double x, double y, Long lotId, Long vialId, String amount,
                                        Unit unit, Depth depth, Technique technique, String note) {
        return new InjectionPoint(key, DiagramView.FACE_FRONT, x, y, Region.PROCERUS, Side.MIDLINE, 7L, lotId, vialId,
                amount == null ? null : new BigDecimal(amount), unit, depth, technique, note, null);
    }

    private static List<InjectionPoint> points() {
        return List.of(
                point("p1", 0.1 + 0.2, 1e-300, 11L, 21L, "2.5", Unit.U, Depth.INTRAMUSCULAR, Technique.NEEDLE_BOLUS, ODD),
                point("p2", Double.MIN_VALUE, 0.999999999999, null, null, "0.05", Unit.ML, null, null, null),
                point(" ~3:key ", 0.5, 0.5, 12L, null, null, null, Depth.SUBCUTANEOUS, Technique.CROSS_HATCH, ""),
                new InjectionPoint(null, null, 0.25, 0.75, null, null, 0L, null, null, new BigDecimal("1250"), Unit.U,
                        null, null, "x", 99L));
    }

    private static List<ScreeningEntry> screening() {
        return List.of(new ScreeningEntry(ScreeningItem.ANTICOAGULANTS, ScreeningAnswer.YES, true, ODD),
                new ScreeningEntry(ScreeningItem.NSAIDS_SUPPLEMENTS, ScreeningAnswer.NO, false, null),
                new ScreeningEntry(null, ScreeningAnswer.UNANSWERED, false, "no question"));
    }

    @Test
    void aDraftComesBackEqualToTheLastBitOfEveryPointWithItsNullsAndAnyCharacterInItsNotes() {
        ChartDraft draft = new ChartDraft(ODD, points(), screening(), true, false);
        ChartDraft back = ChartWire.draft(ChartWire.draft(draft));
        assertThat(back).isEqualTo(draft);
        assertThat(Double.doubleToRawLongBits(back.points().get(0).x()))
                .isEqualTo(Double.doubleToRawLongBits(0.1 + 0.2));
        assertThat(back.points().get(1).x()).isEqualTo(Double.MIN_VALUE);
        assertThat(back.points().get(0).amount()).isEqualByComparingTo("2.5");
        assertThat(back.points().get(3).amount().toPlainString()).isEqualTo("1250");
        assertThat(back.points().get(3).addendumId()).isEqualTo(99L);
        assertThat(back.notes()).isEqualTo(draft.notes()).contains("\uD83D\uDC89");

        ChartDraft empty = new ChartDraft(null, List.of(), List.of(), false, true);
        assertThat(ChartWire.draft(ChartWire.draft(empty))).isEqualTo(empty);
    }

    @Test
    void aSavedChartComesBackWithEveryFieldOfItsVisit() {
        Visit v = new Visit(41, 42, Instant.parse("2026-12-08T09:15:30.123456Z"), 43, "NP Ivy Injector",
                VisitStatus.DRAFT, ODD, true, true, null, null, null, 7, Instant.parse("2026-12-08T09:20:00.000001Z"));
        VisitChart chart = new VisitChart(v, points(), screening(), List.of(), false);
        assertThat(ChartWire.chart(ChartWire.chart(chart))).isEqualTo(chart);

        Visit signed = new Visit(1, 2, Instant.EPOCH, 3, null, VisitStatus.SIGNED, null, false, false,
                Instant.parse("2026-01-01T00:00:00Z"), 3L, "Dr Signer", Integer.MAX_VALUE, null);
        VisitChart bare = new VisitChart(signed, List.of(), List.of(), List.of(), false);
        assertThat(ChartWire.chart(ChartWire.chart(bare))).isEqualTo(bare);
    }

    @Test
    void aRefusalsFieldsAndMessagesKeepTheirOrderAndWhatH2AddsAtTheEndIsLeft() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("points.p1.region", "This point is on no region of the face.");
        m.put("notes", ODD);
        m.put("", "");
        String text = ChartWire.messages(m);
        assertThat(ChartWire.messages(text)).containsExactlyEntriesOf(m);
        assertThat(ChartWire.messages(text + "; SQL statement:\nCALL NP_SAVE_DRAFT(?, ?, ?, ?) [0-232]"))
                .containsExactlyEntriesOf(m);
    }

    @Test
    void aTextThatIsNotADraftIsRefusedNotHalfRead() {
        String good = ChartWire.draft(new ChartDraft("n", points(), screening(), true, false));
        assertThatThrownBy(() -> ChartWire.draft(good.substring(0, good.length() - 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartWire.draft(good + "1:x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more text");
        assertThatThrownBy(() -> ChartWire.draft(good.replace("4:true", "4:ture")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> ChartWire.draft(good.replace("8:PROCERUS", "8:PROCERUX")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Region");
        assertThatThrownBy(() -> ChartWire.draft(good.replace("16:3fe0000000000000", "16:3fe000000000000z")))
                .as("a coordinate that is not 64 bits in hex").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> ChartWire.draft(good.replace("3:2.5", "3:2,5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> ChartWire.draft("1:n4:true5:false-1:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartWire.draft("99999:n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("past the end");
        assertThatThrownBy(() -> ChartWire.draft("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartWire.draft((String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChartWire.chart(new VisitChart(new Visit(1, 2, Instant.EPOCH, 3, null,
                VisitStatus.SIGNED, null, false, false, null, null, null, 1, null), List.of(), List.of(), List.of(), true)))
                .as("a chart redacted for the desk is never what a save returns").isInstanceOf(IllegalArgumentException.class);
    }
}
