package org.smtpdoctor.probe;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport with its protocol hooks opened to the probe: every command, every reply, each EHLO/HELO
 * and STARTTLS passes through {@link Hooks}, which records the transcript (redacted), tracks the phase and may stop
 * the session with a {@link ProbeStop} before anything unwanted is sent.
 */
final class ProbeTransport extends SMTPTransport {

    /** A read of one reply, as Angus does it. */
    interface ReplyRead {
        int read() throws MessagingException;
    }

    /** What the probe wants to know and decide during the session. */
    interface Hooks {
        /** Before a command line goes out; may throw to keep it from being sent. */
        void beforeCommand(String command) throws MessagingException;

        /** Before a SASL continuation (base64 payload) goes out. */
        void beforeContinuation() throws MessagingException;

        /** Reads the greeting (the first reply), possibly waiting in steps. */
        int readGreeting(ReplyRead read) throws MessagingException;

        /** After each reply; may throw to stop when the reply crosses a limit. */
        void afterReply(int code, String response) throws MessagingException;

        /** After a successful EHLO ({@code extended}) or HELO; may throw to stop before STARTTLS or AUTH. */
        void afterHello(boolean extended, String response) throws MessagingException;

        /** After a refused EHLO: {@code true} lets Angus fall back to HELO. */
        void ehloRefused(int code) throws MessagingException;

        /** Before STARTTLS, also when Angus wants it after a 530 reply to AUTH. */
        void beforeStartTls() throws MessagingException;

        void afterStartTls() throws MessagingException;
    }

    private final Hooks hooks;
    private boolean greeted;

    ProbeTransport(Session session, URLName url, Hooks hooks) {
        super(session, url);
        this.hooks = hooks;
    }

    /** Sends one command line and reads the reply, through the hooks. */
    int command(String line) throws MessagingException {
        return simpleCommand(line);
    }

    /** Sends one line without reading a reply (message content after DATA), through the hooks. */
    synchronized void line(String line) throws MessagingException {
        sendCommand(line);
    }

    @Override
    protected void sendCommand(String cmd) throws MessagingException {
        hooks.beforeCommand(cmd);
        super.sendCommand(cmd);
    }

    @Override
    protected int simpleCommand(byte[] cmd) throws MessagingException {
        hooks.beforeContinuation();
        return super.simpleCommand(cmd);
    }

    @Override
    protected int readServerResponse() throws MessagingException {
        int code;
        if (greeted) {
            code = super.readServerResponse();
        } else {
            greeted = true;
            code = hooks.readGreeting(super::readServerResponse);
        }
        hooks.afterReply(code, getLastServerResponse());
        return code;
    }

    @Override
    protected boolean ehlo(String domain) throws MessagingException {
        boolean ok = super.ehlo(domain);
        if (ok) {
            hooks.afterHello(true, getLastServerResponse());
        } else {
            hooks.ehloRefused(getLastReturnCode());
        }
        return ok;
    }

    @Override
    protected void helo(String domain) throws MessagingException {
        super.helo(domain);
        hooks.afterHello(false, getLastServerResponse());
    }

    @Override
    protected void startTLS() throws MessagingException {
        hooks.beforeStartTls();
        super.startTLS();
        hooks.afterStartTls();
    }
}
