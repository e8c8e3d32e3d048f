package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.needlepoint.testing.TestClinic;
import org.testfx.api.FxRobot;

/** The safety-signals view: a lot with N events of one type within M days shows in red and leads to the lot. */
class SafetySignalsUiTest extends FollowUpUiBase {

    @Override
    protected void more(TestClinic c) {
        AdverseEventService events = c.services.adverseEvents();
        // three eyelid ptoses on lot DY301A over ten days, a bruise on the other Dysport lot
        for (int i = 0; i < 3; i++) {
            c.clock.advance(Duration.ofDays(i == 0 ? 2 : 4));
            event(events, "d" + (1 + i % 2), AdverseEventType.EYELID_PTOSIS);
        }
        event(events, "d3", AdverseEventType.BRUISING);
    }

    private void event(AdverseEventService events, String key, AdverseEventType type) {
        events.recordEvent(new AdverseEventDraft(patient.id(), visit.visit().id(), List.of(key), events.today(),
                events.today(), type, null, Severity.GRADE_1, false, false, Set.of(), null, null, null, null, null,
                EventOutcome.ONGOING, null));
    }

    @SuppressWarnings("unchecked")
    private List<EventCount> rows(FxRobot robot) {
        return List.copyOf(((TableView<EventCount>) node(robot, "safetyTable")).getItems());
    }

    @Test
    void threeEventsOfOneTypeWithALotRaiseASignalThatOpensTheLot(FxRobot robot) {
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#navSafety");
        settle();

        String id = "signal-" + dysportLot.id() + "-EYELID_PTOSIS";
        assertThat(seen(robot, id)).isTrue();
        assertThat(robot.lookup("#" + id + " .signal-text").queryLabeled().getText())
                .isEqualTo("Lot DY301A of Dysport 300 U: 3 \u00d7 eyelid ptosis within 30 days");
        assertThat(robot.lookup(".signal-row").queryAll()).hasSize(1);
        assertThat(seen(robot, "noSignals")).isFalse();

        assertThat(rows(robot)).extracting(EventCount::label, EventCount::events).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Dysport 300 U lot DY301A", 3L),
                org.assertj.core.groups.Tuple.tuple("Dysport 300 U lot DY302B", 1L));
        screenshot("safety-signals");

        robot.clickOn("#safetyBy-TYPE");
        settle();
        assertThat(rows(robot)).extracting(EventCount::label, EventCount::events).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Eyelid ptosis", 3L),
                org.assertj.core.groups.Tuple.tuple("Bruising", 1L));
        robot.clickOn("#safetyBy-INJECTOR");
        settle();
        assertThat(rows(robot)).singleElement().satisfies(r -> assertThat(r.events()).isEqualTo(4));

        // a range that leaves out the first ptosis: two left on that lot
        retype(robot, "safetyFrom", "11/24/2026");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        settle();
        robot.clickOn("#safetyBy-LOT");
        settle();
        assertThat(rows(robot)).extracting(EventCount::events).containsExactly(2L, 1L);

        robot.clickOn("#signalRecall-" + dysportLot.id() + "-EYELID_PTOSIS");
        settle();
        assertThat(((ToggleButton) node(robot, "navInventory")).isSelected()).as("the lot's recall view is in Inventory")
                .isTrue();
    }

    @Test
    void belowTheThresholdThereIsNoSignalAndTheViewSaysSo(FxRobot robot) {
        elsewhere("admin").followUps().setSignalThreshold(4, 30);
        signIn(robot, "injector", TestClinic.PASSWORD);
        robot.clickOn("#navSafety");
        settle();
        assertThat(robot.lookup(".signal-row").queryAll()).isEmpty();
        assertThat(text(robot, "noSignals"))
                .isEqualTo("No safety signal today: no lot has 4 events of one type within the last 30 days.");
        screenshot("safety-signals-none");
    }
}
