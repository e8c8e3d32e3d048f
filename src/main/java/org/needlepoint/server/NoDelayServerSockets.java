package org.needlepoint.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * A TLS context whose server sockets hand out connections without Nagle's delay ({@code TCP_NODELAY}).
 * H2's server answers each request with a small message; with Nagle on, the server's answer waits for the
 * client's delayed acknowledgement of the one before (about 40 ms on Linux), so every round trip of a
 * joined PC cost that much more than its work. H2 opens its server socket from the default context and
 * never tunes the sockets it accepts: this context does it in {@link #accept}.
 */
final class NoDelayServerSockets {
    private NoDelayServerSockets() {
    }

    static SSLContext wrap(SSLContext inner) {
        return new Context(inner);
    }

    private static final class Context extends SSLContext {
        Context(SSLContext inner) {
            super(new Spi(inner), inner.getProvider(), inner.getProtocol());
        }
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext inner;

        Spi(SSLContext inner) {
            this.inner = inner;
        }

        @Override
        protected void engineInit(javax.net.ssl.KeyManager[] km, javax.net.ssl.TrustManager[] tm,
                java.security.SecureRandom sr) {
            throw new UnsupportedOperationException("already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return inner.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return new Factory(inner.getServerSocketFactory());
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
        protected SSLSessionContext engineGetServerSessionContext() {
            return inner.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return inner.getClientSessionContext();
        }
    }

    private static final class Factory extends SSLServerSocketFactory {
        private final SSLServerSocketFactory inner;

        Factory(SSLServerSocketFactory inner) {
            this.inner = inner;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new NoDelay((SSLServerSocket) inner.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new NoDelay((SSLServerSocket) inner.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return new NoDelay((SSLServerSocket) inner.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return new NoDelay((SSLServerSocket) inner.createServerSocket(port, backlog, address));
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

    /** The TLS server socket, each accepted connection tuned before H2 sees it. */
    static final class NoDelay extends SSLServerSocket {
        private final SSLServerSocket inner;

        NoDelay(SSLServerSocket inner) throws IOException {
            this.inner = inner;
        }

        @Override
        public Socket accept() throws IOException {
            Socket s = inner.accept();
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            return s;
        }

        @Override
        public void bind(SocketAddress endpoint) throws IOException {
            inner.bind(endpoint);
        }

        @Override
        public void bind(SocketAddress endpoint, int backlog) throws IOException {
            inner.bind(endpoint, backlog);
        }

        @Override
        public void close() throws IOException {
            try {
                inner.close();
            } finally {
                super.close();
            }
        }

        @Override
        public boolean isClosed() {
            return inner.isClosed();
        }

        @Override
        public boolean isBound() {
            return inner.isBound();
        }

        @Override
        public InetAddress getInetAddress() {
            return inner.getInetAddress();
        }

        @Override
        public int getLocalPort() {
            return inner.getLocalPort();
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return inner.getLocalSocketAddress();
        }

        @Override
        public void setSoTimeout(int timeout) throws SocketException {
            inner.setSoTimeout(timeout);
        }

        @Override
        public int getSoTimeout() throws IOException {
            return inner.getSoTimeout();
        }

        @Override
        public void setReuseAddress(boolean on) throws SocketException {
            inner.setReuseAddress(on);
        }

        @Override
        public boolean getReuseAddress() throws SocketException {
            return inner.getReuseAddress();
        }

        @Override
        public void setReceiveBufferSize(int size) throws SocketException {
            inner.setReceiveBufferSize(size);
        }

        @Override
        public int getReceiveBufferSize() throws SocketException {
            return inner.getReceiveBufferSize();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return inner.getEnabledCipherSuites();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            inner.setEnabledCipherSuites(suites);
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return inner.getSupportedCipherSuites();
        }

        @Override
        public String[] getSupportedProtocols() {
            return inner.getSupportedProtocols();
        }

        @Override
        public String[] getEnabledProtocols() {
            return inner.getEnabledProtocols();
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            inner.setEnabledProtocols(protocols);
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            inner.setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return inner.getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            inner.setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return inner.getWantClientAuth();
        }

        @Override
        public void setUseClientMode(boolean mode) {
            inner.setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return inner.getUseClientMode();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            inner.setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return inner.getEnableSessionCreation();
        }

        @Override
        public SSLParameters getSSLParameters() {
            return inner.getSSLParameters();
        }

        @Override
        public void setSSLParameters(SSLParameters params) {
            inner.setSSLParameters(params);
        }

        @Override
        public String toString() {
            return inner.toString();
        }
    }
}
