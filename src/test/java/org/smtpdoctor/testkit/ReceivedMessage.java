package org.smtpdoctor.testkit;

import java.util.List;

/**
 * A message the fake server received through DATA (stored whatever the scripted reply to its end was).
 *
 * @param connection the number of the connection it came on (1 = first)
 * @param mailFrom   the MAIL FROM argument's address
 * @param recipients the RCPT TO addresses
 * @param content    headers and body, dot-unstuffed, lines joined with CRLF
 */
public record ReceivedMessage(int connection, String mailFrom, List<String> recipients, String content) {

    public ReceivedMessage {
        recipients = List.copyOf(recipients);
    }
}
