package org.needlepoint.cli;

import java.io.PrintStream;
import java.util.List;
import org.needlepoint.app.Services;
import org.needlepoint.inventory.RecallCsv;
import org.needlepoint.inventory.RecallList;

/**
 * {@code recall LOT}: everyone who received lot LOT, as CSV on stdout ({@link RecallCsv}: a header
 * line, then one row per patient per visit). A lot number that several products have lists all of
 * them. An unknown lot prints the header only, one line on stderr, and exits 1. Audited as an export.
 */
final class RecallCommand {
    private final PrintStream out;
    private final PrintStream err;

    RecallCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Services s, String lotNumber) {
        List<RecallList> lists;
        try {
            lists = s.inventory().recallListsForAdminCommand(lotNumber);
        } catch (RuntimeException e) {
            out.print(RecallCsv.header());
            err.println("recall: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
        out.print(RecallCsv.of(lists));
        out.flush();
        if (lists.isEmpty()) {
            err.println("recall: no lot numbered " + lotNumber + " in this clinic's stock.");
            return 1;
        }
        return 0;
    }
}
