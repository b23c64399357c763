package org.smtpdoctor.report;

import java.util.List;

/**
 * A report as a format-neutral document: the builder decides what is said (already localised, cleaned and, in
 * presentation mode, masked), the writers only decide how plain text, Markdown and HTML show it. So the three
 * formats cannot drift apart in content.
 */
record ReportModel(String title, List<String> meta, String verdictClass, List<Section> sections) {

    ReportModel {
        meta = List.copyOf(meta);
        sections = List.copyOf(sections);
    }

    /** One titled part of the report; {@code id} is stable (HTML anchors, tests). */
    record Section(String id, String heading, List<Block> blocks) {

        Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** The kinds of content a section holds. */
    sealed interface Block permits Paragraph, Fields, Items, Steps, Preformatted {
    }

    /** A paragraph; {@code strong} for the one sentence that matters most. */
    record Paragraph(String text, boolean strong) implements Block {
    }

    /** Label: value pairs. */
    record Fields(List<Field> fields) implements Block {

        Fields {
            fields = List.copyOf(fields);
        }
    }

    record Field(String label, String value) {
    }

    /** A list, numbered when the order matters. */
    record Items(List<String> items, boolean ordered) implements Block {

        Items {
            items = List.copyOf(items);
        }
    }

    /** The probe's steps: a mark (✔ ✘ ⚠ –), the step's name, its duration and the reply or note. */
    record Steps(List<StepRow> rows, String total) implements Block {

        Steps {
            rows = List.copyOf(rows);
        }
    }

    record StepRow(String mark, String markWord, String name, String duration, String detail) {
    }

    /** Lines shown as they are, in a fixed-width font (the transcript, a pasted message). */
    record Preformatted(List<String> lines) implements Block {

        Preformatted {
            lines = List.copyOf(lines);
        }
    }
}
