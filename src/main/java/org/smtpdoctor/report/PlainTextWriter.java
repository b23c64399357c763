package org.smtpdoctor.report;

import org.smtpdoctor.report.ReportModel.Block;
import org.smtpdoctor.report.ReportModel.Field;
import org.smtpdoctor.report.ReportModel.Fields;
import org.smtpdoctor.report.ReportModel.Items;
import org.smtpdoctor.report.ReportModel.Paragraph;
import org.smtpdoctor.report.ReportModel.Preformatted;
import org.smtpdoctor.report.ReportModel.Section;
import org.smtpdoctor.report.ReportModel.StepRow;
import org.smtpdoctor.report.ReportModel.Steps;

/** Plain text for the clipboard and tickets: readable in any mail or ticket system, no markup. */
final class PlainTextWriter {

    private static final String INDENT = "  ";

    private PlainTextWriter() {
    }

    static String write(ReportModel model) {
        StringBuilder sb = new StringBuilder();
        sb.append(model.title()).append('\n').append("=".repeat(model.title().length())).append('\n');
        model.meta().forEach(m -> sb.append(m).append('\n'));
        for (Section section : model.sections()) {
            sb.append('\n').append(section.heading()).append('\n')
                    .append("-".repeat(section.heading().length())).append('\n');
            for (Block block : section.blocks()) {
                block(sb, block);
            }
        }
        return sb.toString();
    }

    private static void block(StringBuilder sb, Block block) {
        if (block instanceof Paragraph) {
            indentLines(sb, ((Paragraph) block).text());
        } else if (block instanceof Fields) {
            for (Field f : ((Fields) block).fields()) {
                indentLines(sb, f.label() + ": " + f.value());
            }
        } else if (block instanceof Items) {
            Items items = (Items) block;
            for (int i = 0; i < items.items().size(); i++) {
                indentLines(sb, (items.ordered() ? (i + 1) + ". " : "• ") + items.items().get(i));
            }
        } else if (block instanceof Steps) {
            Steps steps = (Steps) block;
            int width = steps.rows().stream().mapToInt(r -> r.name().length()).max().orElse(0);
            for (StepRow r : steps.rows()) {
                String line = r.mark() + " " + pad(r.name(), width) + "  " + pad(r.duration(), 8)
                        + (r.detail().isBlank() ? "" : "  " + r.detail());
                indentLines(sb, line.stripTrailing());
            }
            indentLines(sb, steps.total());
        } else if (block instanceof Preformatted) {
            ((Preformatted) block).lines().forEach(l -> sb.append(INDENT).append(l).append('\n'));
        }
    }

    private static void indentLines(StringBuilder sb, String text) {
        for (String line : text.split("\n", -1)) {
            sb.append(INDENT).append(line).append('\n');
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
