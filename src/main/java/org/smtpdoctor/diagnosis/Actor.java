package org.smtpdoctor.diagnosis;

/** Who has to act on a diagnosis. */
public enum Actor {
    /** The person at the mail client. */
    YOU,
    /** The organisation's mail administrator (e.g. a Microsoft 365 admin). */
    ADMIN,
    /** The mail provider or server operator. */
    PROVIDER,
    /** Nobody: it works, or time will fix it. */
    NOBODY;
}
