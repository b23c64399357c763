package org.smtpdoctor.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One mail server as users meet it from outside, on loopback: a relay port (plain text, no STARTTLS, no sign-in, like
 * port 25), a submission port (STARTTLS, sign-in after TLS, like 587) and an implicit-TLS port (like 465), each
 * answering in the words of a real MTA ({@link Mta}). Mail to other domains is passed on only for a signed-in
 * client; a signed-in client may send only as its own address (where the MTA checks that).
 *
 * <p>For tests that stage a misconfiguration, let SMTP Doctor diagnose it, apply the advice and try again.
 */
public final class StagedMailServer implements AutoCloseable {

    public static final String DOMAIN = "example.test";
    public static final String USER = "alice@example.test";
    public static final String PASSWORD = "s3cret";
    public static final String EXTERNAL_RECIPIENT = "bob@example.net";

    /**
     * How each MTA words its replies, from their sources: Postfix (smtpd_check.c: "Relay access denied",
     * reject_sender_login_mismatch "Sender address rejected: not owned by user"), Exim (default configure ACL
     * "relay not permitted"), OpenSMTPD (smtp_session.c: "Invalid recipient: &lt;x&gt;" after a failed expansion,
     * "530 Sender rejected" after a failed sender check, "235 2.0.0 Authentication succeeded") and Haraka
     * (connection.js rcpt_respond: "I cannot deliver mail for &lt;x&gt;").
     */
    public enum Mta {
        POSTFIX("220 mail.example.test ESMTP Postfix (Debian/GNU)", "235 2.7.0 Authentication successful",
                "535 5.7.8 Error: authentication failed: authentication failure"),
        EXIM("220 mail.example.test ESMTP Exim 4.96 Sun, 06 Dec 2026 05:00:00 +0000",
                "235 Authentication succeeded", "535 Incorrect authentication data"),
        OPENSMTPD("220 mail.example.test ESMTP OpenSMTPD", "235 2.0.0 Authentication succeeded",
                "535 Authentication failed"),
        HARAKA("220 mail.example.test ESMTP Haraka/3.0.3 ready", "235 2.7.0 Authentication successful",
                "535 5.7.8 Authentication failed");

        private final String greeting;
        private final String authOk;
        private final String authFailed;

        Mta(String greeting, String authOk, String authFailed) {
            this.greeting = greeting;
            this.authOk = authOk;
            this.authFailed = authFailed;
        }

        /** The refusal of a recipient in another domain from a client that has not signed in. */
        public String relayDenied(String recipient) {
            return switch (this) {
                case POSTFIX -> "554 5.7.1 <" + recipient + ">: Relay access denied";
                case EXIM -> "550 relay not permitted";
                case OPENSMTPD -> "550 Invalid recipient: <" + recipient + ">";
                case HARAKA -> "550 I cannot deliver mail for <" + recipient + ">";
            };
        }

        /** The refusal of a sender address the signed-in user does not own, or null where the MTA does not check. */
        public String senderNotOwned(String sender, String user) {
            return switch (this) {
                case POSTFIX -> "553 5.7.1 <" + sender + ">: Sender address rejected: not owned by user " + user;
                case OPENSMTPD -> "530 Sender rejected";
                case EXIM, HARAKA -> null;
            };
        }

        /** Postfix delays its sender rejection to RCPT TO (smtpd_delay_reject=yes); OpenSMTPD answers MAIL FROM. */
        boolean rejectsSenderAtRcpt() {
            return this == POSTFIX;
        }

        public String authOk() {
            return authOk;
        }

        public String authFailed() {
            return authFailed;
        }
    }

    /** What the relay port offers: see {@link Builder#relayPort}. */
    public enum RelayPort { PLAIN, STARTTLS_NO_SIGN_IN, STARTTLS_THEN_SIGN_IN }

    private final Mta mta;
    private final FakeSmtpServer relay;
    private final FakeSmtpServer submission;
    private final FakeSmtpServer implicitTls;

    private StagedMailServer(Builder b) {
        this.mta = b.mta;
        ServerIdentity id = TestCertificates.forNames("127.0.0.1", "localhost");
        FakeSmtpServer.Builder rel = policies(FakeSmtpServer.builder().greeting(mta.greeting));
        switch (b.relayPort) {
            case PLAIN -> { }
            case STARTTLS_NO_SIGN_IN -> rel.starttls(id);
            case STARTTLS_THEN_SIGN_IN -> rel.starttls(id).auth(USER, PASSWORD, b.mechanisms.toArray(String[]::new))
                    .authOnlyAfterTls().authFailure(mta.authFailed);
        }
        this.relay = rel.start();
        FakeSmtpServer.Builder sub = policies(FakeSmtpServer.builder().greeting(mta.greeting).starttls(id)
                .auth(USER, PASSWORD, b.mechanisms.toArray(String[]::new)).authOnlyAfterTls()
                .authFailure(mta.authFailed));
        FakeSmtpServer.Builder tls = policies(FakeSmtpServer.builder().greeting(mta.greeting).implicitTls(id)
                .auth(USER, PASSWORD, b.mechanisms.toArray(String[]::new)).authFailure(mta.authFailed));
        if (b.acceptsBeforeCredentials) {
            sub.reply(Verb.AUTH, mta.authOk);
            tls.reply(Verb.AUTH, mta.authOk);
        }
        this.submission = sub.start();
        this.implicitTls = tls.start();
    }

    public static Builder builder(Mta mta) {
        return new Builder(mta);
    }

    public Mta mta() {
        return mta;
    }

    public String host() {
        return "127.0.0.1";
    }

    public FakeSmtpServer relay() {
        return relay;
    }

    public FakeSmtpServer submission() {
        return submission;
    }

    public FakeSmtpServer implicitTls() {
        return implicitTls;
    }

    /** Every line any of its ports received, for "no credential went out" assertions. */
    public List<String> allLines() {
        return java.util.stream.Stream.of(relay, submission, implicitTls)
                .flatMap(s -> s.allLines().stream()).toList();
    }

    private FakeSmtpServer.Builder policies(FakeSmtpServer.Builder builder) {
        return builder.serverName("mail." + DOMAIN)
                .on(Verb.MAIL, (command, session) -> {
                    String refusal = senderRefusal(address(command.argument()), session);
                    return refusal != null && !mta.rejectsSenderAtRcpt() ? Action.reply(refusal) : Action.proceed();
                })
                .on(Verb.RCPT, (command, session) -> {
                    String recipient = address(command.argument());
                    if (!session.isAuthenticated() && !recipient.toLowerCase(Locale.ROOT).endsWith("@" + DOMAIN)) {
                        return Action.reply(mta.relayDenied(recipient));
                    }
                    String refusal = mta.rejectsSenderAtRcpt() ? senderRefusal(lastSender(session), session) : null;
                    return refusal != null ? Action.reply(refusal) : Action.proceed();
                });
    }

    private String senderRefusal(String sender, Session session) {
        if (!session.isAuthenticated() || sender == null || sender.equalsIgnoreCase(USER)) {
            return null;
        }
        return mta.senderNotOwned(sender, USER);
    }

    private static String lastSender(Session session) {
        List<Command> commands = session.log().commands();
        for (int i = commands.size() - 1; i >= 0; i--) {
            if (commands.get(i).is(Verb.MAIL)) {
                return address(commands.get(i).argument());
            }
        }
        return null;
    }

    private static String address(String argument) {
        int lt = argument.indexOf('<');
        int gt = argument.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? argument.substring(lt + 1, gt) : argument.replaceFirst("(?i)^(FROM|TO):", "")
                .trim();
    }

    @Override
    public void close() {
        relay.close();
        submission.close();
        implicitTls.close();
    }

    /** Which sign-in mechanisms it offers, and whether it misbehaves. */
    public static final class Builder {
        private final Mta mta;
        private List<String> mechanisms = List.of("PLAIN", "LOGIN");
        private boolean acceptsBeforeCredentials;
        private RelayPort relayPort = RelayPort.PLAIN;

        private Builder(Mta mta) {
            this.mta = Objects.requireNonNull(mta);
        }

        /** The SASL mechanisms offered after TLS (PLAIN and LOGIN by default). */
        public Builder mechanisms(String... names) {
            this.mechanisms = List.of(names);
            return this;
        }

        /** Answers AUTH with a success at once, before any credential: a broken or hostile server. */
        public Builder acceptsBeforeCredentials() {
            this.acceptsBeforeCredentials = true;
            return this;
        }

        /**
         * What the relay port offers besides plain text: STARTTLS without sign-in (Postfix's port 25 with
         * {@code smtpd_tls_security_level = may}), or STARTTLS with sign-in once encrypted.
         */
        public Builder relayPort(RelayPort offer) {
            this.relayPort = Objects.requireNonNull(offer);
            return this;
        }

        public StagedMailServer start() {
            return new StagedMailServer(this);
        }
    }
}
