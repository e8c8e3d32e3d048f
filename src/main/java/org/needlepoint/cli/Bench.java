package org.needlepoint.cli;

import java.io.PrintStream;

/** {@code bench}: patient search latency, GUI cold start and resident memory. */
final class Bench {
    private final PrintStream out;
    private final PrintStream err;

    Bench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(int patients, int runs) {
        err.println("bench: being written");
        return 1;
    }
}
