package org.smtpdoctor.testkit;

import java.io.IOException;

/** The state of one connection as a script hook ({@link FakeSmtpServer.Builder#on(Verb, Hook)}) sees it. */
public interface Session {

    /** 1 for the server's first connection, 2 for the next, ... */
    int connectionNumber();

    /** Whether TLS (implicit or after STARTTLS) is active. */
    boolean isTls();

    /** Whether the client has authenticated on this connection. */
    boolean isAuthenticated();

    /** How often the verb has been received on this connection, the current command included. */
    int count(Verb verb);

    /** This connection's record. */
    ConnectionLog log();

    /** Writes reply lines at once (no delay), for hooks that hold a longer dialogue. */
    void send(String... lines) throws IOException;

    /** Reads the next line from the client (recorded like any other), or null at the end of the stream. */
    String readLine() throws IOException;
}
