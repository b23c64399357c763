package org.smtpdoctor.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A minimal line-oriented client over a plain or TLS socket, for tests of the kit itself (and anyone who wants to talk
 * to the fake server without Jakarta Mail). Reads are bounded by a short timeout.
 */
public final class LineClient implements AutoCloseable {

    private Socket socket;
    private BufferedReader reader;
    private OutputStream writer;

    private LineClient(Socket socket) throws IOException {
        use(socket);
    }

    /** Connects in clear text with the given read timeout. */
    public static LineClient connect(FakeSmtpServer server, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.host(), server.port()), 2000);
        socket.setSoTimeout((int) readTimeout.toMillis());
        return new LineClient(socket);
    }

    /** Connects in clear text with a 2 s read timeout. */
    public static LineClient connect(FakeSmtpServer server) throws IOException {
        return connect(server, Duration.ofSeconds(2));
    }

    /** Connects and does a TLS handshake at once (implicit TLS), checking the certificate against {@code hostName}. */
    public static LineClient connectTls(FakeSmtpServer server, SSLContext context, String hostName) throws IOException {
        LineClient client = connect(server);
        client.startTls(context, hostName);
        return client;
    }

    /** Layers TLS over the current connection (after "220 Ready to start TLS"); checks the host name like HTTPS. */
    public void startTls(SSLContext context, String hostName) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, hostName, socket.getPort(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        use(ssl);
    }

    /** The TLS socket, when TLS is active. */
    public SSLSocket tlsSocket() {
        return (SSLSocket) socket;
    }

    /** Sends one line (CRLF added). */
    public void send(String line) throws IOException {
        writer.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        writer.flush();
    }

    /** Reads one line, or null at the end of the stream. */
    public String readLine() throws IOException {
        return reader.readLine();
    }

    /** Reads one whole SMTP reply (all lines up to the one with a space after the code). */
    public List<String> readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                throw new IOException("connection closed after " + lines);
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    /** Sends a command and returns the last line of its reply. */
    public String command(String line) throws IOException {
        send(line);
        List<String> reply = readReply();
        return reply.get(reply.size() - 1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void use(Socket current) throws IOException {
        socket = current;
        reader = new BufferedReader(new InputStreamReader(current.getInputStream(), StandardCharsets.UTF_8));
        writer = current.getOutputStream();
    }
}
