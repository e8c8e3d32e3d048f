package org.needlepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.needlepoint.inventory.InventoryFixture.pt;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.app.Services;
import org.needlepoint.chart.Region;
import org.needlepoint.chart.Side;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.chart.VisitStatus;
import org.needlepoint.clinic.ClinicStore;
import org.needlepoint.chart.ChartStore;
import org.needlepoint.patient.Patient;
import org.needlepoint.security.Audit;
import org.needlepoint.security.PermissionDeniedException;
import org.needlepoint.security.Session;
import org.needlepoint.store.Sql;
import org.needlepoint.testing.AuditLog;
import org.needlepoint.testing.TestClinic;

/** Who received a lot, exactly; marking it recalled; the notices and the listener. */
class RecallTest {
    @TempDir
    Path dir;
    InventoryFixture f;
    InventoryService inventory;
    Lot lot;
    Lot otherLot;
    Patient cal;
    VisitChart annFirst;
    VisitChart annSecond;
    VisitChart beaDraft;

    @BeforeEach
    void setUp() {
        f = new InventoryFixture(dir);
        inventory = f.inventory;
        f.clinic.signIn("desk");
        cal = f.clinic.services.patients().create(TestClinic.patient("Cal", "Adams", "1990-01-01", "(555) 010-3333"), true);
        f.clinic.signIn("injector");
        lot = f.receive(f.dysport, "DY301A", 10);
        otherLot = f.receive(f.dysport, "DY301B", 10);
        Vial vial = inventory.openVial(lot.id(), null, new BigDecimal("2.5"));
        annFirst = f.signed(f.ann, f.glabella(lot, vial));
        f.charts.addAddendum(annFirst.visit().id(), "Touch-up", List.of(
                pt("a1", Region.FRONTALIS, Side.LEFT, f.dysport, lot, vial, "5")));
        f.clinic.clock.advance(Duration.ofDays(1));
        annSecond = f.signed(f.ann, List.of(pt("o1", Region.PROCERUS, Side.MIDLINE, f.dysport, otherLot, null, "10"),
                pt("o2", Region.CORRUGATOR, Side.LEFT, f.dysport, lot, null, "20")));
        beaDraft = f.drafted(f.bea, List.of(pt("b1", Region.PROCERUS, Side.MIDLINE, f.dysport, lot, null, "10")));
        f.signed(cal, f.glabella(otherLot, null));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void theRecallListHasExactlyThePatientsVisitsAndPointsOfTheLotWithDraftsMarked() {
        f.clinic.signIn("desk");
        RecallList list = inventory.recallList(lot.id());

        assertThat(list.product().name()).isEqualTo("Dysport 300 U");
        assertThat(list.patients()).extracting(RecallList.Patient::name).containsExactly("Jones, Jr., Bea", "Smith, Ann");
        RecallList.Patient bea = list.patients().get(0);
        assertThat(bea.phones()).isEqualTo("(555) 010-9876 / 555-010-1111");
        assertThat(bea.email()).isEqualTo("bea@example.org");
        assertThat(bea.birthDate()).hasToString("1979-06-02");
        assertThat(bea.chartNumber()).isEqualTo(f.bea.chartNumber());
        assertThat(bea.hasDraft()).isTrue();
        assertThat(bea.visits()).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(VisitStatus.DRAFT);
            assertThat(v.points()).hasSize(1);
        });
        RecallList.Patient ann = list.patients().get(1);
        assertThat(ann.visits()).extracting(RecallList.Visit::visitId)
                .containsExactly(annFirst.visit().id(), annSecond.visit().id());
        assertThat(ann.visits().get(0).points()).as("the original five and the addendum's").hasSize(6)
                .extracting(RecallList.Point::addendumId).filteredOn(java.util.Objects::nonNull).hasSize(1);
        assertThat(ann.visits().get(0).amount()).isEqualByComparingTo("55");
        assertThat(ann.visits().get(1).points()).as("only the point of this lot").singleElement()
                .satisfies(p -> assertThat(p.place()).isEqualTo("Corrugator supercilii, left"));
        assertThat(ann.visits().get(0).injectorName()).isEqualTo("NP Ivy Injector");
        assertThat(ann.amount()).isEqualByComparingTo("75");
        assertThat(list.points()).isEqualTo(8);
        assertThat(list.amount()).isEqualByComparingTo("85");
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.VIEW);
            assertThat(e.summary()).contains("recall list of lot DY301A", "2 patient(s), 8 point(s)");
        });

        assertThat(inventory.recallList(otherLot.id()).patients()).extracting(RecallList.Patient::name)
                .containsExactly("Adams, Cal", "Smith, Ann");
    }

    @Test
    void lotsAreFoundByTypedNumberWhateverItsCaseExactMatchesFirst() {
        f.receive(f.botox, "DY301A", 3);
        f.receive(f.botox, "DY3", 3);
        assertThat(inventory.findLots("dy301a")).extracting(Lot::lotNumber).containsExactly("DY301A", "DY301A");
        assertThat(inventory.findLots("DY3")).extracting(Lot::lotNumber).containsExactly("DY3", "DY301A", "DY301A", "DY301B");
        assertThat(inventory.findLots("DY3%")).isEmpty();
        assertThat(inventory.findLots("  ")).isEmpty();
    }

    @Test
    void markRecalledBlocksTheLotWritesANoticePerPatientAndExportsAreAudited() throws Exception {
        f.clinic.signIn("admin");
        RecallResult r = inventory.markRecalled(lot.id(), "Manufacturer notice 2026-11");

        assertThat(r.lot().status()).isEqualTo(LotStatus.RECALLED);
        assertThat(r.patientIds()).containsExactlyInAnyOrder(f.ann.id(), f.bea.id());
        assertThat(r.newNotices()).isEqualTo(2);
        // the follow-up work's listener creates one call per patient in the same transaction and marks the notices
        assertThat(inventory.recallNotices(lot.id(), true)).as("notices still without a call task").isEmpty();
        assertThat(inventory.recallNotices(lot.id(), false)).extracting(RecallNotice::patientName)
                .containsExactlyInAnyOrder("Smith, Ann", "Jones, Jr., Bea");
        assertThat(inventory.recallNotices(null, false)).allSatisfy(n -> {
            assertThat(n.taskCreated()).isTrue();
            assertThat(n.lotNumber()).isEqualTo("DY301A");
        });
        assertThat(f.count("SELECT COUNT(*) FROM followup_task WHERE source_type = 'LOT_RECALL' AND source_lot_id = " + lot.id()))
                .as("one recall call per affected patient").isEqualTo(2);
        assertThat(f.charts.usableLots(f.dysport.id())).extracting(Lot::lotNumber).containsExactly("DY301B");

        Path csv = inventory.exportRecallCsv(lot.id(), dir.resolve("out/recall.csv"));
        List<String> lines = List.of(Files.readString(csv, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", RecallCsv.HEADER));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("DY301A,Dysport 300 U,2027-11-21," + f.bea.chartNumber()
                + ",\"Jones, Jr., Bea\",1979-06-02,(555) 010-9876 / 555-010-1111,bea@example.org,2026-11-22,DRAFT,");
        assertThat(lines.get(2)).endsWith(",2026-11-21,SIGNED,NP Ivy Injector,6,55,U");
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.EXPORT);
            assertThat(e.summary()).contains("CSV, 2 patient(s)");
        });
        assertThat(f.count("SELECT COUNT(*) FROM recall_notice")).isEqualTo(2);
    }

    @Test
    void theRecallListenersRunInTheSameTransactionAndCanRefuseIt() {
        List<List<Long>> heard = new ArrayList<>();
        List<Long> noticesSeen = new ArrayList<>();
        InventoryService withListener = service(List.of((c, recalled, patients, by) -> {
            heard.add(patients);
            assertThat(recalled.status()).isEqualTo(LotStatus.RECALLED);
            noticesSeen.add(Sql.count(c, "SELECT COUNT(*) FROM recall_notice WHERE lot_id = " + recalled.id()));
            new InventoryStore().markRecallTaskCreated(c, recalled.id(), patients.get(0), f.clinic.clock.instant());
        }));
        withListener.markRecalled(lot.id(), "Notice 1");
        assertThat(heard).singleElement().satisfies(p -> assertThat(p).containsExactlyInAnyOrder(f.ann.id(), f.bea.id()));
        assertThat(noticesSeen).containsExactly(2L);
        assertThat(inventory.recallNotices(lot.id(), true)).as("the listener made one task").hasSize(1);

        InventoryService refusing = service(List.of((c, recalled, patients, by) -> {
            throw new SQLException("follow-up store unavailable");
        }));
        assertThatThrownBy(() -> refusing.markRecalled(otherLot.id(), "Notice 2")).isInstanceOf(RuntimeException.class);
        assertThat(inventory.lot(otherLot.id()).status()).as("rolled back").isEqualTo(LotStatus.ACTIVE);
        assertThat(inventory.recallNotices(otherLot.id(), false)).isEmpty();
    }

    /** The real service with its own listeners, signed in as the admin through the clinic's session. */
    private InventoryService service(List<LotRecallListener> listeners) {
        f.clinic.signIn("admin");
        Services s = f.clinic.services;
        Session session = s.session();
        return new InventoryService(s.db(), new InventoryStore(), new ChartStore(), new ClinicStore(), s.audit(), session,
                s.clock(), listeners);
    }

    @Test
    void theFrontDeskReadsAndExportsButCannotRecall() {
        f.clinic.signIn("desk");
        assertThat(inventory.recallList(lot.id()).patients()).hasSize(2);
        assertThatThrownBy(() -> inventory.markRecalled(lot.id(), "x")).isInstanceOf(PermissionDeniedException.class);
        assertThat(inventory.lot(lot.id()).status()).isEqualTo(LotStatus.ACTIVE);
    }

    @Test
    void theAdminCommandListsEveryProductsLotOfThatNumberAndAuditsTheExport() {
        f.receive(f.botox, "DY301A", 3);
        f.clinic.services.auth().signOut();
        List<RecallList> lists = inventory.recallListsForAdminCommand("dy301a");
        assertThat(lists).extracting(l -> l.product().name()).containsExactlyInAnyOrder("Dysport 300 U",
                "Botox Cosmetic 100 U");
        assertThat(AuditLog.last(f.clinic.db)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(Audit.EXPORT);
            assertThat(e.username()).isEqualTo("cli");
        });
        assertThat(inventory.recallListsForAdminCommand("DY301")).as("exact numbers only").isEmpty();
    }
}
