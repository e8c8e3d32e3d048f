package org.needlepoint.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.needlepoint.store.AppVersion;
import org.needlepoint.store.ClinicLink;
import org.needlepoint.store.Database;
import org.needlepoint.store.PinnedTls;
import org.needlepoint.store.StoreException;

/**
 * Joins this PC to a clinic server: sends the one-time code over TLS to the server's join port,
 * receives this PC's own database account, pins the certificate the server presented (its
 * fingerprint is shown to compare with the server's screen), checks the connection, and writes the
 * link into the (empty) data folder. Every failure is one line ({@link JoinException}).
 */
public final class JoinClient {
    /** Why a join failed, in words for the person joining. */
    public static final class JoinException extends StoreException {
        public JoinException(String message) {
            super(message);
        }
    }

    /** A parsed "host:port" (port defaulting to the server's default). */
    public record Address(String host, int port) {
        public static Address parse(String text) {
            String t = text == null ? "" : text.strip();
            if (t.isEmpty()) {
                throw new JoinException("Type the clinic server's address, for example frontdesk:" + ClinicServer.DEFAULT_PORT
                        + " or 192.168.1.20.");
            }
            String host = t;
            int port = ClinicServer.DEFAULT_PORT;
            int colon = t.lastIndexOf(':');
            if (t.startsWith("[")) {
                int end = t.indexOf(']');
                host = t.substring(1, Math.max(1, end));
                colon = t.indexOf(':', end);
            } else if (colon > 0 && t.indexOf(':') == colon) {
                host = t.substring(0, colon);
            } else {
                colon = -1;
            }
            if (colon > 0) {
                try {
                    port = Integer.parseInt(t.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65534) {
                    throw new JoinException("The port in " + t + " is not a port number (1 to 65534).");
                }
            }
            return new Address(host, port);
        }
    }

    /** What a successful join wrote. */
    public record Joined(ClinicLink link, String fingerprint) {
    }

    private final Clock clock;

    public JoinClient(Clock clock) {
        this.clock = clock;
    }

    /**
     * Joins: {@code expectedFingerprint} (may be null) is what the person read on the server's
     * screen; when given, a server presenting another certificate is refused before the code is sent.
     */
    public Joined join(Path folder, Address address, String code, String pcName, String expectedFingerprint) {
        requireEmpty(folder);
        if (JoinCodes.normalise(code) == null) {
            throw new JoinException("That is not a join code: a code has 12 letters and digits, like 7K3M-Q9TD-XW2A.");
        }
        X509Certificate[] seen = new X509Certificate[1];
        String answer;
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new Recording(seen)}, null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress(address.host(), JoinProtocol.joinPort(address.port())), 5000);
                s.setSoTimeout(20_000);
                s.startHandshake();
                String fp = PinnedTls.fingerprint(seen[0]);
                if (expectedFingerprint != null && !expectedFingerprint.isBlank()
                        && !PinnedTls.normalise(expectedFingerprint).equals(PinnedTls.normalise(fp))) {
                    throw new JoinException("The server at " + address.host() + ":" + address.port() + " shows the"
                            + " fingerprint " + fp + ", not the one you typed. Do not join: ask the clinic's administrator.");
                }
                OutputStream out = s.getOutputStream();
                out.write(String.join("\t", JoinProtocol.HELLO, JoinProtocol.clean(code), AppVersion.current(),
                        JoinProtocol.clean(pcName)).concat("\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                answer = JoinProtocol.readLine(s.getInputStream());
            }
        } catch (UnknownHostException e) {
            throw new JoinException("The clinic server's name " + address.host() + " is not known on this network. Check"
                    + " the address, or use the server's IP address.");
        } catch (ConnectException | NoRouteToHostException | SocketTimeoutException e) {
            throw new JoinException("The clinic server at " + address.host() + ":" + address.port() + " is not reachable."
                    + " Check the address, that the server is running (it shows a join code) and that this PC is on the"
                    + " clinic's network.");
        } catch (SSLException e) {
            throw new JoinException("The server at " + address.host() + ":" + address.port() + " did not answer as a"
                    + " Needlepoint clinic server (no secure connection): " + e.getMessage());
        } catch (IOException e) {
            throw new JoinException("The join was cut short (" + e.getMessage() + "). Try again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String[] f = answer.split("\t", -1);
        if (f.length == 2 && f[0].equals(JoinProtocol.REFUSED)) {
            throw new JoinException(f[1]);
        }
        if (f.length != 4 || !f[0].equals(JoinProtocol.OK)) {
            throw new JoinException("The server at " + address.host() + ":" + address.port() + " gave an answer this"
                    + " Needlepoint does not understand.");
        }
        String fingerprint = PinnedTls.fingerprint(seen[0]);
        ClinicLink link = new ClinicLink(f[1], address.host(), address.port(), f[2], f[3], fingerprint,
                JoinProtocol.clean(pcName), clock.instant());
        try (Database db = Database.connect(folder, link)) {
            db.read(c -> null); // the records answer through the pinned certificate, as this PC's user
        }
        link.write(folder);
        return new Joined(link, fingerprint);
    }

    private static void requireEmpty(Path folder) {
        if (ClinicLink.isJoined(folder)) {
            throw new JoinException("This data folder is already joined to a clinic server (" + folder + ").");
        }
        if (Files.exists(folder.resolve(Database.DB_FILE))) {
            throw new JoinException("This data folder holds a clinic's records (" + folder + "): join from an empty"
                    + " data folder (--data), or serve these records instead.");
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                if (files.map(p -> p.getFileName().toString()).anyMatch(n -> !n.startsWith(".") && !n.equals("needlepoint.lock"))) {
                    throw new JoinException("The data folder " + folder + " is not empty: join from an empty folder.");
                }
            } catch (IOException e) {
                throw new JoinException("Cannot read the data folder " + folder + ": " + e.getMessage());
            }
        }
    }

    /** Accepts whatever certificate the server presents and keeps it, to pin and to show. */
    private static final class Recording implements X509TrustManager {
        private final X509Certificate[] seen;

        Recording(X509Certificate[] seen) {
            this.seen = seen;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            if (chain == null || chain.length == 0) {
                throw new java.security.cert.CertificateException("no certificate");
            }
            seen[0] = chain[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
