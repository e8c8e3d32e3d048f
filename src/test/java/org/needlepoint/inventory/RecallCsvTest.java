package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitStatus;

/** RFC 4180: quotes only where needed, doubled quotes, CRLF line ends, a header even for nobody. */
class RecallCsvTest {
    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(RecallCsv.field("plain")).isEqualTo("plain");
        assertThat(RecallCsv.field("Jones, Jr.")).isEqualTo("\"Jones, Jr.\"");
        assertThat(RecallCsv.field("Bea \"B\" Jones")).isEqualTo("\"Bea \"\"B\"\" Jones\"");
        assertThat(RecallCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(RecallCsv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(RecallCsv.field(null)).isEmpty();
    }

    @Test
    void aListWithNobodyIsTheHeaderAloneAndEachVisitIsARow() {
        Product p = new Product(2, "Dysport 300 U", "Dysport", ProductKind.TOXIN, Unit.U, new BigDecimal("300"),
                PackUnit.U, null, null, 4, null, null, null, null, true, true, "#2E86C1", 4, List.of(), true, 0);
        Lot lot = new Lot(7, 2, "DY1", LocalDate.parse("2027-06-30"), LotStatus.ACTIVE, LocalDate.parse("2026-01-01"), 10, 0);
        assertThat(RecallCsv.of(List.of(new RecallList(lot, p, List.of()))))
                .isEqualTo("lot,product,expiry,chart_number,patient_name,birth_date,phones,email,visit_date,"
                        + "visit_status,injector,points,amount,unit\r\n");

        RecallList.Visit visit = new RecallList.Visit(1, Instant.parse("2026-11-21T09:00:00Z"), LocalDate.parse("2026-11-21"),
                VisitStatus.DRAFT, "NP Ivy \"Ives\" Injector", List.of(
                        new RecallList.Point(Region.PROCERUS, Side.MIDLINE, new BigDecimal("10"), Unit.U, null, null),
                        new RecallList.Point(Region.CORRUGATOR, Side.LEFT, new BigDecimal("7.5"), Unit.U, null, null)));
        RecallList.Patient patient = new RecallList.Patient(3, 1001, "Bea", "Jones, Jr.", LocalDate.parse("1979-06-02"),
                "(555) 010-9876", null, null, List.of(visit, visit));
        String csv = RecallCsv.of(List.of(new RecallList(lot, p, List.of(patient))));
        assertThat(csv.split("\r\n", -1)).containsExactly(
                String.join(",", RecallCsv.HEADER),
                "DY1,Dysport 300 U,2027-06-30,1001,\"Jones, Jr., Bea\",1979-06-02,(555) 010-9876,,2026-11-21,DRAFT,"
                        + "\"NP Ivy \"\"Ives\"\" Injector\",2,17.5,U",
                "DY1,Dysport 300 U,2027-06-30,1001,\"Jones, Jr., Bea\",1979-06-02,(555) 010-9876,,2026-11-21,DRAFT,"
                        + "\"NP Ivy \"\"Ives\"\" Injector\",2,17.5,U",
                "");
    }
}
