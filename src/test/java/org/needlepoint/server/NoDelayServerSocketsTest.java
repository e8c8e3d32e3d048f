package org.needlepoint.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's TLS sockets, as H2 opens them: connections accepted without Nagle's delay, TLS still on. */
class NoDelayServerSocketsTest {
    @TempDir
    Path folder;

    @Test
    void acceptedConnectionsHaveNoDelayAndSpeakTls() throws Exception {
        ServerKeys keys = ServerKeys.ensure(folder, "Test clinic");
        SSLContext server = NoDelayServerSockets.wrap(keys.sslContext());
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (SSLServerSocket listening = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 5, loopback)) {
            CompletableFuture<Boolean> noDelay = CompletableFuture.supplyAsync(() -> {
                try (Socket accepted = listening.accept(); InputStream in = accepted.getInputStream();
                        OutputStream out = accepted.getOutputStream()) {
                    int b = in.read();
                    out.write(b + 1);
                    out.flush();
                    return accepted.getTcpNoDelay();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, new TrustManager[] {trusting(keys.certificate())}, null);
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(loopback, listening.getLocalPort())) {
                s.getOutputStream().write(41);
                s.getOutputStream().flush();
                assertThat(s.getInputStream().read()).isEqualTo(42);
                assertThat(s.getSession().getPeerCertificates()[0]).isEqualTo(keys.certificate());
            }
            assertThat(noDelay.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Trusts the one certificate, as a joined PC's pin does. */
    private static X509TrustManager trusting(X509Certificate certificate) {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType)
                    throws java.security.cert.CertificateException {
                if (!chain[0].equals(certificate)) {
                    throw new java.security.cert.CertificateException("not the server's certificate");
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }
}
