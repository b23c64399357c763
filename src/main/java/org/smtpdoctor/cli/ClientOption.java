package org.smtpdoctor.cli;

import org.smtpdoctor.clients.MailClient;
import picocli.CommandLine.Option;

/** {@code --client}: whose words the advice uses; the same on every command that gives advice. */
final class ClientOption {

    @Option(names = "--client", paramLabel = "PROGRAM", converter = Converters.ClientConverter.class,
            defaultValue = "other",
            description = "Word the advice for this mail program: outlook_classic, outlook_new, thunderbird, apple_mail,"
                    + " ios_mail, gmail_android, other (default)")
    MailClient program;
}
