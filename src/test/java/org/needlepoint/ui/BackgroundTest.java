package org.needlepoint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BackgroundTest {
    @Test
    void workAskedAfterTheWindowClosedIsDroppedAndLeavesItIdle() {
        Background background = new Background();
        background.close();
        AtomicBoolean ran = new AtomicBoolean();
        // a live refresh that heard another PC's change as the window closed
        background.run(() -> {
            ran.set(true);
            return null;
        }, r -> ran.set(true), e -> ran.set(true));
        assertThat(background.isIdle()).as("nothing counted as running").isTrue();
        assertThat(ran).isFalse();
    }
}
