package org.smtpdoctor.ui;

/**
 * The pages, with their step number ("Step 2 of 5"); the paste page and the settings search are side paths
 * without a number.
 */
public enum Page {
    START(1), SERVER(2), SIGN_IN(3), TESTING(4), RESULT(5), PASTE(0), FIND(0);

    private final int step;

    Page(int step) {
        this.step = step;
    }

    public int step() {
        return step;
    }
}
