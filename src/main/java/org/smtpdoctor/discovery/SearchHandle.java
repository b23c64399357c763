package org.smtpdoctor.discovery;

import java.util.List;

/**
 * The search a finder or verifier is running, so that {@code cancel()} from any thread reaches it, also when it comes
 * before the search has started.
 */
final class SearchHandle {

    private volatile Search running;
    private volatile boolean cancelRequested;

    /** Forgets an earlier cancel: the next run starts fresh. */
    void reset() {
        cancelRequested = false;
    }

    /** Runs the search (cancelled at once when a cancel came first) and returns its outcomes in rank order. */
    List<CandidateOutcome> run(Search search) {
        running = search;
        try {
            if (cancelRequested) {
                search.cancel();
            }
            return search.run();
        } finally {
            running = null;
        }
    }

    void cancel() {
        cancelRequested = true;
        Search search = running;
        if (search != null) {
            search.cancel();
        }
    }
}
