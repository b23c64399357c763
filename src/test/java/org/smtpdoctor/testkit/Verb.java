package org.smtpdoctor.testkit;

import org.smtpdoctor.probe.Phase;

/**
 * What a {@link FakeSmtpServer} script can react to: the SMTP commands it implements plus three moments that are not
 * commands: the greeting ({@link #GREETING}, right after connect), the TLS handshake ({@link #TLS_HANDSHAKE}, before
 * the server takes part in it: at connect with implicit TLS, after "220 Ready to start TLS" with STARTTLS; close,
 * reset, silence and delay make sense there) and the end of the message ({@link #END_OF_DATA}, after the lone ".").
 */
public enum Verb {
    GREETING, EHLO, HELO, STARTTLS, TLS_HANDSHAKE, AUTH, MAIL, RCPT, DATA, END_OF_DATA, RSET, NOOP, VRFY, QUIT;

    /** The verb whose reply decides the given probe phase, for "one test per phase" tables. */
    public static Verb of(Phase phase) {
        switch (phase) {
            case GREETING: return GREETING;
            case EHLO: return EHLO;
            case STARTTLS: return STARTTLS;
            case TLS_HANDSHAKE: return TLS_HANDSHAKE;
            case AUTH: return AUTH;
            case MAIL_FROM: return MAIL;
            case RCPT_TO: return RCPT;
            case DATA: return DATA;
            case END_OF_DATA: return END_OF_DATA;
            case QUIT: return QUIT;
            default: throw new IllegalArgumentException("no SMTP reply decides the phase " + phase);
        }
    }
}
