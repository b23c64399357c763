package org.smtpdoctor.ui;

/** The mail programs the wizard knows by name (placeholder until clients.MailClient lands). */
public enum MailProgram {
    OUTLOOK_CLASSIC,
    OUTLOOK_NEW,
    THUNDERBIRD,
    APPLE_MAIL,
    IOS_MAIL,
    GMAIL_ANDROID,
    OTHER
}
