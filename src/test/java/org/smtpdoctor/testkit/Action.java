package org.smtpdoctor.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the fake server does at one moment of a script: reply with given lines, carry on as a normal server would
 * ({@link #proceed()}), say nothing ever again ({@link #silence()}), close ({@link #close()}) or reset
 * ({@link #reset()}) the connection, each optionally after a delay and, for replies, followed by a close or reset.
 *
 * <pre>{@code
 * Action.reply("421 4.7.0 Try again later").thenClose()
 * Action.proceed().after(Duration.ofMillis(200))
 * }</pre>
 */
public final class Action {

    /** What happens to the connection after the reply (if any). */
    enum Ending { CONTINUE, SILENCE, CLOSE, RESET }

    private final Duration delay;
    private final List<String> lines;
    private final boolean proceed;
    private final Ending ending;

    private Action(Duration delay, List<String> lines, boolean proceed, Ending ending) {
        this.delay = Objects.requireNonNull(delay, "delay");
        this.lines = List.copyOf(lines);
        this.proceed = proceed;
        this.ending = ending;
    }

    /**
     * Replies with the given lines, written as-is with CRLF after each; any argument may itself hold several lines
     * separated by "\n" ({@code "250-first\n250 last"}).
     */
    public static Action reply(String... text) {
        List<String> lines = new ArrayList<>();
        for (String part : text) {
            for (String line : part.split("\r?\n", -1)) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one line");
        }
        return new Action(Duration.ZERO, lines, false, Ending.CONTINUE);
    }

    /** Does what a normal server would do at this point (the default for every verb). */
    public static Action proceed() {
        return new Action(Duration.ZERO, List.of(), true, Ending.CONTINUE);
    }

    /** Never answers again; reads and discards whatever comes until the client gives up or the server closes. */
    public static Action silence() {
        return new Action(Duration.ZERO, List.of(), false, Ending.SILENCE);
    }

    /** Closes the connection (orderly FIN) without a word. */
    public static Action close() {
        return new Action(Duration.ZERO, List.of(), false, Ending.CLOSE);
    }

    /** Resets the connection (RST, via SO_LINGER 0) without a word. */
    public static Action reset() {
        return new Action(Duration.ZERO, List.of(), false, Ending.RESET);
    }

    /** The given action, after a pause. */
    public static Action delay(Duration pause, Action then) {
        return then.after(pause);
    }

    /** This action after an (additional) pause. */
    public Action after(Duration pause) {
        return new Action(delay.plus(pause), lines, proceed, ending);
    }

    /** This reply, then close the connection (e.g. "421 4.7.0 ..." and hang up, as real servers do). */
    public Action thenClose() {
        return new Action(delay, lines, proceed, Ending.CLOSE);
    }

    /** This reply, then reset the connection. */
    public Action thenReset() {
        return new Action(delay, lines, proceed, Ending.RESET);
    }

    /** This reply, then never another word. */
    public Action thenSilence() {
        return new Action(delay, lines, proceed, Ending.SILENCE);
    }

    Duration delay() {
        return delay;
    }

    List<String> lines() {
        return lines;
    }

    boolean isProceed() {
        return proceed;
    }

    Ending ending() {
        return ending;
    }

    @Override
    public String toString() {
        return "Action[delay=" + delay + ", " + (proceed ? "proceed" : lines) + ", then " + ending + "]";
    }
}
