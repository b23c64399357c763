package org.smtpdoctor.settings;

/** A small builder of {@link SettingsInput} for tests: valid defaults, each field changeable. */
final class Inputs {

    private String host = "smtp.example.com";
    private String port = "587";
    private Security security = Security.STARTTLS;
    private AuthMethod auth = AuthMethod.AUTO;
    private String username = "alice@example.com";
    private Secret secret = Secret.of("pw-123");
    private String sender = "alice@example.com";
    private String recipient = "";

    static Inputs valid() {
        return new Inputs();
    }

    Inputs host(String h) {
        host = h;
        return this;
    }

    Inputs port(String p) {
        port = p;
        return this;
    }

    Inputs security(Security s) {
        security = s;
        return this;
    }

    Inputs auth(AuthMethod a) {
        auth = a;
        return this;
    }

    Inputs username(String u) {
        username = u;
        return this;
    }

    Inputs secret(String s) {
        secret = Secret.of(s);
        return this;
    }

    Inputs sender(String s) {
        sender = s;
        return this;
    }

    Inputs recipient(String r) {
        recipient = r;
        return this;
    }

    SettingsInput build() {
        return new SettingsInput(host, port, security, auth, username, secret, sender, recipient);
    }

    @Override
    public String toString() {
        return host + " / " + port + " / " + security + " / " + auth + " / " + username + " / " + sender
                + " / " + recipient;
    }
}
