package org.smtpdoctor.report;

import java.util.Locale;
import org.smtpdoctor.probe.StepOutcome;
import org.smtpdoctor.report.ReportModel.Block;
import org.smtpdoctor.report.ReportModel.Field;
import org.smtpdoctor.report.ReportModel.Fields;
import org.smtpdoctor.report.ReportModel.Items;
import org.smtpdoctor.report.ReportModel.Paragraph;
import org.smtpdoctor.report.ReportModel.Preformatted;
import org.smtpdoctor.report.ReportModel.Section;
import org.smtpdoctor.report.ReportModel.StepRow;
import org.smtpdoctor.report.ReportModel.Steps;

/**
 * One self-contained HTML file (no scripts, no external resources) that opens in any browser and prints well.
 * Every text is escaped; the verdict is said in words and marked by class, never by colour alone.
 */
final class HtmlWriter {

    private static final String STYLE = String.join("\n",
            ":root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--ok:#1a7f37;--bad:#d1242f;--warn:#9a6700;",
            "--accent:#0969da;--code:#f6f8fa}",
            "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);margin:0}",
            "main{max-width:52rem;margin:0 auto;padding:2rem 1.25rem}",
            "h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.75rem 0 .5rem;",
            "border-bottom:1px solid var(--line);padding-bottom:.25rem}",
            ".meta{color:var(--muted);font-size:.9rem;margin:0}",
            "section.verdict{border-left:.4rem solid var(--accent);padding:.25rem 1rem;background:var(--code)}",
            "section.verdict-works{border-color:var(--ok)}section.verdict-fix_setting{border-color:var(--bad)}",
            "section.verdict-temporary,section.verdict-server_side{border-color:var(--warn)}",
            ".strong{font-size:1.15rem;font-weight:600}",
            "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}",
            "dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}",
            "table{border-collapse:collapse;width:100%}td{border-top:1px solid var(--line);padding:.3rem .5rem;",
            "vertical-align:top}td.time{text-align:right;white-space:nowrap}td.detail{font-family:ui-monospace,",
            "SFMono-Regular,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere}",
            ".mark-ok{color:var(--ok)}.mark-failed{color:var(--bad)}.mark-warning{color:var(--warn)}",
            "pre{background:var(--code);padding:.75rem;overflow-x:auto;font-size:.8rem;line-height:1.4;",
            "white-space:pre-wrap;overflow-wrap:anywhere}",
            "@media print{pre{white-space:pre-wrap}}");

    private HtmlWriter() {
    }

    static String write(ReportModel model, Locale locale) {
        String lang = locale.getLanguage().isEmpty() ? "en" : locale.toLanguageTag();
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(escape(lang)).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(model.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(escape(model.title())).append("</h1>\n");
        for (String m : model.meta()) {
            sb.append("<p class=\"meta\">").append(escape(m)).append("</p>\n");
        }
        for (Section section : model.sections()) {
            String cls = section.id().equals("verdict")
                    ? " class=\"verdict verdict-" + escape(model.verdictClass()) + "\"" : "";
            sb.append("<section id=\"").append(escape(section.id())).append('"').append(cls).append(">\n")
                    .append("<h2>").append(escape(section.heading())).append("</h2>\n");
            for (Block block : section.blocks()) {
                block(sb, block);
            }
            sb.append("</section>\n");
        }
        return sb.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void block(StringBuilder sb, Block block) {
        if (block instanceof Paragraph) {
            Paragraph p = (Paragraph) block;
            sb.append(p.strong() ? "<p class=\"strong\">" : "<p>")
                    .append(escape(p.text()).replace("\n", "<br>\n")).append("</p>\n");
        } else if (block instanceof Fields) {
            sb.append("<dl>\n");
            for (Field f : ((Fields) block).fields()) {
                sb.append("<dt>").append(escape(f.label())).append("</dt><dd>").append(escape(f.value()))
                        .append("</dd>\n");
            }
            sb.append("</dl>\n");
        } else if (block instanceof Items) {
            Items items = (Items) block;
            String tag = items.ordered() ? "ol" : "ul";
            sb.append('<').append(tag).append(">\n");
            items.items().forEach(i -> sb.append("<li>").append(escape(i)).append("</li>\n"));
            sb.append("</").append(tag).append(">\n");
        } else if (block instanceof Steps) {
            Steps steps = (Steps) block;
            sb.append("<table>\n");
            for (StepRow r : steps.rows()) {
                sb.append("<tr><td><span class=\"mark-").append(markClass(r.mark())).append("\" role=\"img\" ")
                        .append("aria-label=\"").append(escape(r.markWord())).append("\" title=\"")
                        .append(escape(r.markWord())).append("\">").append(escape(r.mark())).append("</span></td>")
                        .append("<td>").append(escape(r.name())).append("</td>")
                        .append("<td class=\"time\">").append(escape(r.duration())).append("</td>")
                        .append("<td class=\"detail\">").append(escape(r.detail())).append("</td></tr>\n");
            }
            sb.append("</table>\n<p>").append(escape(steps.total())).append("</p>\n");
        } else if (block instanceof Preformatted) {
            sb.append("<pre>");
            ((Preformatted) block).lines().forEach(l -> sb.append(escape(l)).append('\n'));
            sb.append("</pre>\n");
        }
    }

    private static String markClass(String mark) {
        if (mark.equals(StepOutcome.OK.glyph())) {
            return "ok";
        }
        if (mark.equals(StepOutcome.FAILED.glyph())) {
            return "failed";
        }
        return mark.equals(StepOutcome.WARNING.glyph()) ? "warning" : "other";
    }

    /** Escapes the five characters that matter in HTML text and attribute values. */
    static String escape(String text) {
        return escape(text, true);
    }

    /**
     * Escapes {@code & < >}, and the quotes too when {@code quotes} (needed in attribute values, not in text: the
     * Markdown report keeps its quotes readable).
     */
    static String escape(String text, boolean quotes) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!quotes && (c == '"' || c == '\'')) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
