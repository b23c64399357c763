package org.smtpdoctor.probe;

/** A service recognised on a port that does not speak SMTP. */
public enum OtherService {
    HTTP,
    IMAP,
    POP3,
    SSH,
    FTP,
    /** Something answered, but nothing we recognise. */
    UNKNOWN
}
