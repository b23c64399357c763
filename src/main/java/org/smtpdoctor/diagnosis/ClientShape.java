package org.smtpdoctor.diagnosis;

/**
 * Which program's wording a pasted error is in. Knowing the shape tells where the server's own reply sits inside
 * the text and what the wrapper words mean (Thunderbird's "check the message recipient" means the recipient step).
 */
public enum ClientShape {
    OUTLOOK,
    THUNDERBIRD,
    APPLE_MAIL,
    /** javax.mail / jakarta.mail / com.sun.mail / Angus exception text. */
    JAVA_MAIL,
    /** System.Net.Mail.SmtpException and Windows socket messages. */
    DOTNET,
    /** Python smtplib exceptions and socket errors. */
    PYTHON,
    PHP_MAILER,
    NODEMAILER,
    /** A mail server's log or bounce ("said: ... (in reply to RCPT TO command)"). */
    SERVER_LOG,
    /** msmtp, curl, swaks and similar command-line senders. */
    COMMAND_LINE,
    /** Only the server's reply itself, with no program around it. */
    RAW_REPLY,
    UNKNOWN;
}
