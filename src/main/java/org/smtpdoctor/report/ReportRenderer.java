package org.smtpdoctor.report;

import java.util.Locale;
import java.util.Optional;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.i18n.Messages;

/**
 * Turns a {@link ReportData} into a report a person can paste into a ticket or save: plain text ("Copy report"),
 * Markdown or self-contained HTML ("Save report…"). All three say the same things: the verdict, what to change in
 * the user's mail program's words, why, who acts, the steps with their durations, TLS facts, capabilities and the
 * redacted transcript. No password can appear: {@link ReportData} holds none, and AUTH payloads in a transcript are
 * redacted once more here.
 */
public final class ReportRenderer {

    static final String BUNDLE = "org.smtpdoctor.report.messages";

    /** The formats, with the file name extension a save dialog proposes. */
    public enum Format {
        PLAIN_TEXT("txt"),
        MARKDOWN("md"),
        HTML("html");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** The format a file name asks for by its extension (.md/.markdown, .html/.htm, .txt); empty for others. */
        public static Optional<Format> forFileName(String fileName) {
            String name = fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return Optional.of(HTML);
            }
            if (name.endsWith(".md") || name.endsWith(".markdown")) {
                return Optional.of(MARKDOWN);
            }
            return name.endsWith(".txt") ? Optional.of(PLAIN_TEXT) : Optional.empty();
        }
    }

    private final Locale locale;
    private final ReportModelBuilder builder;

    /** Reports in the default locale's language. */
    public ReportRenderer() {
        this(Locale.getDefault());
    }

    public ReportRenderer(Locale locale) {
        this.locale = locale;
        this.builder = new ReportModelBuilder(Messages.of(BUNDLE, locale), new ClientGuide(locale));
    }

    public String plainText(ReportData data) {
        return PlainTextWriter.write(builder.build(data));
    }

    public String markdown(ReportData data) {
        return MarkdownWriter.write(builder.build(data));
    }

    public String html(ReportData data) {
        return HtmlWriter.write(builder.build(data), locale);
    }

    public String render(ReportData data, Format format) {
        return switch (format) {
            case MARKDOWN -> markdown(data);
            case HTML -> html(data);
            case PLAIN_TEXT -> plainText(data);
        };
    }
}
