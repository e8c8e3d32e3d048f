package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How Admin ▸ Clinic server's list words a PC: connected or not, removed and why, when. */
class ServerAdminModelTest {
    private static final Instant NOW = Instant.parse("2026-03-12T10:30:00Z");
    private final ServerAdminModel model = new ServerAdminModel(null, null, Clock.fixed(NOW, ZoneOffset.UTC));

    private static JoinedPc pc(Instant lastSeen, Instant revokedAt, String reason) {
        return new JoinedPc(3, "Laptop 3", "PC_3", "1.0", Instant.parse("2026-03-11T08:05:00Z"), lastSeen, revokedAt, reason,
                false);
    }

    @Test
    void aPcSeenByTheServerWithinItsLastNotesIsConnected() {
        assertThat(model.row(pc(NOW.minusSeconds(60), null, null), false).state()).isEqualTo("Connected now");
        assertThat(model.row(pc(NOW.minus(ServerAdminModel.SEEN_WITHIN).minusSeconds(1), null, null), false).state())
                .isEqualTo("Not connected");
        assertThat(model.row(pc(null, null, null), false).state()).isEqualTo("Not connected");
        assertThat(model.row(pc(null, null, null), true).state()).as("this PC is reading the list through the server")
                .isEqualTo("Connected now");
    }

    @Test
    void aRemovedPcSaysWhenAndWhyAndCannotBeRemovedAgain() {
        ServerAdminModel.PcRow removed = model.row(pc(NOW.minusSeconds(10), Instant.parse("2026-03-12T09:14:00Z"),
                "laptop stolen"), false);
        assertThat(removed.state()).isEqualTo("Removed today 09:14: laptop stolen");
        assertThat(removed.connected()).isFalse();
        assertThat(removed.joined()).isEqualTo("yesterday 08:05");
        assertThat(model.whyNotRemovable(removed)).isEqualTo("That PC was already removed.");
        assertThat(model.whyNotRemovable(model.row(pc(null, null, null), true))).startsWith("That is this PC");
        assertThat(model.whyNotRemovable(model.row(pc(null, null, null), false))).isNull();
    }

    @Test
    void dayAndTimeAreSaidAsStaffSayThem() {
        assertThat(model.when(Instant.parse("2026-03-02T16:45:00Z"))).isEqualTo("2 Mar 16:45");
        assertThat(model.when(Instant.parse("2025-12-24T16:45:00Z"))).isEqualTo("24 Dec 2025");
        assertThat(model.when(null)).isEqualTo("—");
    }
}
