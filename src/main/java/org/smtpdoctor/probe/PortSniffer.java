package org.smtpdoctor.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Quick checks on a second connection to the same port, run when the first connection shows a symptom: does the
 * port speak TLS, what is its first line, does it answer like a web server, what does it offer after STARTTLS.
 * Nothing secret is ever sent here, so certificates are accepted without checking.
 */
final class PortSniffer {

    /** What a TLS handshake attempt showed. */
    enum TlsVerdict {
        /** The handshake finished, or the server sent TLS records (certificate, alert). */
        TLS,
        /** The server answered with something that is not TLS. */
        NOT_TLS,
        /** No answer in time, or the connection was closed. */
        NO_ANSWER
    }

    record TlsSniff(TlsVerdict verdict, String protocol) {
    }

    /** The first line a port sent; {@code silent} when it sent nothing in time (rather than closing). */
    record LineSniff(Optional<String> line, boolean silent) {
    }

    /**
     * A plain-text session on a second connection: its first line, and when that was an SMTP greeting, what EHLO
     * offered and, when STARTTLS was offered, what EHLO offered inside TLS.
     */
    record PlainLook(LineSniff first, Optional<Capabilities> capabilities, Optional<Capabilities> afterTls) {

        static PlainLook of(LineSniff first) {
            return new PlainLook(first, Optional.empty(), Optional.empty());
        }
    }

    static final String HTTP_PROBE = "HEAD / HTTP/1.0";

    private final Connections connections;
    private final InetSocketAddress target;
    private final String host;
    private final Duration connectTimeout;

    PortSniffer(Connections connections, InetSocketAddress target, String host, Duration connectTimeout) {
        this.connections = connections;
        this.target = target;
        this.host = host;
        this.connectTimeout = connectTimeout;
    }

    private Socket connect(Duration readTimeout) throws IOException {
        Socket s = connections.register(new LimitedSocket());
        s.setTcpNoDelay(true);
        s.connect(target, (int) Math.max(1, connectTimeout.toMillis()));
        s.setSoTimeout((int) Math.max(1, readTimeout.toMillis()));
        return s;
    }

    /** Tries a TLS handshake; the verdict says whether anything TLS came back. */
    TlsSniff tryTls(Duration timeout) {
        Socket plain = null;
        AcceptingTrustManager tm = new AcceptingTrustManager();
        try {
            plain = connect(timeout);
            SSLSocket ssl = connections.register((SSLSocket) context(tm).getSocketFactory()
                    .createSocket(plain, host, target.getPort(), true));
            ssl.startHandshake();
            String protocol = ssl.getSession().getProtocol();
            connections.close(ssl);
            return new TlsSniff(TlsVerdict.TLS, protocol);
        } catch (SSLHandshakeException e) {
            boolean io = Causes.has(e, EOFException.class) || Causes.has(e, SocketException.class)
                    || Causes.has(e, SocketTimeoutException.class);
            return new TlsSniff(tm.called || !io ? TlsVerdict.TLS : TlsVerdict.NO_ANSWER, "");
        } catch (SSLException e) {
            return new TlsSniff(tm.called ? TlsVerdict.TLS : TlsVerdict.NOT_TLS, "");
        } catch (IOException | GeneralSecurityException e) {
            return new TlsSniff(tm.called ? TlsVerdict.TLS : TlsVerdict.NO_ANSWER, "");
        } finally {
            connections.close(plain);
        }
    }

    /**
     * Reads the port's first line within {@code bannerWait}; when it stays silent and {@code httpWait} is positive,
     * sends {@value #HTTP_PROBE} and reads the answer (a web server answers {@code HTTP/1.x}).
     */
    LineSniff firstLine(Duration bannerWait, Duration httpWait) {
        return look(bannerWait, httpWait, null, Duration.ZERO).first();
    }

    /**
     * {@link #firstLine}, and when the first line is an SMTP greeting ({@code 220}), goes on in the same session:
     * EHLO, and STARTTLS and EHLO again when offered, each reply within {@code timeout}. Nothing secret is sent.
     */
    PlainLook look(Duration bannerWait, Duration httpWait, String ehloName, Duration timeout) {
        Socket s = null;
        try {
            s = connect(bannerWait.isZero() ? httpWait : bannerWait);
            InputStream in = new BufferedInputStream(s.getInputStream());
            if (!bannerWait.isZero()) {
                try {
                    Optional<String> line = readLine(in);
                    LineSniff first = new LineSniff(line, false);
                    if (ehloName == null || line.isEmpty() || !line.get().startsWith("220")) {
                        return PlainLook.of(first);
                    }
                    s.setSoTimeout((int) Math.max(1, timeout.toMillis()));
                    return ehlo(s, in, line.get(), ehloName, first);
                } catch (SocketTimeoutException e) {
                    if (httpWait.isZero()) {
                        return PlainLook.of(new LineSniff(Optional.empty(), true));
                    }
                }
            }
            OutputStream out = s.getOutputStream();
            out.write((HTTP_PROBE + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout((int) Math.max(1, httpWait.toMillis()));
            try {
                return PlainLook.of(new LineSniff(readLine(in), !bannerWait.isZero()));
            } catch (SocketTimeoutException e) {
                return PlainLook.of(new LineSniff(Optional.empty(), true));
            }
        } catch (IOException e) {
            return PlainLook.of(new LineSniff(Optional.empty(), false));
        } finally {
            connections.close(s);
        }
    }

    /** After a 220 first line: the rest of the greeting, EHLO, and STARTTLS with EHLO again when offered. */
    private PlainLook ehlo(Socket plain, InputStream in, String firstLine, String ehloName, LineSniff first) {
        Optional<Capabilities> caps = Optional.empty();
        try {
            if (firstLine.length() > 3 && firstLine.charAt(3) == '-') {
                readReply(in);
            }
            OutputStream out = plain.getOutputStream();
            command(out, "EHLO " + ehloName);
            caps = Reply.parse(readReply(in)).filter(r -> r.code() == 250).map(Capabilities::fromEhloReply);
            if (caps.isEmpty() || !caps.get().startTls()) {
                command(out, "QUIT");
                return new PlainLook(first, caps, Optional.empty());
            }
            command(out, "STARTTLS");
            if (code(readReply(in)) != 220) {
                return new PlainLook(first, caps, Optional.empty());
            }
            return new PlainLook(first, caps, ehloInsideTls(plain, ehloName));
        } catch (IOException | GeneralSecurityException e) {
            return new PlainLook(first, caps, Optional.empty());
        }
    }

    /**
     * A second session that goes only as far as STARTTLS and EHLO, to learn what the server offers inside TLS
     * (is AUTH offered only after STARTTLS?). Empty when any step fails.
     */
    Optional<Capabilities> capabilitiesAfterStartTls(String ehloName, Duration timeout) {
        Socket plain = null;
        try {
            plain = connect(timeout);
            InputStream in = new BufferedInputStream(plain.getInputStream());
            OutputStream out = plain.getOutputStream();
            if (code(readReply(in)) != 220) {
                return Optional.empty();
            }
            command(out, "EHLO " + ehloName);
            if (code(readReply(in)) != 250) {
                return Optional.empty();
            }
            command(out, "STARTTLS");
            if (code(readReply(in)) != 220) {
                return Optional.empty();
            }
            return ehloInsideTls(plain, ehloName);
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        } finally {
            connections.close(plain);
        }
    }

    /** After the server's 220 to STARTTLS: the handshake (any certificate), EHLO inside TLS, and QUIT. */
    private Optional<Capabilities> ehloInsideTls(Socket plain, String ehloName)
            throws IOException, GeneralSecurityException {
        SSLSocket ssl = connections.register((SSLSocket) context(new AcceptingTrustManager()).getSocketFactory()
                .createSocket(plain, host, target.getPort(), true));
        ssl.startHandshake();
        InputStream in = new BufferedInputStream(ssl.getInputStream());
        OutputStream out = ssl.getOutputStream();
        command(out, "EHLO " + ehloName);
        Optional<Capabilities> caps = Reply.parse(readReply(in)).filter(r -> r.code() == 250)
                .map(Capabilities::fromEhloReply);
        command(out, "QUIT");
        connections.close(ssl);
        return caps;
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static int code(String reply) {
        return Reply.parse(reply).map(Reply::code).orElse(-1);
    }

    private static String readReply(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Limits.LINES_PER_REPLY; i++) {
            Optional<String> line = readLine(in);
            if (line.isEmpty()) {
                throw new EOFException();
            }
            String l = line.get();
            sb.append(l).append('\n');
            if (l.length() < 4 || l.charAt(3) != '-') {
                break;
            }
        }
        return sb.toString();
    }

    /** One line without its CR LF, at most {@link Limits#BYTES_PER_REPLY_LINE} bytes; empty at end of stream. */
    private static Optional<String> readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n' || buf.size() >= Limits.BYTES_PER_REPLY_LINE) {
                break;
            }
            if (b != '\r') {
                buf.write(b);
            }
        }
        if (b == -1 && buf.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(buf.toString(StandardCharsets.UTF_8));
    }

    private static SSLContext context(TrustManager tm) throws GeneralSecurityException {
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, new TrustManager[] {tm}, new SecureRandom());
        return c;
    }

    /** Accepts any certificate: used only on connections that carry no secret, to learn facts. */
    private static final class AcceptingTrustManager implements X509TrustManager {
        volatile boolean called;

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // never used: this side is the client
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            called = true;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
