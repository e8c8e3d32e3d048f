package org.needlepoint.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.needlepoint.chart.VisitChart;
import org.needlepoint.security.PermissionDeniedException;

/** Adverse events counted by lot, product, injector and type; the lot signal's threshold and window. */
class SafetySignalsTest {
    @TempDir
    Path dir;
    FollowUpFixture f;
    VisitChart mixed;
    LocalDate day;

    @BeforeEach
    void open() {
        f = new FollowUpFixture(dir);
        mixed = f.signed(f.ann, List.of(f.glabella().get(0), f.fillerPoints().get(0), f.fillerPoints().get(1)));
        f.days(60);
        day = f.today(); // 20 Jan 2027; the default window is 22 Dec 2026 to 20 Jan 2027
    }

    @AfterEach
    void close() {
        f.close();
    }

    private AdverseEvent event(AdverseEventType type, LocalDate onset, String... keys) {
        return f.events.recordEvent(new AdverseEventDraft(f.ann.id(), mixed.visit().id(), List.of(keys), day, onset, type,
                null, Severity.GRADE_1, false, false, Set.of(), null, null, null, null, null, EventOutcome.ONGOING, null));
    }

    @Test
    void aLotSignalsAtNEventsOfOneTypeWithinMDays() {
        event(AdverseEventType.PAPULE_NODULE, day.minusDays(29), "f1");
        event(AdverseEventType.PAPULE_NODULE, day.minusDays(5), "f2");
        event(AdverseEventType.PAPULE_NODULE, day.minusDays(30), "f1"); // a day outside the 30-day window
        event(AdverseEventType.SWELLING, day.minusDays(1), "f1"); // another type
        event(AdverseEventType.PAPULE_NODULE, day.minusDays(2), "g1"); // another lot
        assertThat(f.events.signals(day)).as("N-1 = 2 in the window").isEmpty();

        event(AdverseEventType.PAPULE_NODULE, day, "f1", "f2"); // both points, one event
        List<SafetySignal> signals = f.events.signals(day);
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.lotId()).isEqualTo(f.fillerLot.id());
            assertThat(s.lotNumber()).isEqualTo("HA1LA");
            assertThat(s.productName()).isEqualTo("HA filler 1 mL (lidocaine)");
            assertThat(s.type()).isEqualTo(AdverseEventType.PAPULE_NODULE);
            assertThat(s.events()).isEqualTo(3);
            assertThat(s.threshold()).isEqualTo(3);
            assertThat(s.windowDays()).isEqualTo(30);
            assertThat(s.from()).isEqualTo(day.minusDays(29));
            assertThat(s.to()).isEqualTo(day);
            assertThat(s.describe()).contains("HA1LA").contains("30 days");
        });
        // a day later the event of day-29 leaves the window
        assertThat(f.events.signals(day.plusDays(1))).isEmpty();
        // a day earlier the newest had not begun, but the one of day-30 was in that day's window
        assertThat(f.events.signals(day.minusDays(1))).singleElement()
                .satisfies(s -> assertThat(s.from()).isEqualTo(day.minusDays(30)));

        f.clinic.signIn("admin");
        f.followUps.setSignalThreshold(3, 31);
        assertThat(f.events.signals(day)).singleElement().satisfies(s -> assertThat(s.events()).isEqualTo(4));
        f.followUps.setSignalThreshold(2, 5);
        assertThat(f.events.signals(day)).isEmpty();
        f.followUps.setSignalThreshold(2, 6);
        assertThat(f.events.signals(day)).singleElement().satisfies(s -> assertThat(s.events()).isEqualTo(2));
        assertThatThrownBy(() -> f.followUps.setSignalThreshold(1, 30)).hasMessageContaining("2 to 100");
    }

    @Test
    void eventsCountedByLotProductInjectorAndType() {
        event(AdverseEventType.BRUISING, day.minusDays(40), "g1", "f1");
        event(AdverseEventType.BRUISING, day.minusDays(20), "f2");
        event(AdverseEventType.SWELLING, day.minusDays(10), "f1");
        event(AdverseEventType.SWELLING, day.minusDays(50), "f1"); // before the range below
        LocalDate from = day.minusDays(45);

        assertThat(f.events.eventsBy(from, day, EventDimension.LOT)).extracting(EventCount::label, EventCount::events)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HA filler 1 mL (lidocaine) lot HA1LA", 3L),
                        org.assertj.core.groups.Tuple.tuple("Dysport 300 U lot DY301A", 1L));
        assertThat(f.events.eventsBy(from, day, EventDimension.LOT).get(0).id()).isEqualTo(f.fillerLot.id());
        assertThat(f.events.eventsBy(from, day, EventDimension.PRODUCT)).extracting(EventCount::id, EventCount::events)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(f.filler.id(), 3L),
                        org.assertj.core.groups.Tuple.tuple(f.dysport.id(), 1L));
        assertThat(f.events.eventsBy(from, day, EventDimension.INJECTOR)).singleElement()
                .satisfies(c -> assertThat(c.label()).isEqualTo("NP Ivy Injector"))
                .satisfies(c -> assertThat(c.events()).isEqualTo(3));
        assertThat(f.events.eventsBy(from, day, EventDimension.TYPE)).extracting(EventCount::key, EventCount::events)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("BRUISING", 2L),
                        org.assertj.core.groups.Tuple.tuple("SWELLING", 1L));
        assertThat(f.events.eventsBy(day.minusDays(15), day, EventDimension.TYPE)).extracting(EventCount::label)
                .containsExactly("Swelling");
        assertThatThrownBy(() -> f.events.eventsBy(day, from, EventDimension.TYPE)).hasMessageContaining("before the first");

        f.clinic.signIn("desk");
        assertThatThrownBy(() -> f.events.signals(day)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> f.events.eventsBy(from, day, EventDimension.LOT)).isInstanceOf(PermissionDeniedException.class);
    }
}
