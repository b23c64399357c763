package org.smtpdoctor.ui.form;

import org.smtpdoctor.clients.MailClient;

/** What the Start, Outgoing server and Sign-in pages forward to the wizard: the ways on and back. */
public interface FormActions {

    void back();

    /** Next, or the page's main action (Enter). */
    void next();

    /** The email field was left. */
    void emailEntered();

    void haveErrorMessage();

    void findSettings();

    /** The name people know a mail program by. */
    String programName(MailClient program);
}
