package org.smtpdoctor.probe;

/** Where a probe stood, in the order a session runs through them (shared vocabulary, DESIGN.md). */
public enum Phase {
    INPUT,
    DNS,
    CONNECT,
    GREETING,
    EHLO,
    STARTTLS,
    TLS_HANDSHAKE,
    AUTH,
    MAIL_FROM,
    RCPT_TO,
    DATA,
    END_OF_DATA,
    QUIT;
}
