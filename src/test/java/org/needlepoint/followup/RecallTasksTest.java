package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.inventory.Lot;
import org.needlepoint.security.Audit;
import org.needlepoint.security.User;
import org.needlepoint.testing.AuditLog;

/** The follow-up side of a lot recall: one call per affected patient, never twice. */
class RecallTasksTest {
    @TempDir
    Path dir;
    FollowUpFixture f;

    @BeforeEach
    void open() {
        f = new FollowUpFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private int recall(long lotId, List<Long> patients) {
        User by = f.clinic.services.session().require();
        return f.clinic.db.tx(c -> f.clinic.services.recallTasks().createRecallTasks(c, lotId, patients, by));
    }

    @Test
    void eachPatientTreatedFromTheLotGetsOneCallDueOnTheDayOfTheRecall() {
        Lot second = f.clinic.receive(f.filler, "HA2LB", f.today().plusYears(2), 5);
        f.signed(f.ann, f.fillerPoints());
        f.days(10);
        f.signed(f.bea, f.fillerPoints());
        f.days(5);

        int made = recall(f.fillerLot.id(), List.of(f.ann.id(), f.bea.id(), f.ann.id()));

        assertThat(made).isEqualTo(2);
        for (var p : List.of(f.ann, f.bea)) {
            assertThat(f.tasks(p)).singleElement().satisfies(t -> {
                assertThat(t.source()).isEqualTo(TaskSource.LOT_RECALL);
                assertThat(t.lotId()).isEqualTo(f.fillerLot.id());
                assertThat(t.kind()).isEqualTo(TaskKind.CALL);
                assertThat(t.due()).isEqualTo(f.today());
                assertThat(t.clinical()).isTrue();
                assertThat(t.sourceKey()).isEqualTo("recall:" + f.fillerLot.id() + ":LOT_RECALL_CALL:" + p.id());
                assertThat(t.reason()).contains("HA filler 1 mL (lidocaine) lot HA1LA was recalled");
            });
        }
        assertThat(f.tasks(f.ann).get(0).reason()).contains("used on 21 Nov 2026");
        assertThat(f.tasks(f.bea).get(0).reason()).contains("used on 1 Dec 2026");
        assertThat(f.followUps.frontDeskWorklist(f.today()).dueToday()).hasSize(2);
        assertThat(AuditLog.withAction(f.clinic.db, Audit.CREATE)).filteredOn(e -> "followup_task".equals(e.recordType()))
                .hasSize(2);

        // the recall run again (the recall listener re-run): nothing new
        assertThat(recall(f.fillerLot.id(), List.of(f.ann.id(), f.bea.id()))).isZero();
        assertThat(f.tasks(f.ann)).hasSize(1);
        // another lot is another recall
        assertThat(recall(second.id(), List.of(f.ann.id()))).isEqualTo(1);
        assertThat(f.tasks(f.ann)).hasSize(2);
        assertThatThrownBy(() -> recall(999_999L, List.of(f.ann.id()))).isInstanceOf(IllegalArgumentException.class);
    }
}
