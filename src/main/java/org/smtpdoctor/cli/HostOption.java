package org.smtpdoctor.cli;

import picocli.CommandLine.Option;

/**
 * {@code --host}, shared by {@code probe} and {@code explain} with the rest of {@link ServerOptions}, but required by
 * {@code probe} only: the two variants keep that difference explicit in the synopsis and in picocli's own
 * "missing required option" message. The help text is the command's own, from {@value ServerOptions#DESCRIPTIONS}.
 */
abstract class HostOption {

    /** The server name, or null when not given. */
    abstract String value();

    /** {@code probe}: there is nothing to test without a server. */
    static final class Required extends HostOption {
        @Option(names = {"--host", "-H"}, required = true, paramLabel = "HOST", descriptionKey = "host")
        String host;

        @Override
        String value() {
            return host;
        }
    }

    /** {@code explain}: the server only sharpens the explanation of a pasted text. */
    static final class Optional extends HostOption {
        @Option(names = {"--host", "-H"}, paramLabel = "HOST", descriptionKey = "host")
        String host;

        @Override
        String value() {
            return host;
        }
    }
}
