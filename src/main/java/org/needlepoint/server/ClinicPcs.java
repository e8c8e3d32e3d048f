package org.needlepoint.server;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.needlepoint.common.ValidationException;
import org.needlepoint.security.Audit;
import org.needlepoint.security.Role;
import org.needlepoint.security.Session;
import org.needlepoint.security.User;
import org.needlepoint.store.Database;

/**
 * The clinic's joined PCs, for an admin on any PC: make a join code, list the PCs, revoke one (the
 * server drops its database user within a second, ending its sessions). Every act is audited.
 */
public final class ClinicPcs {
    public static final String AUDIT_JOIN_CODE = "JOIN_CODE";
    public static final String AUDIT_REVOKE = "REVOKE_PC";

    private final Database db;
    private final PcStore store = new PcStore();
    private final Audit audit;
    private final Session session;
    private final Clock clock;

    public ClinicPcs(Database db, Audit audit, Session session, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** A one-time join code, valid {@link JoinCodes#VALID_FOR}, to read out or type on the PC that joins. */
    public String makeJoinCode() {
        User u = session.require("make join codes", Role.ADMIN);
        String code = JoinCodes.make();
        Instant now = clock.instant();
        db.tx(c -> {
            store.insertCode(c, JoinCodes.hash(JoinCodes.normalise(code)), now, now.plus(JoinCodes.VALID_FOR), u.id());
            audit.log(c, AUDIT_JOIN_CODE, "joined_pc", null, null, "made a join code for a new PC");
            return null;
        });
        return code;
    }

    public List<JoinedPc> list() {
        session.require("see the clinic's PCs", Role.ADMIN);
        return db.read(store::list);
    }

    /** Revokes a PC (a stolen laptop): its account goes at once; it must join again to come back. */
    public void revoke(long pcId, String reason) {
        User u = session.require("remove PCs from the clinic", Role.ADMIN);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ValidationException("reason", "Say why this PC is removed (for example \"laptop stolen\").");
        }
        db.tx(c -> {
            if (!store.markRevoked(c, pcId, u.id(), why, clock.instant())) {
                throw new ValidationException("pc", "That PC was already removed.");
            }
            audit.log(c, AUDIT_REVOKE, "joined_pc", pcId, null, "removed a PC from the clinic: " + why);
            return null;
        });
    }
}
