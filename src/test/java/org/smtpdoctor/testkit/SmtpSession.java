package org.smtpdoctor.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLSocket;
import org.smtpdoctor.testkit.FakeSmtpServer.Config;

/** One connection to a {@link FakeSmtpServer}: the SMTP state machine, the script, the recording. */
final class SmtpSession implements Session {

    private static final int MAX_LINE = 1 << 20;
    private static final String NOT_TLS_YET = "530 5.7.0 Must issue a STARTTLS command first";

    /** The normal handling of a command; false when the connection is over. */
    @FunctionalInterface
    private interface Step {
        boolean run(Command command) throws IOException, InterruptedException;
    }

    /** The client cancelled an AUTH exchange with "*". */
    private static final class AuthCancelled extends Exception {
    }

    private final Config config;
    private final Socket raw;
    private final ConnectionLog log;
    private final Consumer<ReceivedMessage> inbox;
    private final Map<String, Integer> counts = new HashMap<>();
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean tls;
    private boolean helloSeen;
    private boolean authenticated;
    private String mailFrom;
    private final List<String> recipients = new ArrayList<>();

    SmtpSession(Config config, Socket raw, ConnectionLog log, Consumer<ReceivedMessage> inbox) {
        this.config = config;
        this.raw = raw;
        this.socket = raw;
        this.log = log;
        this.inbox = inbox;
    }

    void run() {
        try {
            raw.setSoTimeout((int) config.idleTimeout().toMillis());
            raw.setTcpNoDelay(true);
            useStreams(raw);
            if (config.transport() == FakeSmtpServer.Transport.IMPLICIT_TLS && !startTls()) {
                return;
            }
            if (config.blackHole()) {
                drain();
            } else if (config.impersonation() != null) {
                impersonate();
            } else {
                converse();
            }
        } catch (IOException e) {
            // the client went away, a read timed out, or the server is closing: the connection is over
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(socket);
            closeQuietly(raw);
            log.end();
        }
    }

    /** Drops the connection at once (server shutdown). */
    void abort() {
        closeQuietly(raw);
    }

    private void converse() throws IOException, InterruptedException {
        if (talksFirst()) {
            reply(config.earlyTalkerReply());
            return;
        }
        if (!perform(Command.moment(Verb.GREETING), command -> {
            reply("220 " + config.serverName() + " ESMTP ready");
            return true;
        })) {
            return;
        }
        String line;
        while ((line = readLine()) != null) {
            Command command = Command.parse(line);
            log.command(command);
            if (!perform(command, this::handle)) {
                return;
            }
        }
    }

    /** Whether the client sent anything during the {@link FakeSmtpServer.Builder#greetAfter greeting pause}. */
    private boolean talksFirst() throws IOException {
        if (config.greetPause().isZero()) {
            return false;
        }
        if (config.pregreetLine() != null) {
            write(List.of(config.pregreetLine()));
        }
        raw.setSoTimeout((int) Math.max(1, config.greetPause().toMillis()));
        try {
            if (in.read() == -1) {
                throw new EOFException("the client left during the greeting pause");
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            raw.setSoTimeout((int) config.idleTimeout().toMillis());
        }
    }

    /** Runs the script for a command (or the normal handling); false when the connection is over. */
    private boolean perform(Command command, Step normal) throws IOException, InterruptedException {
        counts.merge(command.verb(), 1, Integer::sum);
        FakeSmtpServer.Hook hook = config.hook(command.verb());
        Action action = hook == null ? Action.proceed() : hook.handle(command, this);
        pause(action.delay());
        boolean open;
        if (action.isProceed()) {
            open = normal.run(command);
        } else {
            reply(action.lines());
            open = true;
        }
        if (!open) {
            return false;
        }
        switch (action.ending()) {
            case SILENCE:
                drain();
                return false;
            case CLOSE:
                return false;
            case RESET:
                raw.setSoLinger(true, 0);
                closeQuietly(raw);
                return false;
            default:
                return true;
        }
    }

    private boolean handle(Command command) throws IOException, InterruptedException {
        switch (command.verb()) {
            case "EHLO":
                return hello(command, true);
            case "HELO":
                return hello(command, false);
            case "STARTTLS":
                return starttls();
            case "AUTH":
                return auth(command.argument().trim());
            case "MAIL":
                return mail(command.argument());
            case "RCPT":
                return rcpt(command.argument());
            case "DATA":
                return data();
            case "RSET":
                resetTransaction();
                return reply("250 2.0.0 Ok");
            case "NOOP":
                return reply("250 2.0.0 Ok");
            case "VRFY":
                return reply("252 2.0.0 Cannot VRFY user, but will accept message");
            case "QUIT":
                reply("221 2.0.0 Bye");
                return false;
            default:
                return reply("500 5.5.2 Syntax error, command unrecognized");
        }
    }

    private boolean hello(Command command, boolean extended) throws IOException, InterruptedException {
        if (command.argument().isBlank()) {
            return reply("501 5.5.4 Syntax: " + command.verb() + " hostname");
        }
        helloSeen = true;
        resetTransaction();
        List<String> items = new ArrayList<>();
        items.add(config.serverName() + " Hello " + command.argument().trim());
        if (extended) {
            items.addAll(tls ? config.extensionsAfterTls() : config.extensions());
            if (!tls && config.starttlsOffered()) {
                items.add("STARTTLS");
            }
            if (authAdvertised()) {
                items.add("AUTH " + String.join(" ", config.authMechanisms()));
            }
        }
        return reply(Replies.multiLine(250, items.toArray(String[]::new)));
    }

    private boolean authAdvertised() {
        return config.username() != null && (tls || config.authBeforeTls() && !config.requireTls());
    }

    private boolean starttls() throws IOException, InterruptedException {
        if (tls) {
            return reply("503 5.5.1 TLS already active");
        }
        if (config.starttlsRefusal() != null) {
            return reply(config.starttlsRefusal());
        }
        if (!config.starttlsOffered() || config.tlsContext() == null) {
            return reply("502 5.5.1 Unrecognized command");
        }
        reply("220 2.0.0 Ready to start TLS");
        return startTls();
    }

    private boolean startTls() throws IOException, InterruptedException {
        return perform(Command.moment(Verb.TLS_HANDSHAKE), command -> handshake());
    }

    private boolean handshake() throws IOException, InterruptedException {
        pause(config.tlsHandshakeDelay());
        if (LegacyTlsServer.needed(config.tlsProtocols(), config.tlsContext())) {
            log.tlsFailed(LegacyTlsServer.answer(config.tlsProtocols(), in, out));
            return false;
        }
        SSLSocket ssl = (SSLSocket) config.tlsContext().getSocketFactory()
                .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.setNeedClientAuth(config.demandClientCertificate());
        if (!config.tlsProtocols().isEmpty()) {
            ssl.setEnabledProtocols(config.tlsProtocols().toArray(String[]::new));
        }
        if (!config.tlsCipherSuites().isEmpty()) {
            ssl.setEnabledCipherSuites(config.tlsCipherSuites().toArray(String[]::new));
        }
        socket = ssl;
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            log.tlsFailed(e);
            return false;
        }
        useStreams(ssl);
        tls = true;
        helloSeen = false;
        authenticated = false;
        resetTransaction();
        log.tlsStarted(ssl.getSession().getProtocol(), ssl.getSession().getCipherSuite());
        return true;
    }

    private boolean auth(String argument) throws IOException, InterruptedException {
        if (argument.isEmpty()) {
            return reply("501 5.5.4 Syntax: AUTH mechanism");
        }
        if (!tls && (config.requireTls() || config.username() != null && !config.authBeforeTls())) {
            return reply(NOT_TLS_YET);
        }
        if (config.username() == null) {
            return reply("503 5.5.1 Error: authentication not enabled");
        }
        if (authenticated) {
            return reply("503 5.5.1 Error: already authenticated");
        }
        String[] parts = argument.split(" +", 2);
        String mechanism = parts[0].toUpperCase(Locale.ROOT);
        String initial = parts.length > 1 ? parts[1] : null;
        if (!config.authMechanisms().contains(mechanism)) {
            return reply("504 5.5.4 Unrecognized authentication type");
        }
        boolean accepted;
        try {
            switch (mechanism) {
                case "PLAIN":
                    accepted = plain(initial);
                    break;
                case "LOGIN":
                    accepted = login(initial);
                    break;
                case "CRAM-MD5":
                    accepted = cramMd5();
                    break;
                case "XOAUTH2":
                    accepted = xoauth2(initial);
                    break;
                default:
                    return reply("504 5.5.4 Unrecognized authentication type");
            }
        } catch (AuthCancelled e) {
            return reply("501 5.0.0 Authentication cancelled");
        } catch (IllegalArgumentException e) {
            return reply("501 5.5.2 Cannot decode response");
        }
        if (!accepted) {
            return reply(config.authFailure());
        }
        authenticated = true;
        log.authenticated(config.username());
        return reply("235 2.7.0 Authentication successful");
    }

    private boolean plain(String initial) throws IOException, InterruptedException, AuthCancelled {
        String[] fields = decode(initial != null ? initial : challenge("")).split("\0", -1);
        return fields.length == 3 && credentialsMatch(fields[1], fields[2]);
    }

    private boolean login(String initial) throws IOException, InterruptedException, AuthCancelled {
        String user = decode(initial != null ? initial : challenge(encode("Username:")));
        String password = decode(challenge(encode("Password:")));
        return credentialsMatch(user, password);
    }

    private boolean cramMd5() throws IOException, InterruptedException, AuthCancelled {
        String challenge = "<" + ThreadLocalRandom.current().nextInt(1 << 30) + "." + System.currentTimeMillis()
                + "@" + config.serverName() + ">";
        String response = decode(challenge(encode(challenge)));
        int space = response.lastIndexOf(' ');
        return space > 0 && config.username().equals(response.substring(0, space))
                && hmacMd5(config.secret(), challenge).equalsIgnoreCase(response.substring(space + 1));
    }

    /** As Gmail does it: a failure first gets a 334 with a JSON error, then the failure reply after the client's "". */
    private boolean xoauth2(String initial) throws IOException, InterruptedException, AuthCancelled {
        String user = null;
        String token = null;
        for (String field : decode(initial != null ? initial : challenge("")).split("\u0001")) {
            if (field.startsWith("user=")) {
                user = field.substring("user=".length());
            } else if (field.startsWith("auth=Bearer ")) {
                token = field.substring("auth=Bearer ".length());
            }
        }
        if (user != null && token != null && credentialsMatch(user, token)) {
            return true;
        }
        challenge(encode("{\"status\":\"400\",\"schemes\":\"Bearer\",\"scope\":\"https://mail.google.com/\"}"));
        return false;
    }

    private boolean credentialsMatch(String user, String secret) {
        return config.username().equals(user) && config.secret().equals(secret);
    }

    /** Sends "334 text" and returns the client's answer. */
    private String challenge(String text) throws IOException, InterruptedException, AuthCancelled {
        reply("334 " + text);
        String answer = readLine();
        if (answer == null) {
            throw new EOFException("client left during AUTH");
        }
        if (answer.equals("*")) {
            throw new AuthCancelled();
        }
        return answer;
    }

    private boolean mail(String argument) throws IOException, InterruptedException {
        if (config.requireTls() && !tls) {
            return reply(NOT_TLS_YET);
        }
        if (config.requireAuth() && !authenticated) {
            return reply("530 5.7.0 Authentication required");
        }
        if (!helloSeen) {
            return reply("503 5.5.1 Error: send HELO/EHLO first");
        }
        if (mailFrom != null) {
            return reply("503 5.5.1 Error: nested MAIL command");
        }
        String address = address(argument, "FROM:");
        if (address == null) {
            return reply("501 5.5.4 Syntax: MAIL FROM:<address>");
        }
        mailFrom = address;
        return reply("250 2.1.0 Ok");
    }

    private boolean rcpt(String argument) throws IOException, InterruptedException {
        if (mailFrom == null) {
            return reply("503 5.5.1 Error: need MAIL command");
        }
        String address = address(argument, "TO:");
        if (address == null) {
            return reply("501 5.5.4 Syntax: RCPT TO:<address>");
        }
        recipients.add(address);
        return reply("250 2.1.5 Ok");
    }

    private boolean data() throws IOException, InterruptedException {
        if (recipients.isEmpty()) {
            return reply("503 5.5.1 Error: need RCPT command");
        }
        reply("354 End data with <CR><LF>.<CR><LF>");
        StringBuilder content = new StringBuilder();
        String line;
        while (!".".equals(line = readRawLine())) {
            if (line == null) {
                return false;
            }
            content.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        inbox.accept(new ReceivedMessage(log.number(), mailFrom, recipients, content.toString()));
        resetTransaction();
        return perform(Command.moment(Verb.END_OF_DATA),
                command -> reply("250 2.0.0 Ok: queued as FAKE" + log.number()));
    }

    private void resetTransaction() {
        mailFrom = null;
        recipients.clear();
    }

    private static String address(String argument, String prefix) {
        String trimmed = argument.trim();
        if (!trimmed.toUpperCase(Locale.ROOT).startsWith(prefix)) {
            return null;
        }
        String rest = trimmed.substring(prefix.length()).trim();
        if (rest.startsWith("<")) {
            int end = rest.indexOf('>');
            return end < 0 ? null : rest.substring(1, end);
        }
        return rest.isEmpty() ? null : rest.split(" ", 2)[0];
    }

    private void impersonate() throws IOException, InterruptedException {
        switch (config.impersonation()) {
            case HTTP:
                byte[] request = new byte[8192];
                int length = in.read(request);
                if (length > 0) {
                    String first = new String(request, 0, length, StandardCharsets.ISO_8859_1).split("\r?\n", 2)[0];
                    log.received(first, tls);
                    String body = "<html><body><h1>400 Bad Request</h1></body></html>\r\n";
                    reply("HTTP/1.1 400 Bad Request", "Server: nginx", "Content-Type: text/html",
                            "Content-Length: " + body.length(), "Connection: close", "", body.strip());
                }
                return;
            case IMAP:
                answerEveryLine("* OK [CAPABILITY IMAP4rev1] ready", null);
                return;
            case POP3:
                answerEveryLine("+OK POP3 ready", "-ERR Unknown command.");
                return;
            case FTP:
                answerEveryLine("220 (vsFTPd 3.0.5)", "530 Please login with USER and PASS.");
                return;
            case SSH:
                reply("SSH-2.0-OpenSSH_9.6");
                if (readLine() != null) {
                    reply("Invalid SSH identification string.");
                }
                return;
            default:
                throw new IllegalStateException("cannot impersonate " + config.impersonation());
        }
    }

    /** A banner, then one answer per line; a null answer means IMAP's "tag BAD ...". */
    private void answerEveryLine(String banner, String answer) throws IOException, InterruptedException {
        reply(banner);
        String line;
        while ((line = readLine()) != null) {
            String tag = line.isBlank() ? "*" : line.trim().split(" ", 2)[0];
            reply(answer != null ? answer : tag + " BAD Error in IMAP command received by server.");
        }
    }

    /** Reads and discards until the client leaves, the idle timeout passes or the server closes. */
    private void drain() throws IOException {
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // discard
            }
        } catch (SocketTimeoutException e) {
            // idle long enough
        }
    }

    private boolean reply(String text) throws IOException, InterruptedException {
        return reply(Action.reply(text).lines());
    }

    private void reply(String... lines) throws IOException, InterruptedException {
        reply(List.of(lines));
    }

    private boolean reply(List<String> lines) throws IOException, InterruptedException {
        pause(config.replyDelay());
        write(lines);
        return true;
    }

    private void write(List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        log.replied(lines);
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String readRawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private void useStreams(Socket current) throws IOException {
        in = new BufferedInputStream(current.getInputStream());
        out = current.getOutputStream();
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isZero() && !duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String base64) {
        return base64.equals("=") ? "" : new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    }

    private static String hmacMd5(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no HmacMD5", e);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    // --- Session, for hooks ---

    @Override
    public int connectionNumber() {
        return log.number();
    }

    @Override
    public boolean isTls() {
        return tls;
    }

    @Override
    public boolean isAuthenticated() {
        return authenticated;
    }

    @Override
    public int count(Verb verb) {
        return counts.getOrDefault(verb.name(), 0);
    }

    @Override
    public ConnectionLog log() {
        return log;
    }

    @Override
    public void send(String... lines) throws IOException {
        write(Action.reply(lines).lines());
    }

    @Override
    public String readLine() throws IOException {
        String line = readRawLine();
        if (line != null) {
            log.received(line, tls);
        }
        return line;
    }
}
