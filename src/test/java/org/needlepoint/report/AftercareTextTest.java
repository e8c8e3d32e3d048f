package org.needlepoint.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.needlepoint.inventory.ProductKind;
import org.needlepoint.report.AftercareText.Block;
import org.needlepoint.report.AftercareText.Type;

class AftercareTextTest {

    @Test
    void theFormatReadsTitleDatesHeadingsParagraphsBulletsAndWarnings() {
        AftercareText t = AftercareText.parse(ProductKind.TOXIN, """
                # a note for the editor
                @title Your treatment ({products})
                @date reviewDate 14

                ## What to expect
                First line of a paragraph
                that goes on here.

                Second paragraph.
                - a bullet
                !! call {clinicPhone}
                """);

        assertThat(t.title()).isEqualTo("Your treatment ({products})");
        assertThat(t.dates()).containsExactly(Map.entry("reviewDate", 14));
        assertThat(t.blocks()).containsExactly(
                new Block(Type.HEADING, "What to expect"),
                new Block(Type.PARAGRAPH, "First line of a paragraph that goes on here."),
                new Block(Type.PARAGRAPH, "Second paragraph."),
                new Block(Type.BULLET, "a bullet"),
                new Block(Type.URGENT, "call {clinicPhone}"));
    }

    @Test
    void placeholdersAreFilledAndUnknownOnesLeftAsWritten() {
        assertThat(AftercareText.fill("Call {clinicPhone} before {reviewDate}; {typo} stays",
                Map.of("clinicPhone", "555-0100", "reviewDate", "Saturday 5 December 2026")))
                .isEqualTo("Call 555-0100 before Saturday 5 December 2026; {typo} stays");
        assertThat(AftercareText.fill("costs $5 {x}", Map.of("x", "a $1 \\ b"))).isEqualTo("costs $5 a $1 \\ b");
    }

    @Test
    void aBadDirectiveNamesTheFileAndLine() {
        assertThatThrownBy(() -> AftercareText.parse(ProductKind.BIOSTIMULATOR, "@title x\n@date next four weeks\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aftercare-biostimulator.txt line 2");
        assertThatThrownBy(() -> AftercareText.parse(ProductKind.HA_FILLER, "@colour red\n"))
                .hasMessageContaining("unknown directive");
    }

    @Test
    void aMissingTextIsAClearError() {
        assertThatThrownBy(() -> AftercareText.load(ProductKind.TOXIN, name -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("aftercare-toxin.txt");
        AftercareText t = AftercareText.load(ProductKind.TOXIN,
                name -> new ByteArrayInputStream("## Hello\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(t.blocks()).containsExactly(new Block(Type.HEADING, "Hello"));
    }

    /** Every shipped text loads, has a title, headings and an urgent warning, and uses only placeholders it can fill. */
    @ParameterizedTest
    @EnumSource(ProductKind.class)
    void everyShippedTextIsComplete(ProductKind kind) {
        AftercareText t = AftercareText.load(kind);

        assertThat(t.title()).isNotEqualTo(kind.toString()).contains("{products}");
        assertThat(t.blocks()).extracting(Block::type).contains(Type.HEADING, Type.PARAGRAPH, Type.BULLET, Type.URGENT);
        Map<String, String> values = new HashMap<>(Map.of("clinicName", "C", "clinicPhone", "P", "products", "X",
                "visitDate", "D"));
        t.dates().keySet().forEach(k -> values.put(k, "D"));
        assertThat(t.blocks()).allSatisfy(b -> assertThat(b.fill(values).text()).doesNotContain("{", "}"));
        assertThat(t.blocks()).anySatisfy(b -> assertThat(b.text()).contains("{clinicPhone}"));
    }

    @Test
    void theToxinTextSchedulesTheReviewInTwoWeeksAndSculptraTheNextSessionInFour() {
        assertThat(AftercareText.load(ProductKind.TOXIN).dates()).containsEntry("reviewDate", 14);
        assertThat(AftercareText.load(ProductKind.BIOSTIMULATOR).dates()).containsEntry("nextSession", 28);
    }
}
