package org.smtpdoctor.engine;

import org.smtpdoctor.testkit.Action;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.TestCertificates;
import org.smtpdoctor.testkit.Verb;

/**
 * The staging the real-server tests share: a server that lists STARTTLS and sign-in (PLAIN, LOGIN) in its first EHLO
 * reply and refuses a recipient at another domain, in the given words, until the client has signed in.
 */
final class RelayRefusingServer {

    private RelayRefusingServer() {
    }

    static FakeSmtpServer start(String greeting, String refusal, String user, String password) {
        return FakeSmtpServer.builder().greeting(greeting).starttls(TestCertificates.localhost())
                .auth(user, password, "PLAIN", "LOGIN")
                .on(Verb.RCPT, (command, session) -> session.isAuthenticated() ? Action.proceed()
                        : Action.reply(refusal))
                .start();
    }
}
