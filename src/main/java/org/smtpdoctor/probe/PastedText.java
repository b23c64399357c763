package org.smtpdoctor.probe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pasted text in the plain characters a mail program or server wrote: what copying through a web page, a word
 * processor, a chat, a terminal or an e-mail reply adds is taken out again before anything reads it. Non-breaking and
 * other typographic spaces become spaces, invisible characters and terminal colour codes go, curly quotes become
 * straight ones, a page's HTML escapes ({@code &lt;}, {@code &quot;}) and a JSON string's backslash escapes are
 * decoded, and the {@code > } marks of a quoted e-mail reply, the fences of a Markdown code block and the frame and
 * buttons of a Windows message box are removed; each line ends in a plain line break, also where Windows text was
 * converted twice (CR CR LF). The words, their order and the line breaks stay, so the result reads
 * the same to a person. A second pass changes only a text escaped twice over ({@code &amp;lt;}), which it decodes once
 * more.
 */
public final class PastedText {

    /** Characters that take no room and carry nothing in an error message: zero-width space, word joiner, BOM, soft hyphen. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u2060\\uFEFF\\u00AD]");
    /** A line's end as Windows (CR LF), old Macs (CR) or text converted twice (CR CR LF) wrote it. */
    private static final Pattern LINE_ENDS = Pattern.compile("\r+\n|\r");
    private static final String LINE_SEPARATORS = "\u2028\u2029\u0085";
    private static final String SINGLE_QUOTES = "\u2018\u2019\u201A\u201B\u2032\u02BC";
    private static final String DOUBLE_QUOTES = "\u201C\u201D\u201E\u201F\u2033";
    /** A terminal's colour and cursor codes, as a log file read back or a CI log keeps them. */
    private static final Pattern TERMINAL_CODES = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    /** The same colour codes after a web page dropped their escape character: "[31m…[0m". */
    private static final Pattern BARE_COLOUR_CODES = Pattern.compile("\\[(?:\\d{1,3}(?:;\\d{1,3})*)?m");
    /** Backslash escapes of a JSON or program string the message was printed inside: line breaks, quotes, char codes. */
    private static final Pattern STRING_ESCAPE = Pattern.compile("\\\\(?:([\"'\\\\/tnr])|u([0-9A-Fa-f]{4}))");
    /** Escapes that show a page's source was copied; only then are entities decoded at all. */
    private static final Pattern ESCAPED = Pattern.compile("&(?:lt|gt|quot|amp);");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(?:([0-9]{1,6})|[xX]([0-9A-Fa-f]{1,6}));");
    /**
     * A Windows message box copied with Ctrl+C: its title and text between lines of dashes, its buttons last
     * ("---…\nMicrosoft Outlook\n---…\n[text]\n---…\nOK\n---…").
     */
    private static final Pattern MESSAGE_BOX = Pattern.compile(
            "\\A\\s*-{10,}[ \\t]*\\n([^\\n]*)\\n-{10,}[ \\t]*\\n(.*)\\n-{10,}[ \\t]*\\n[^\\n]{0,60}\\n-{10,}\\s*\\z",
            Pattern.DOTALL);
    /** The lines that open and close a Markdown code block, as pastes into issue trackers and chats are wrapped. */
    private static final Pattern CODE_FENCE = Pattern.compile("(?m)^[ \\t]*(?:```|~~~)[\\w+.-]*[ \\t]*(?:\\n|$)");
    /** The marks of every quoting level at a line's start: {@code "> > "}, {@code ">>"}. */
    private static final Pattern QUOTE_MARKS = Pattern.compile("(?m)^[ \\t]*(?:>[ \\t]?)+");

    private PastedText() {
    }

    /** {@code text} in plain characters; never null. */
    public static String plain(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String t = INVISIBLE.matcher(text).replaceAll("");
        if (t.indexOf('\r') >= 0) {
            t = LINE_ENDS.matcher(t).replaceAll("\n");
        }
        t = TERMINAL_CODES.matcher(t).replaceAll("");
        if (t.contains("[0m")) {
            t = BARE_COLOUR_CODES.matcher(t).replaceAll(""); // only where a reset shows they are colour codes
        }
        if (ESCAPED.matcher(t).find()) {
            t = decodeEntities(t);
        }
        if (t.contains("\\\"")) {
            t = unescapeString(t); // a JSON or program string: all its escapes
        } else if (t.contains("\\n")) {
            t = t.replace("\\r\\n", "\n").replace("\\n", "\n"); // only a log's line breaks: a path's "\\t" stays
        }
        t = typography(t);
        Matcher box = MESSAGE_BOX.matcher(t);
        if (box.matches()) {
            t = box.group(1).strip() + "\n" + box.group(2); // the title names the program; the buttons say nothing
        }
        t = CODE_FENCE.matcher(t).replaceAll("");
        if (quotedReply(t)) {
            t = QUOTE_MARKS.matcher(t).replaceAll("");
        }
        return CODE_FENCE.matcher(t).replaceAll(""); // a code block quoted in a reply shows its fences only now
    }

    /**
     * Typographic spaces, line separators and curly quotes as the plain characters they stand for, in one pass over the
     * text: a long paste is read once, not four times.
     */
    private static String typography(String t) {
        char[] chars = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            char plain = plainCharacter(c);
            if (plain != c) {
                if (chars == null) {
                    chars = t.toCharArray();
                }
                chars[i] = plain;
            }
        }
        return chars == null ? t : new String(chars);
    }

    private static char plainCharacter(char c) {
        if (c < 0x80) {
            return c;
        }
        if (Character.getType(c) == Character.SPACE_SEPARATOR) {
            return ' '; // no-break, en, em, thin, narrow no-break, ideographic …
        }
        if (LINE_SEPARATORS.indexOf(c) >= 0) {
            return '\n';
        }
        if (SINGLE_QUOTES.indexOf(c) >= 0) {
            return '\'';
        }
        return DOUBLE_QUOTES.indexOf(c) >= 0 ? '"' : c;
    }

    /**
     * Whether lines start with the {@code >} of a quoted e-mail reply (at any depth; the user's own lines between
     * them have none). A transcript that marks the client's lines with {@code >} marks the server's with {@code <}, so
     * a text with any such line is not a quoted reply and keeps its marks.
     */
    private static boolean quotedReply(String t) {
        boolean quoted = false;
        for (int start = 0; start < t.length();) {
            int end = t.indexOf('\n', start);
            int stop = end < 0 ? t.length() : end;
            int first = start;
            while (first < stop && Character.isWhitespace(t.charAt(first))) {
                first++;
            }
            if (first < stop && t.charAt(first) == '<') {
                return false;
            }
            quoted |= first < stop && t.charAt(first) == '>';
            start = stop + 1;
        }
        return quoted;
    }

    /** A string's escapes read as the characters they stand for, in one pass: an escaped backslash before n stays one. */
    private static String unescapeString(String t) {
        Matcher m = STRING_ESCAPE.matcher(t);
        StringBuilder sb = new StringBuilder(t.length());
        while (m.find()) {
            String replacement;
            if (m.group(2) != null) {
                replacement = String.valueOf((char) Integer.parseInt(m.group(2), 16));
            } else {
                replacement = switch (m.group(1).charAt(0)) {
                    case 'n' -> "\n";
                    case 'r' -> "\r";
                    case 't' -> "\t";
                    default -> m.group(1);
                };
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString().replace("\r\n", "\n");
    }

    private static String decodeEntities(String t) {
        Matcher m = NUMERIC_ENTITY.matcher(t);
        StringBuilder sb = new StringBuilder(t.length());
        while (m.find()) {
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
            String replacement = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp))
                    : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        // &amp; last, so "&amp;lt;" stays the text "&lt;" it stood for
        return sb.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
