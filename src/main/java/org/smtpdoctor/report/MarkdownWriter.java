package org.smtpdoctor.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Markdown for tickets and wikis. Text from servers is escaped so it cannot become markup, links or raw HTML
 * (Markdown renderers pass {@code <script>} through); transcripts sit in a code fence longer than any backtick
 * run inside them.
 */
final class MarkdownWriter {

    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)([-+>#=]|\\d+[.)])");

    private MarkdownWriter() {
    }

    static String write(ReportModel model) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(escape(model.title())).append("\n\n");
        sb.append(String.join("  \n", model.meta().stream().map(MarkdownWriter::escapeLine).toList())).append("\n");
        for (Section section : model.sections()) {
            sb.append(sb.toString().endsWith("\n\n") ? "" : "\n").append("## ").append(escape(section.heading()))
                    .append("\n\n");
            for (Block block : section.blocks()) {
                block(sb, block);
            }
        }
        return sb.toString();
    }

    private static void block(StringBuilder sb, Block block) {
        if (block instanceof Paragraph) {
            Paragraph p = (Paragraph) block;
            String text = multiline(p.text());
            sb.append(p.strong() ? "**" + text + "**" : text).append("\n\n");
        } else if (block instanceof Fields) {
            for (Field f : ((Fields) block).fields()) {
                sb.append("- **").append(escape(f.label())).append(":** ").append(inline(f.value())).append('\n');
            }
            sb.append('\n');
        } else if (block instanceof Items) {
            Items items = (Items) block;
            for (int i = 0; i < items.items().size(); i++) {
                sb.append(items.ordered() ? (i + 1) + ". " : "- ").append(inline(items.items().get(i))).append('\n');
            }
            sb.append('\n');
        } else if (block instanceof Steps) {
            Steps steps = (Steps) block;
            sb.append("| | | | |\n|---|---|---:|---|\n");
            for (StepRow r : steps.rows()) {
                sb.append("| ").append(r.mark()).append(" | ").append(cell(r.name())).append(" | ")
                        .append(cell(r.duration())).append(" | ").append(cell(r.detail())).append(" |\n");
            }
            sb.append('\n').append(escape(steps.total())).append("\n\n");
        } else if (block instanceof Preformatted) {
            List<String> lines = ((Preformatted) block).lines();
            String fence = fenceFor(lines);
            sb.append(fence).append("text\n");
            lines.forEach(l -> sb.append(l).append('\n'));
            sb.append(fence).append("\n\n");
        }
    }

    /** Three backticks, or one more than the longest run inside. */
    static String fenceFor(List<String> lines) {
        int longest = 0;
        for (String line : lines) {
            Matcher m = BACKTICKS.matcher(line);
            while (m.find()) {
                longest = Math.max(longest, m.group().length());
            }
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    private static String multiline(String text) {
        return String.join("  \n", text.lines().map(MarkdownWriter::escapeLine).toList());
    }

    private static String inline(String text) {
        return escape(text.replace('\n', ' '));
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** A line that must not start a heading, list or quote. */
    private static String escapeLine(String line) {
        String escaped = escape(line);
        Matcher m = BLOCK_START.matcher(escaped);
        return m.find() ? m.group(1) + "\\" + escaped.substring(m.group(1).length()) : escaped;
    }

    /** Markdown's own punctuation, which gets a backslash. */
    private static final String MARKDOWN_SPECIAL = "\\`*_[]|~";

    /**
     * Inline escaping: Markdown punctuation gets a backslash, and the characters HTML gives a meaning become
     * entities (Markdown renderers pass raw HTML through) exactly as in the HTML report.
     */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (MARKDOWN_SPECIAL.indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return HtmlWriter.escape(sb.toString(), false);
    }
}
