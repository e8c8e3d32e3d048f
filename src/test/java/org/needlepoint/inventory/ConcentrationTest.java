package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Concentrations of reconstituted vials, exactly as domain.md states them. */
class ConcentrationTest {
    private static final Pattern ROW = Pattern.compile(
            "\\|\\s*([0-9.]+) mL\\s*\\|\\s*([0-9]+)\\s*\\|\\s*([0-9.]+) mL\\s*\\|\\s*([0-9]+)\\s*\\|");

    private record Row(int packUnits, BigDecimal ml, String perTenthMl) {
    }

    /** The eight rows of domain.md's Dysport table (copied to a test resource). */
    private static List<Row> dysportTable() throws IOException {
        String text;
        try (InputStream in = ConcentrationTest.class.getResourceAsStream("/inventory/dysport-dilution.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(text);
        while (m.find()) {
            rows.add(new Row(300, new BigDecimal(m.group(1)), m.group(2)));
            rows.add(new Row(500, new BigDecimal(m.group(3)), m.group(4)));
        }
        return rows;
    }

    @Test
    void theDysportTableComesOutExactly() throws IOException {
        List<Row> rows = dysportTable();
        assertThat(rows).hasSize(8);
        for (Row r : rows) {
            Concentration c = Concentration.of(BigDecimal.valueOf(r.packUnits()), PackUnit.U, r.ml());
            assertThat(c.text()).as(r.packUnits() + " U + " + r.ml() + " mL")
                    .isEqualTo(r.perTenthMl() + " U per 0.1 mL");
            assertThat(c.value()).isEqualByComparingTo(r.perTenthMl());
        }
    }

    @Test
    void botoxAndSculptra() {
        assertThat(Concentration.of(new BigDecimal("100"), PackUnit.U, new BigDecimal("2.5")).text())
                .isEqualTo("4 U per 0.1 mL");
        assertThat(Concentration.of(new BigDecimal("150"), PackUnit.MG, new BigDecimal("8")).text())
                .isEqualTo("18.75 mg per mL");
        assertThat(Concentration.of(new BigDecimal("150"), PackUnit.MG, new BigDecimal("9")).text())
                .as("rounded half-up to 2 decimals").isEqualTo("16.67 mg per mL");
        assertThat(Concentration.of(new BigDecimal("1"), PackUnit.ML, BigDecimal.ONE)).as("syringes").isNull();
        assertThat(Concentration.of(new BigDecimal("100"), PackUnit.U, BigDecimal.ZERO)).isNull();
    }

    @Test
    void aVialConvertsUnitsIntoTheVolumeToDraw() {
        Vial v = new Vial(1, 1, 1, "DY1", "Dysport 300 U", "saline", new BigDecimal("2.5"),
                Concentration.of(new BigDecimal("300"), PackUnit.U, new BigDecimal("2.5")), null, null, null, null, null,
                null, null, 0);
        assertThat(v.volumeFor(new BigDecimal("12"), Unit.U)).isEqualByComparingTo("0.1");
        assertThat(v.volumeFor(new BigDecimal("30"), Unit.U)).isEqualByComparingTo("0.25");
    }
}
