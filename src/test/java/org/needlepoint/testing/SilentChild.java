package org.needlepoint.testing;

import java.util.concurrent.CountDownLatch;

/** A child process that says nothing and never ends by itself: a server that hangs at its start. */
public final class SilentChild {
    private SilentChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
