package org.needlepoint.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.needlepoint.store.ClinicLink;

/**
 * A relay on loopback between a joined PC and the clinic server that counts round trips: the times a
 * PC sends after the server has answered (or first on a connection). H2's client waits for each answer
 * before it sends its next request (what it sends without waiting for an answer, closing a statement or
 * a result, goes out with the next request), so a burst of bytes from the PC after bytes from the server
 * is one request that waits for the network both ways. The bytes are TLS records the relay cannot read
 * and passes on as they are: the PC pins the server's certificate for the relay's address.
 */
public final class RoundTripCounter implements AutoCloseable {
    private final ServerSocket listening;
    private final String host;
    private final int port;
    private final AtomicLong trips = new AtomicLong();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private RoundTripCounter(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "round-trip-relay");
        acceptor.setDaemon(true);
    }

    /** Relays from a free loopback port to {@code host:port}. */
    public static RoundTripCounter start(String host, int port) throws IOException {
        RoundTripCounter r = new RoundTripCounter(host, port);
        r.acceptor.start();
        return r;
    }

    /** The port the PC connects to. */
    public int port() {
        return listening.getLocalPort();
    }

    /** Writes into {@code pc} a copy of a joined PC's {@code link} that goes through this relay; returns the folder. */
    public Path relayed(ClinicLink link, Path pc) throws IOException {
        Files.createDirectories(pc);
        new ClinicLink(link.clinic(), "127.0.0.1", port(), link.user(), link.password(), link.fingerprint(), link.pcName(),
                link.joinedAt()).write(pc);
        return pc;
    }

    /** Round trips so far, on every connection. */
    public long trips() {
        return trips.get();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket pc = listening.accept();
                Socket server = new Socket(host, port);
                pc.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(pc);
                open.add(server);
                Turns turns = new Turns();
                relay(pc, server, turns, true);
                relay(server, pc, turns, false);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Which side spoke last on one connection. */
    private final class Turns {
        private boolean pcSpokeLast;

        synchronized void pcSends() {
            if (!pcSpokeLast) {
                pcSpokeLast = true;
                trips.incrementAndGet();
            }
        }

        synchronized void serverSends() {
            pcSpokeLast = false;
        }
    }

    private void relay(Socket from, Socket to, Turns turns, boolean fromPc) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    // counted before passing it on: the answer cannot come before its request is counted
                    if (fromPc) {
                        turns.pcSends();
                    } else {
                        turns.serverSends();
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close the other
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }, fromPc ? "relay-pc-to-server" : "relay-server-to-pc");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listening.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
