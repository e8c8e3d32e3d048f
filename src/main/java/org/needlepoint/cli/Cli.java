package org.needlepoint.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.needlepoint.app.GuiLauncher;
import org.needlepoint.app.Services;
import org.needlepoint.security.PasswordHasher;
import java.time.LocalTime;
import java.util.concurrent.CountDownLatch;
import org.needlepoint.server.ClinicServer;
import org.needlepoint.store.DamagedRecordsException;
import org.needlepoint.store.DataFolder;
import org.needlepoint.store.Database;
import org.needlepoint.store.StoreException;

/** Parses the command line and runs the GUI or one admin subcommand. */
public final class Cli {
    static final String USAGE = """
            Usage: needlepoint [--data DIR] [SUBCOMMAND [OPTIONS]]

            With no subcommand, opens the Needlepoint window.

            Options:
              --data DIR          use DIR as the data folder (default: $NEEDLEPOINT_DATA, else the
                                  per-user folder: ~/.local/share/needlepoint, %APPDATA%\\Needlepoint,
                                  ~/Library/Application Support/Needlepoint)

            Subcommands:
              --help              show this help
              seed-demo [--patients N] [--seed S]
                                  fill an EMPTY data folder with a synthetic demo clinic: staff
                                  accounts (their passwords are printed once), N patients (default 200),
                                  product lots received by scanning (one recalled, one quarantined),
                                  stock entries, reconstituted vials, signed charted visits for
                                  about a third of the first 1,500 patients, side effects and
                                  follow-up tasks, rooms, opening hours and two weeks of
                                  appointments around today in every status
              check               open and migrate the store, check its integrity (the records
                                  against their seal, every reference between records, the
                                  guards, the audit log's numbering, the stock ledger's sums),
                                  print one line per record type with its count, then WARNING
                                  lines (e.g. a lot whose stock needs counting) and PROBLEM
                                  lines; exits 1 on any problem. Records refused at open (older
                                  than their seal, missing, unreadable) are checked as they are,
                                  without changing them
              due [--date D]      print the front desk's follow-up worklist for day D (default
                                  today) as CSV: overdue, due that day and upcoming tasks, each
                                  with the patient's chart number, phones and the reason
              appointments [--date D]
                                  print the appointment book of day D (default today) as CSV: one
                                  row per appointment with its time, duration in minutes, injector,
                                  room, the patient's chart number, kind and status
              recall LOT          print everyone who received lot LOT (every product with that lot
                                  number) as CSV: one row per patient per visit; exits 1 when no
                                  lot has that number
              backup [--to DIR]   back up the clinic's records now, to the backup folder (rotated as
                                  set in Admin → Backups) or to DIR (not rotated); prints the file
                                  written and its size. The app must be closed (in the app: Back up now)
              restore FILE        replace the clinic's records with a backup, after checking it (it
                                  must open, load and pass every check of `check`); the replaced
                                  records are kept in the data folder's replaced-<date>-<time>.
                                  The app must be closed (in the app: Admin → Backups → Restore)
              serve [--port P] [--bind ADDR] [--backup-at HH:MM]
                                  serve this folder's records to the clinic's other PCs (a PC that
                                  stays on): H2's TCP server with TLS on port P (default 9478; PCs
                                  join on P+1), on every address or only ADDR. Prints the clinic,
                                  the address, the certificate's SHA-256 fingerprint and a one-time
                                  join code (15 minutes). Backs up at the day's first start, daily
                                  at HH:MM (default 21:00) and on stopping. Runs until SIGTERM or
                                  Ctrl+C, then closes cleanly and exits 0
              join HOST[:PORT] CODE [--name NAME] [--fingerprint FP]
                                  join this PC's EMPTY data folder to a clinic server with a join
                                  code; the folder then holds the link only, and the app and every
                                  subcommand on it work against the server. NAME (default: this
                                  PC's host name) shows in the server's list of PCs; with FP, a
                                  server with another certificate is refused
              scan TEXT           read a pack's GS1 barcode text (TEXT in quotes, or - to read
                                  standard input) and print its gtin, lot, expiry, serial and
                                  productionDate as JSON; exits 2 with a message when the code is
                                  unusable. Needs no data folder
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final PasswordHasher hasher;

    public Cli(PrintStream out, PrintStream err) {
        this(out, err, Clock.systemDefaultZone(), new PasswordHasher());
    }

    /** For tests: a fixed clock and a lower hashing factor. */
    Cli(PrintStream out, PrintStream err, Clock clock, PasswordHasher hasher) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** Runs the command; returns the exit code, or -1 when the GUI was started (the JVM keeps running). */
    public int run(String[] args) {
        String data = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--data".equals(args[i])) {
                if (i + 1 >= args.length) {
                    err.println("--data needs a folder");
                    return 2;
                }
                data = args[++i];
            } else if (args[i].startsWith("--data=")) {
                data = args[i].substring("--data=".length());
            } else {
                rest.add(args[i]);
            }
        }
        Path folder = DataFolder.resolveDefault(data);
        if (rest.isEmpty()) {
            GuiLauncher.launch(folder);
            return -1;
        }
        String cmd = rest.get(0);
        List<String> opts = rest.subList(1, rest.size());
        try {
            return switch (cmd) {
                case "--help", "-h", "help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                case "check" -> {
                    Options.parse(opts); // takes no options: refuse any rather than ignore it
                    yield check(folder);
                }
                case "due" -> {
                    Options o = Options.parse(opts, "--date");
                    String d = o.stringValue("--date", null);
                    LocalDate date = d == null ? LocalDate.now(clock) : DueCommand.parseDate(d);
                    yield withServices(folder, s -> new DueCommand(out).run(s, date));
                }
                case "appointments" -> {
                    Options o = Options.parse(opts, "--date");
                    String d = o.stringValue("--date", null);
                    LocalDate date = d == null ? LocalDate.now(clock) : DueCommand.parseDate(d);
                    yield withServices(folder, s -> new AppointmentsCommand(out).run(s, date));
                }
                case "recall" -> {
                    if (opts.size() != 1 || opts.get(0).startsWith("--")) {
                        throw new IllegalArgumentException("recall takes one lot number, e.g. recall DY24A001.");
                    }
                    yield withServices(folder, s -> new RecallCommand(out, err).run(s, opts.get(0)));
                }
                case "backup" -> {
                    Options o = Options.parse(opts, "--to");
                    String to = o.stringValue("--to", null);
                    yield new BackupCommand(out, err).backup(folder, to == null ? null : Path.of(to), clock, hasher);
                }
                case "restore" -> {
                    if (opts.size() != 1 || opts.get(0).startsWith("--")) {
                        throw new IllegalArgumentException("restore needs the backup file: restore FILE. Try --help.");
                    }
                    yield new BackupCommand(out, err).restore(folder, Path.of(opts.get(0)), clock, hasher);
                }
                case "seed-demo" -> {
                    Options o = Options.parse(opts, "--patients", "--seed");
                    int n = o.intValue("--patients", 200, 0, 1_000_000);
                    long seed = o.longValue("--seed", 42L);
                    yield withServices(folder, s -> new SeedDemo(out, err).run(s, n, seed));
                }
                case "scan" -> new ScanCommand(out, err, System.in, clock).run(opts);
                case "serve" -> {
                    Options o = Options.parse(opts, "--port", "--bind", "--backup-at");
                    String bind = o.stringValue("--bind", null);
                    ServeCommand.prepareProcess(bind);
                    int port = o.intValue("--port", ClinicServer.DEFAULT_PORT, 1, 65534);
                    String at = o.stringValue("--backup-at", null);
                    LocalTime backupAt;
                    try {
                        backupAt = at == null ? ClinicServer.DEFAULT_BACKUP_AT : LocalTime.parse(at);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException("--backup-at takes a time of day, e.g. 21:00.");
                    }
                    CountDownLatch stop = new CountDownLatch(1);
                    ServeCommand.stopOnSignals(stop);
                    yield new ServeCommand(out, clock, hasher).run(folder, new ClinicServer.Settings(port, bind, backupAt),
                            stop);
                }
                case "join" -> {
                    List<String> positional = new ArrayList<>();
                    List<String> flags = new ArrayList<>();
                    for (int i = 0; i < opts.size(); i++) {
                        if (opts.get(i).startsWith("--")) {
                            flags.add(opts.get(i));
                            if (i + 1 < opts.size() && !opts.get(i).contains("=")) {
                                flags.add(opts.get(++i));
                            }
                        } else {
                            positional.add(opts.get(i));
                        }
                    }
                    if (positional.size() != 2) {
                        throw new IllegalArgumentException("join needs the server's address and a join code: join HOST:PORT"
                                + " CODE. Try --help.");
                    }
                    Options o = Options.parse(flags, "--name", "--fingerprint");
                    yield new JoinCommand(out, clock).run(folder, positional.get(0), positional.get(1),
                            o.stringValue("--name", null), o.stringValue("--fingerprint", null));
                }
                default -> {
                    err.println("Unknown subcommand: " + cmd + ". Try --help.");
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (StoreException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    interface Task {
        int run(Services s);
    }

    /**
     * {@code check}: on records that open, every check; on records refused at open (behind their
     * seal, missing, unreadable), the same checks on the records read as they are, without changing
     * them, so each problem gets its line; exit 1.
     */
    private int check(Path folder) {
        try {
            return withServices(folder, s -> new CheckCommand(out, err).run(s));
        } catch (DamagedRecordsException refused) {
            out.println(refused.getMessage());
            try (Database db = Database.openReadOnly(folder)) {
                int code = new CheckCommand(out, err).run(new Services(db, clock, hasher));
                return code == 0 ? 1 : code;
            } catch (StoreException unreadable) {
                // cannot even be read as they are (missing, or H2 cannot open the file): what open found
                List<String> problems = new ArrayList<>(refused.details());
                boolean same = unreadable instanceof DamagedRecordsException d && d.kind() == refused.kind();
                if (!same) {
                    problems.add(Database.firstLine(unreadable.getMessage()));
                }
                problems.forEach(p -> err.println("PROBLEM " + p));
                out.println("check: " + problems.size() + " problem(s)");
                return 1;
            }
        }
    }

    private int withServices(Path folder, Task task) {
        try (Database db = Database.openFolder(folder)) {
            return task.run(new Services(db, clock, hasher));
        }
    }
}
