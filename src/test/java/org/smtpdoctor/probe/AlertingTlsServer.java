package org.smtpdoctor.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A loopback port that answers any TLS ClientHello with a fatal {@code handshake_failure} alert, as a server does
 * that shares no protocol version or cipher suite with the client (OpenSSL's answer), or, built with
 * {@link #hangingUp()}, hangs up on it without a word (as some TLS stacks do). The JDK cannot be made to do either
 * as a server, so the alert record is written by hand.
 */
final class AlertingTlsServer implements AutoCloseable {

    /** TLS record: alert (21), version 3.3, length 2, fatal (2), handshake_failure (40). */
    private static final byte[] HANDSHAKE_FAILURE = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

    private final ServerSocket server;
    private final Thread thread;
    private final boolean alert;

    AlertingTlsServer() throws IOException {
        this(true);
    }

    static AlertingTlsServer hangingUp() throws IOException {
        return new AlertingTlsServer(false);
    }

    private AlertingTlsServer(boolean alert) throws IOException {
        this.alert = alert;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "alerting-tls-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                byte[] header = in.readNBytes(5); // the ClientHello's record header
                if (alert && header.length == 5 && header[0] == 0x16) {
                    in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
                    OutputStream out = s.getOutputStream();
                    out.write(HANDSHAKE_FAILURE);
                    out.flush();
                }
            } catch (IOException e) {
                // the next connection, or closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
