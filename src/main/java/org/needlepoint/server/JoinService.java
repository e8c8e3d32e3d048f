package org.needlepoint.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.needlepoint.store.AppVersion;
import org.needlepoint.store.Database;

/**
 * The server's side of joining: a PC brings a one-time code; a good one gives the PC a database
 * user of its own (random 32-byte password, sent once over TLS) and is used up. Every refusal says
 * why in one line. Runs in the server's process, as the owner.
 */
final class JoinService {
    /** What a PC gets for a good code. */
    record Joined(String clinic, String user, String password) {
    }

    /** A refusal, its message for the person joining. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static final int MAX_FAILURES_PER_MINUTE = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Database db;
    private final PcStore store;
    private final String clinic;
    private final Clock clock;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    JoinService(Database db, PcStore store, String clinic, Clock clock) {
        this.db = db;
        this.store = store;
        this.clinic = clinic;
        this.clock = clock;
    }

    /** Makes a one-time code (printed by serve at its start); returns it as it is read out. */
    String makeCode(Long madeBy) {
        String code = JoinCodes.make();
        Instant now = clock.instant();
        db.tx(c -> {
            store.insertCode(c, JoinCodes.hash(JoinCodes.normalise(code)), now, now.plus(JoinCodes.VALID_FOR), madeBy);
            return null;
        });
        return code;
    }

    Joined join(String typedCode, String pcName, String version, String from) throws Refused {
        Instant now = clock.instant();
        throttle(from, now);
        String mine = AppVersion.current();
        if (!mine.equals(version)) {
            throw new Refused("This PC runs Needlepoint " + version + " and the clinic server runs Needlepoint " + mine
                    + ". Install the same version on both, then join.");
        }
        String name = pcName == null ? "" : pcName.strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new Refused("Give this PC a name of 1 to 80 characters (for example \"Room 2\").");
        }
        String code = JoinCodes.normalise(typedCode);
        if (code == null) {
            fail(from, now);
            throw new Refused("That is not a join code: a code has 12 letters and digits, like 7K3M-Q9TD-XW2A.");
        }
        String hash = JoinCodes.hash(code);
        // check first (a refusal changes nothing), then make the account, then use the code up in one transaction
        Refused early = unusable(db.read(c -> store.findCode(c, hash, false)), from, now);
        if (early != null) {
            throw early;
        }
        String password = secret();
        String user = db.adminWork(c -> {
            String u = store.nextUser(c);
            store.createUser(c, u, password);
            return u;
        });
        try {
            db.tx(c -> {
                Optional<JoinCodeRow> row = store.findCode(c, hash, true);
                Refused late = unusable(row, from, now); // another PC used it meanwhile
                if (late != null) {
                    throw new RefusedUnchecked(late);
                }
                long pc = store.insertPc(c, name, user, version, now, row.orElseThrow().id());
                store.markCodeUsed(c, row.get().id(), pc, now);
                return null;
            });
        } catch (RuntimeException e) {
            db.adminWork(c -> {
                store.dropUser(c, user);
                return null;
            });
            if (e instanceof RefusedUnchecked r) {
                throw r.refused;
            }
            throw e;
        }
        return new Joined(clinic, user, password);
    }

    /** Carries a refusal out of a transaction's lambda. */
    private static final class RefusedUnchecked extends RuntimeException {
        final Refused refused;

        RefusedUnchecked(Refused refused) {
            super(refused.getMessage(), null, false, false);
            this.refused = refused;
        }
    }

    /** Why the code cannot be used, or null when it can. */
    private Refused unusable(Optional<JoinCodeRow> row, String from, Instant now) {
        Refused r = null;
        if (row.isEmpty()) {
            fail(from, now);
            r = new Refused("This join code is not one the clinic server made. Check the code, or make a new one on"
                    + " the server.");
        } else if (row.get().usedAt() != null) {
            r = new Refused("This join code was already used" + (row.get().usedByPc() == null ? ""
                    : " (by the PC \"" + row.get().usedByPc() + "\" at " + time(row.get().usedAt()) + ")")
                    + ". Make a new one on the server.");
        } else if (!now.isBefore(row.get().expiresAt())) {
            r = new Refused("This join code expired at " + time(row.get().expiresAt()) + " (codes last "
                    + JoinCodes.VALID_FOR.toMinutes() + " minutes). Make a new one on the server.");
        }
        return r;
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone()));
    }

    private synchronized void throttle(String from, Instant now) throws Refused {
        Deque<Instant> f = failures.get(from);
        if (f == null) {
            return;
        }
        while (!f.isEmpty() && f.peekFirst().isBefore(now.minusSeconds(60))) {
            f.removeFirst();
        }
        if (f.size() >= MAX_FAILURES_PER_MINUTE) {
            throw new Refused("Too many wrong join codes from this PC: wait a minute, then try again.");
        }
    }

    private synchronized void fail(String from, Instant now) {
        failures.computeIfAbsent(from, k -> new ArrayDeque<>()).addLast(now);
    }

    /** A PC account's password: 32 random bytes. */
    static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
