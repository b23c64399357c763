package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A real error message reads the same however it was copied: through a web page (no-break spaces, curly quotes, HTML
 * escapes), a word processor, a chat (a Markdown code block), a terminal's log (colour codes), an e-mail reply (quote
 * marks) or a program's log, which stamps each line with its date, time and level. Before
 * {@code PastedText}, a no-break space instead of the spaces changed the answer for 943 of the 3,798 train records and
 * 432 of the 2,530 fresh ones (760 and 295 of them from right to wrong); HTML escapes 38 and 12, curly quotes 23 and
 * 9, an e-mail reply's marks 18 and 7, a code block 3 and 0; terminal colour codes around each line 95 of train. A log's
 * stamp ("2024-05-01 10:11:12,345 ERROR ") before each line changed 23 train and 13 fresh answers (11 and 4 right to
 * wrong) before the reader left stamps out; a logger's and a thread's name in brackets after the stamp ("[com.acme.notify
 * .MailSender] (worker-3) ") changed 110 train answers (64 right to wrong) before the reader left them out too; the
 * service name {@code docker compose logs} puts before each line ("app-mailer-1  | ") 51 (24); a level in capitals and a
 * logger's dotted name before a colon ("ERROR app.mail: ", after a stamp or not) 57 (28) until the twentieth session.
 */
class CopiedTextProperties {

    private static final Diagnoser DIAGNOSER = new Diagnoser();

    /** The ways copying changes a text without changing its words. */
    private static final List<UnaryOperator<String>> COPYING = List.of(
            t -> t.replace(' ', '\u00a0'),
            t -> t.replace(" ", " \u200b"),
            t -> t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"),
            t -> t.replace("'", "\u2019").replaceAll("\"([^\"\\n]*)\"", "\u201c$1\u201d"),
            t -> t.replaceAll("(?m)^", "> "),
            t -> "```text\n" + t + "\n```",
            t -> t.replace("\n", "\r\n"),
            t -> t.replaceAll("(?m)^(.+)$", "\u001b[31m$1\u001b[0m"),
            t -> t.replaceAll("(?m)^(?=.)", "2024-05-01 10:11:12,345 ERROR "),
            t -> t.replaceAll("(?m)^(?=.)", "[2024-05-01T10:11:12.345Z] WARN: "),
            t -> t.replaceAll("(?m)^(?=.)", "2024-05-01 10:11:12,345 ERROR [com.acme.notify.MailSender] (worker-3) "),
            t -> t.replaceAll("(?m)^(?=.)", "app-mailer-1  | "),
            t -> t.replaceAll("(?m)^(?=.)", "ERROR app.mail: "),
            t -> t.replaceAll("(?m)^(?=.)", "2024-05-01 10:11:12 ERROR django.core.mail: "));

    @Provide
    Arbitrary<CorpusTest.Sample> records() throws Exception {
        return Arbitraries.of(CorpusTest.records());
    }

    @Provide
    Arbitrary<List<UnaryOperator<String>>> copying() {
        return Arbitraries.of(COPYING).list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 400)
    void copyingChangesNoAnswer(@ForAll("records") CorpusTest.Sample record,
            @ForAll("copying") List<UnaryOperator<String>> copies) {
        String copied = record.text();
        for (UnaryOperator<String> copy : copies) {
            copied = copy.apply(copied);
        }
        Diagnosis original = DIAGNOSER.explain(record.text(), record.context());
        Diagnosis again = DIAGNOSER.explain(copied, record.context());
        assertEquals(original.ruleId() + " " + original.setting(), again.ruleId() + " " + again.setting(),
                record.id() + " copied as: " + copied);
    }
}
