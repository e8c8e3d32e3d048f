package org.needlepoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read stopped through its Cancellation ends at once with QueryCancelledException; the connection stays usable. */
class CancellationTest {
    /** Half a minute or more of work for H2 unless stopped (bounded: a broken cancel fails, it does not hang). */
    static final String LONG_QUERY = "SELECT SUM(MOD(X * 7, 13)) FROM SYSTEM_RANGE(1, 500000000)";

    @TempDir
    Path folder;

    @Test
    void aRunningQueryIsCancelledAndLaterOnesAreRefused() throws Exception {
        try (Database db = Database.open(folder, Database.Durability.WRITTEN)) {
            Cancellation cancel = new Cancellation();
            CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(LONG_QUERY); ResultSet rs = cancel.executeQuery(ps)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }));
            while (!cancel.isRunning() && !running.isDone()) {
                Thread.onSpinWait();
            }
            long t0 = System.nanoTime();
            cancel.cancel();
            assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(QueryCancelledException.class);
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds to stop").isLessThan(5);
            assertThat(cancel.isCancelled()).isTrue();

            assertThatThrownBy(() -> db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1")) {
                    return cancel.executeQuery(ps);
                }
            })).isInstanceOf(QueryCancelledException.class);
            assertThatThrownBy(cancel::check).isInstanceOf(QueryCancelledException.class);

            // the pool's connections answer the next reads as usual
            Cancellation fresh = new Cancellation();
            for (int i = 0; i < 20; i++) {
                long one = db.read(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = fresh.executeQuery(ps)) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                assertThat(one).isEqualTo(1);
            }
            fresh.check();
        }
    }
}
