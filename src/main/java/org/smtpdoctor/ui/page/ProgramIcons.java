package org.smtpdoctor.ui.page;

import java.util.Locale;
import javafx.scene.control.Label;
import org.smtpdoctor.clients.MailClient;

/**
 * Recognisable marks for the mail programs, drawn with text and CSS (brand-like colours and shapes from the
 * stylesheet) so they scale with the zoom and need no image files.
 */
public final class ProgramIcons {

    private ProgramIcons() {
    }

    public static Label icon(MailClient program) {
        Label icon = new Label(glyph(program));
        icon.getStyleClass().addAll("program-icon", "program-icon-" + program.name().toLowerCase(Locale.ROOT)
                .replace('_', '-'));
        icon.setMinSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        return icon;
    }

    private static String glyph(MailClient program) {
        return switch (program) {
            case OUTLOOK_CLASSIC, OUTLOOK_NEW -> "O";
            case THUNDERBIRD -> "T";
            case GMAIL_ANDROID -> "M";
            case APPLE_MAIL, IOS_MAIL -> "✉";
            case OTHER -> "@";
        };
    }
}
