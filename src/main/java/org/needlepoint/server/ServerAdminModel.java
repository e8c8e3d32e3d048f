package org.needlepoint.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.needlepoint.common.ValidationException;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.Database;

/**
 * Admin ▸ Clinic server, without the window: where this PC's records are (on this PC only, this PC
 * is the clinic server, or joined to one), join codes with the time they stop working, the list of
 * the clinic's PCs as staff read it, and removing one. {@link ClinicPcs} checks who may.
 */
public final class ServerAdminModel {
    /** Where this PC's records are. */
    public enum Mode {
        /** Embedded: this PC keeps the records and no other PC can use them. */
        EMBEDDED,
        /** This PC serves the records (its app works through the server, like every PC). */
        SERVER_PC,
        /** This PC joined a clinic server elsewhere. */
        JOINED
    }

    /**
     * What the top of the tab says. {@code address} (what {@code addressCaption} names) and
     * {@code fingerprint} are null on an embedded PC.
     */
    public record Situation(Mode mode, String headline, String explanation, String addressCaption, String address,
                            String fingerprint) {
    }

    /** A new join code and the time it stops working ("10:45"). */
    public record Code(String code, String validUntil) {
    }

    /** A PC as the list shows it. {@code thisPc}: the PC this app runs on. */
    public record PcRow(JoinedPc pc, String name, String joined, String lastSeen, String state, boolean thisPc,
                        boolean connected) {
    }

    /**
     * A PC seen by the server this recently is connected now: the server notes the PCs it has
     * sessions with every 30 seconds ({@code ClinicServer}), so this allows for one missed note.
     */
    static final java.time.Duration SEEN_WITHIN = java.time.Duration.ofSeconds(90);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private final Database db;
    private final ClinicPcs pcs;
    private final Clock clock;

    public ServerAdminModel(Database db, ClinicPcs pcs, Clock clock) {
        this.db = db;
        this.pcs = pcs;
        this.clock = clock;
    }

    public Mode mode() {
        if (!db.isRemote()) {
            return Mode.EMBEDDED;
        }
        return ClinicLink.isJoined(db.folder()) ? Mode.JOINED : Mode.SERVER_PC;
    }

    /** What the tab says about this PC (asks the network for this PC's name: off the FX thread). */
    public Situation situation() {
        Optional<ClinicLink> link = db.link();
        return switch (mode()) {
            case EMBEDDED -> new Situation(Mode.EMBEDDED, "This PC keeps the clinic's records itself.",
                    "Only this PC can use them. To use Needlepoint on several PCs at once (the front desk and the"
                            + " treatment rooms), turn this PC into the clinic server: the other PCs then join it.",
                    null, null, null);
            case SERVER_PC -> new Situation(Mode.SERVER_PC, "This PC is the clinic server.",
                    "The clinic's records are on this PC. The other PCs work on them through the clinic server, which"
                            + " runs in the background, also while Needlepoint is closed. Keep this PC switched on while"
                            + " the others work.",
                    "Other PCs join it at", addressesOfThisPc(link.map(ClinicLink::port).orElse(ClinicServer.DEFAULT_PORT)),
                    link.map(ClinicLink::fingerprint).orElse(null));
            case JOINED -> new Situation(Mode.JOINED, "This PC is joined to the clinic server"
                    + link.map(l -> l.clinic().isBlank() ? "" : " of " + l.clinic()).orElse("") + ".",
                    "The clinic's records are on the clinic server; this PC keeps none of them. If the server cannot be"
                            + " reached, this PC cannot show or save records until it is back.",
                    "Clinic server", link.map(ClinicLink::address).orElse(null), link.map(ClinicLink::fingerprint).orElse(null));
        };
    }

    /**
     * What other PCs type to reach this one: its name, and its address on the clinic's network as a
     * second choice (the port only when it is not the usual one).
     */
    static String addressesOfThisPc(int port) {
        String suffix = port == ClinicServer.DEFAULT_PORT ? "" : ":" + port;
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            name = null;
        }
        String ip = lanAddress();
        if (name == null) {
            return ip == null ? "this PC's name or IP address" + suffix : ip + suffix;
        }
        return ip == null ? name + suffix : name + suffix + "  (or " + ip + suffix + ")";
    }

    /** This PC's IPv4 address on a local network (192.168.x.x, 10.x.x.x, 172.16-31.x.x), if it has one. */
    private static String lanAddress() {
        try {
            for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address && a.isSiteLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (java.net.SocketException | RuntimeException e) {
            // the name alone, then
        }
        return null;
    }

    /** A one-time code for a new PC, and when it stops working. */
    public Code makeCode() {
        String code = pcs.makeJoinCode();
        Instant until = clock.instant().plus(JoinCodes.VALID_FOR);
        return new Code(code, TIME.format(until.atZone(clock.getZone())));
    }

    /** The clinic's PCs: those still in use first, then the removed ones. */
    public List<PcRow> pcs() {
        String me = db.link().map(ClinicLink::user).orElse(null);
        return pcs.list().stream()
                .sorted(java.util.Comparator.comparing(JoinedPc::revoked).thenComparing(JoinedPc::id))
                .map(pc -> row(pc, me != null && me.equalsIgnoreCase(pc.dbUser())))
                .toList();
    }

    PcRow row(JoinedPc pc, boolean thisPc) {
        boolean connected = !pc.revoked() && (thisPc || pc.connected() || pc.lastSeen() != null
                && !pc.lastSeen().isBefore(clock.instant().minus(SEEN_WITHIN)));
        String state;
        if (pc.revoked()) {
            state = "Removed " + when(pc.revokedAt()) + (pc.revokeReason() == null || pc.revokeReason().isBlank() ? ""
                    : ": " + pc.revokeReason());
        } else {
            state = connected ? "Connected now" : "Not connected";
        }
        return new PcRow(pc, pc.name(), when(pc.joinedAt()), pc.lastSeen() == null ? "—" : when(pc.lastSeen()), state,
                thisPc, connected);
    }

    /** Why {@code row} cannot be removed from here, or null when it can. */
    public String whyNotRemovable(PcRow row) {
        if (row == null) {
            return "Choose a PC in the list first.";
        }
        if (row.pc().revoked()) {
            return "That PC was already removed.";
        }
        if (row.thisPc()) {
            return "That is this PC: remove it from another PC of the clinic.";
        }
        return null;
    }

    /** Removes a PC (a stolen laptop): it cannot reach the records any more, within a second. */
    public void remove(PcRow row, String reason) {
        String why = whyNotRemovable(row);
        if (why != null) {
            throw new ValidationException("pc", why);
        }
        pcs.revoke(row.pc().id(), reason);
    }

    /** "today 09:14", "yesterday 18:02", "3 Mar 10:05", "3 Mar 2025". */
    String when(Instant t) {
        if (t == null) {
            return "—";
        }
        ZonedDateTime at = t.atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        LocalDate d = at.toLocalDate();
        if (d.equals(today)) {
            return "today " + TIME.format(at);
        }
        if (d.equals(today.minusDays(1))) {
            return "yesterday " + TIME.format(at);
        }
        return d.getYear() == today.getYear() ? DAY.format(at) + " " + TIME.format(at) : DAY_YEAR.format(at);
    }
}
