package org.needlepoint.store;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS to the clinic server, trusting exactly the certificate pinned at joining. H2's client opens
 * its TLS sockets from the JVM's default {@link SSLContext}, so this installs one, once, whose
 * trust manager accepts a server only when the SHA-256 fingerprint of the certificate it presents
 * is the one pinned for that address; no certificate authority is trusted, and a server with no
 * pin is refused. (H2's "anonymous TLS" cipher suites, which have no certificate at all, are
 * disabled by the JDK's {@code jdk.tls.disabledAlgorithms}; {@code h2.enableAnonymousTLS} is set
 * off as well.)
 */
public final class PinnedTls {
    private static final Map<String, String> PINS = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    private PinnedTls() {
    }

    /** Trusts {@code fingerprint} (hex, colons optional) for the server at {@code host:port} from now on. */
    public static synchronized void pin(String host, int port, String fingerprint) {
        install();
        String before = PINS.put(key(host, port), normalise(fingerprint));
        if (before != null && !before.equals(normalise(fingerprint))) {
            // a TLS session resumed from the old pin would skip the certificate check: start a new session cache
            installed = false;
            install();
        }
    }

    /** The SHA-256 fingerprint of a certificate, as printed to compare by eye ("AB:12:..."). */
    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint without colons or spaces, upper case. */
    public static String normalise(String fingerprint) {
        return fingerprint.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT);
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static synchronized void install() {
        if (installed) {
            return;
        }
        System.setProperty("h2.enableAnonymousTLS", "false");
        // H2 writes its own (public) default key store into the user's home unless one is named; the
        // client never uses a key of its own, so name none that exists
        if (System.getProperty("javax.net.ssl.keyStore") == null) {
            System.setProperty("javax.net.ssl.keyStore", "NONE");
        }
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new Pinned()}, null);
            SSLContext.setDefault(new Tuned(ctx));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
        installed = true;
    }

    /**
     * How long a PC waits for one answer of the server before the connection counts as lost: a network
     * that drops without a word (a cable pulled, Wi-Fi gone) would otherwise leave a read waiting forever.
     */
    static final int READ_TIMEOUT_MS = 30_000;

    /**
     * The pinned context, its sockets tuned for H2's small request-and-answer messages: no Nagle delay
     * ({@code TCP_NODELAY}), keep-alive, and a read timeout ({@link #READ_TIMEOUT_MS}).
     */
    private static final class Tuned extends SSLContext {
        Tuned(SSLContext inner) {
            super(new Spi(inner), inner.getProvider(), inner.getProtocol());
        }
    }

    private static final class Spi extends javax.net.ssl.SSLContextSpi {
        private final SSLContext inner;

        Spi(SSLContext inner) {
            this.inner = inner;
        }

        @Override
        protected void engineInit(javax.net.ssl.KeyManager[] km, TrustManager[] tm, java.security.SecureRandom sr) {
            throw new UnsupportedOperationException("already initialised");
        }

        @Override
        protected javax.net.ssl.SSLSocketFactory engineGetSocketFactory() {
            return new TunedFactory(inner.getSocketFactory());
        }

        @Override
        protected javax.net.ssl.SSLServerSocketFactory engineGetServerSocketFactory() {
            return inner.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return inner.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return inner.createSSLEngine(host, port);
        }

        @Override
        protected javax.net.ssl.SSLSessionContext engineGetServerSessionContext() {
            return inner.getServerSessionContext();
        }

        @Override
        protected javax.net.ssl.SSLSessionContext engineGetClientSessionContext() {
            return inner.getClientSessionContext();
        }
    }

    private static final class TunedFactory extends javax.net.ssl.SSLSocketFactory {
        private final javax.net.ssl.SSLSocketFactory inner;

        TunedFactory(javax.net.ssl.SSLSocketFactory inner) {
            this.inner = inner;
        }

        private static Socket tune(Socket s) throws java.io.IOException {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.setSoTimeout(READ_TIMEOUT_MS);
            return s;
        }

        @Override
        public Socket createSocket() throws java.io.IOException {
            return tune(inner.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws java.io.IOException {
            return tune(inner.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws java.io.IOException {
            return tune(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort)
                throws java.io.IOException {
            return tune(inner.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return tune(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress, int localPort)
                throws java.io.IOException {
            return tune(inner.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return inner.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return inner.getSupportedCipherSuites();
        }
    }

    /** Thrown when the server's certificate is not the pinned one: the message is for a person. */
    public static final class NotPinnedException extends CertificateException {
        NotPinnedException(String message) {
            super(message);
        }
    }

    private static final class Pinned extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            String peer = socket instanceof SSLSocket s && s.getInetAddress() != null
                    ? key(s.getInetAddress().getHostAddress(), s.getPort()) : null;
            // the name the address was made from, if any ("name/1.2.3.4"), without a reverse lookup
            String host = null;
            if (socket != null && socket.getInetAddress() != null) {
                String text = socket.getInetAddress().toString();
                int slash = text.indexOf('/');
                host = slash > 0 ? key(text.substring(0, slash), socket.getPort()) : null;
            }
            check(chain, peer, host);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain, engine == null ? null : key(String.valueOf(engine.getPeerHost()), engine.getPeerPort()), null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, null, null);
        }

        private static void check(X509Certificate[] chain, String byAddress, String byName) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("The clinic server presented no certificate.");
            }
            String pin = byAddress == null ? null : PINS.get(byAddress);
            if (pin == null && byName != null) {
                pin = PINS.get(byName);
            }
            if (pin == null) {
                throw new NotPinnedException("No clinic server is known at this address: join this PC to it first.");
            }
            String seen = normalise(fingerprint(chain[0]));
            if (!MessageDigest.isEqual(seen.getBytes(), pin.getBytes())) {
                throw new NotPinnedException("The clinic server's certificate is not the one this PC joined (it has"
                        + " fingerprint " + fingerprint(chain[0]) + "). Someone may be pretending to be the server;"
                        + " ask the clinic's administrator before joining again.");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
