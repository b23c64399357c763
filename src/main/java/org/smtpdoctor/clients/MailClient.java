package org.smtpdoctor.clients;

import java.util.Locale;

/**
 * The mail programs SMTP Doctor speaks the language of. A diagnosis names a {@link org.smtpdoctor.settings.Setting};
 * the user changes it in one of these programs, where it has its own name and place ({@link ClientGuide}).
 */
public enum MailClient {
    /** Outlook for Windows, the classic desktop program (Microsoft 365 / Office 2016-2024). */
    OUTLOOK_CLASSIC("outlookClassic"),
    /** The new Outlook for Windows (successor of Windows Mail). */
    OUTLOOK_NEW("outlookNew"),
    THUNDERBIRD("thunderbird"),
    /** Mail on macOS. */
    APPLE_MAIL("appleMail"),
    /** Mail on iPhone and iPad. */
    IOS_MAIL("iosMail"),
    /** The Gmail app on Android with a non-Google (IMAP/POP) account. */
    GMAIL_ANDROID("gmailAndroid"),
    /** Any other program: neutral words. */
    OTHER("other");

    private final String key;

    MailClient(String key) {
        this.key = key;
    }

    /** The part of message keys that names this client ({@code clients.thunderbird.port.field}). */
    String key() {
        return key;
    }

    /** The name people know the program by, in the default locale ("Thunderbird", "Outlook (classic)"). */
    public String displayName() {
        return displayName(Locale.getDefault());
    }

    public String displayName(Locale locale) {
        return new ClientGuide(locale).displayName(this);
    }

    /** Parses the JSON / command-line form, also with hyphens ({@code outlook-new}). */
    public static MailClient parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (MailClient c : values()) {
            if (c.name().equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown mail program '" + text + "': use one of outlook_classic, "
                + "outlook_new, thunderbird, apple_mail, ios_mail, gmail_android, other");
    }
}
