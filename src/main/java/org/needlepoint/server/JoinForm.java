package org.needlepoint.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.needlepoint.common.ValidationException;

/**
 * The first-run form "Join this clinic's server": the server's address (its port only when not
 * {@value ClinicServer#DEFAULT_PORT}), the join code and this PC's name. Joining says where a
 * failure belongs: the address, the code or the name ({@link ValidationException} naming the
 * field), or the whole form (the {@link JoinClient.JoinException} itself: another version, a
 * folder that is not empty). Nothing is written to the folder on a failure ({@link JoinClient}).
 */
public final class JoinForm {
    public static final String ADDRESS = "address";
    public static final String CODE = "code";
    public static final String NAME = "name";
    static final int NAME_MAX = 80;

    private final Path folder;
    private final JoinClient client;

    public JoinForm(Path folder, Clock clock) {
        this(folder, new JoinClient(clock));
    }

    JoinForm(Path folder, JoinClient client) {
        this.folder = folder;
        this.client = client;
    }

    /** The data folder that will hold the link. */
    public Path folder() {
        return folder;
    }

    /** The name this PC has on the network, suggested as its name in the clinic's list (asking the network may take a moment). */
    public static String suggestedName() {
        String env = System.getenv("COMPUTERNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            String host = InetAddress.getLocalHost().getHostName();
            int dot = host.indexOf('.');
            return dot > 0 ? host.substring(0, dot) : host;
        } catch (UnknownHostException e) {
            return "";
        }
    }

    /** Joins the clinic server; see the class comment for what a failure names. */
    public JoinClient.Joined join(String address, String code, String pcName) {
        Map<String, String> errors = new LinkedHashMap<>();
        JoinClient.Address at = null;
        try {
            at = JoinClient.Address.parse(address);
        } catch (JoinClient.JoinException e) {
            errors.put(ADDRESS, e.getMessage());
        }
        String typedCode = code == null ? "" : code.strip();
        if (typedCode.isEmpty()) {
            errors.put(CODE, "Type the join code shown on the server: 12 letters and digits, like 7K3M-Q9TD-XW2A.");
        } else if (JoinCodes.normalise(typedCode) == null) {
            errors.put(CODE, "That is not a join code: a code has 12 letters and digits, like 7K3M-Q9TD-XW2A.");
        }
        String name = pcName == null ? "" : pcName.strip();
        if (name.isEmpty()) {
            errors.put(NAME, "Give this PC a name the clinic will recognise in its list of PCs, for example \"Room 2\".");
        } else if (name.length() > NAME_MAX) {
            errors.put(NAME, "A PC's name has at most " + NAME_MAX + " characters.");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try {
            return client.join(folder, at, typedCode, name, null);
        } catch (JoinClient.JoinException e) {
            String field = fieldOf(e.getMessage());
            if (field == null) {
                throw e;
            }
            throw new ValidationException(field, e.getMessage());
        }
    }

    /** Which field a refusal is about: the code, the name, the address, or none (the whole form). */
    static String fieldOf(String message) {
        String m = message == null ? "" : message;
        if (m.contains("is not reachable") || m.contains("is not known on this network") || m.contains("did not answer as")
                || m.contains("is not a port number") || m.contains("clinic server's address")) {
            return ADDRESS; // before the code: "not reachable" also says the server "shows a join code"
        }
        if (m.contains("join code")) {
            return CODE; // not one the server made, already used, expired, too many wrong ones
        }
        if (m.startsWith("Give this PC a name")) {
            return NAME;
        }
        return null;
    }

    /** A certificate's fingerprint in two lines of 16 pairs, as the server's screen shows it, to compare by eye. */
    public static String forReading(String fingerprint) {
        if (fingerprint == null) {
            return "";
        }
        String[] pairs = fingerprint.split(":");
        if (pairs.length != 32) {
            return fingerprint;
        }
        return String.join(":", java.util.Arrays.copyOfRange(pairs, 0, 16)) + ":\n"
                + String.join(":", java.util.Arrays.copyOfRange(pairs, 16, 32));
    }
}
