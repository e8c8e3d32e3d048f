package org.needlepoint.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLServerSocket;
import org.needlepoint.common.ReadableException;

/** Listens for joining PCs on the port after the database's, over TLS with the server's key (see {@link JoinProtocol}). */
final class JoinListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JoinListener.class.getName());
    private final SSLServerSocket socket;
    private final JoinService joins;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "join");
        t.setDaemon(true);
        return t;
    });
    private final Thread acceptor;

    JoinListener(ServerKeys keys, InetAddress bind, int port, JoinService joins) throws IOException {
        this.joins = joins;
        this.socket = (SSLServerSocket) keys.sslContext().getServerSocketFactory().createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(bind, port), 16);
        this.acceptor = new Thread(this::accept, "join-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                workers.submit(() -> serve(s));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.log(Level.FINE, "join accept", e);
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(15_000);
            String[] f = JoinProtocol.readLine(s.getInputStream()).split("\t", -1);
            String answer;
            if (f.length != 4 || !f[0].equals(JoinProtocol.HELLO)) {
                answer = JoinProtocol.REFUSED + "\tThis is a Needlepoint clinic server; it did not understand the PC's"
                        + " request (an older or newer Needlepoint?).";
            } else {
                try {
                    JoinService.Joined j = joins.join(f[1], f[3], f[2], s.getInetAddress().getHostAddress());
                    answer = String.join("\t", JoinProtocol.OK, JoinProtocol.clean(j.clinic()), j.user(), j.password());
                } catch (JoinService.Refused r) {
                    answer = JoinProtocol.REFUSED + "\t" + JoinProtocol.clean(r.getMessage());
                } catch (ReadableException e) {
                    answer = JoinProtocol.REFUSED + "\t" + JoinProtocol.clean(e.getMessage());
                }
            }
            OutputStream out = s.getOutputStream();
            out.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "join from " + s.getInetAddress(), e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        workers.shutdownNow();
    }
}
