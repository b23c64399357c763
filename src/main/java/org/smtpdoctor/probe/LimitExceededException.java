package org.smtpdoctor.probe;

import java.io.IOException;

/** A server crossed one of the {@link Limits}: thrown from the socket's input stream, found by type in the cause chain. */
final class LimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    LimitExceededException(String what) {
        super(what);
    }
}
