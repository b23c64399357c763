package org.smtpdoctor.ui.form;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.discovery.FindRequest;
import org.smtpdoctor.engine.Engine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.providers.Provider;
import org.smtpdoctor.providers.Requirement;
import org.smtpdoctor.providers.ServerPreset;
import org.smtpdoctor.settings.AccountSettings;
import org.smtpdoctor.settings.AuthMethod;
import org.smtpdoctor.settings.Problem;
import org.smtpdoctor.settings.Secret;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.settings.SettingValue;
import org.smtpdoctor.settings.SettingsInput;
import org.smtpdoctor.settings.Validation;

/**
 * The settings the user types across the Start, Outgoing server and Sign-in pages, validated by the core on every
 * change. A field's error is shown in words once the user has left the field (or tried to go on).
 */
public final class SettingsFormViewModel {

    /** The sign-in methods offered, in the order shown (Automatic first). */
    public static final List<AuthMethod> AUTH_CHOICES =
            List.of(AuthMethod.AUTO, AuthMethod.PLAIN, AuthMethod.CRAM_MD5, AuthMethod.XOAUTH2);

    public static final Set<Setting> START_FIELDS = EnumSet.of(Setting.SENDER_ADDRESS);
    public static final Set<Setting> SERVER_FIELDS = EnumSet.of(Setting.SERVER_HOST, Setting.PORT, Setting.SECURITY);
    public static final Set<Setting> SIGN_IN_FIELDS = EnumSet.of(Setting.USERNAME, Setting.PASSWORD, Setting.AUTH_METHOD,
            Setting.RECIPIENT_ADDRESS);
    /** The order fields appear on screen: the first invalid one gets the focus. */
    private static final List<Setting> SCREEN_ORDER = List.of(Setting.SENDER_ADDRESS, Setting.SERVER_HOST,
            Setting.PORT, Setting.SECURITY, Setting.USERNAME, Setting.PASSWORD, Setting.AUTH_METHOD,
            Setting.RECIPIENT_ADDRESS);

    private final Engine engine;
    private final Messages texts;

    private final ObjectProperty<MailClient> program = new SimpleObjectProperty<>(this, "program");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", String.valueOf(Security.STARTTLS.usualPort()));
    private final ObjectProperty<Security> security = new SimpleObjectProperty<>(this, "security", Security.STARTTLS);
    private final BooleanProperty signIn = new SimpleBooleanProperty(this, "signIn", true);
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty showPassword = new SimpleBooleanProperty(this, "showPassword", false);
    private final ObjectProperty<AuthMethod> authMethod = new SimpleObjectProperty<>(this, "authMethod", AuthMethod.AUTO);
    private final StringProperty recipient = new SimpleStringProperty(this, "recipient", "");
    private final ReadOnlyStringWrapper sourceNote = new ReadOnlyStringWrapper(this, "sourceNote", "");
    private final ReadOnlyStringWrapper providerHint = new ReadOnlyStringWrapper(this, "providerHint", "");
    private final ReadOnlyStringWrapper usernameHelp = new ReadOnlyStringWrapper(this, "usernameHelp", "");
    /** What {@link #serverChosen} filled in, and what stood there before; null when nothing was filled. */
    private ServerFill serverFill;

    private record ServerFill(String name, String usernameBefore, String hintBefore) {
    }
    private final ReadOnlyObjectWrapper<Validation> validation = new ReadOnlyObjectWrapper<>(this, "validation");

    private final Map<Setting, ReadOnlyStringWrapper> messages = new EnumMap<>(Setting.class);
    private final Set<Setting> touched = EnumSet.noneOf(Setting.class);

    private final StringBinding securityHelp;

    private boolean settingPortMyself;
    private boolean portChosenByUser;

    public SettingsFormViewModel(Engine engine, Messages texts) {
        this.engine = engine;
        this.texts = texts;
        usernameHelp.set(texts.get("signin.username.help"));
        // what a sending service's server filled in belongs to that server
        host.addListener((o, was, now) -> forgetServerFill());
        for (Setting s : SCREEN_ORDER) {
            messages.put(s, new ReadOnlyStringWrapper(this, "message" + s, ""));
        }
        port.addListener((o, was, now) -> {
            if (!settingPortMyself) {
                portChosenByUser = now != null && !now.isBlank();
            }
        });
        security.addListener((o, was, now) -> {
            if (now != null && !portChosenByUser) {
                setPortMyself(String.valueOf(now.usualPort()));
            }
        });
        for (ObservableValue<?> v : List.of(email, host, port, security, signIn, username, password, authMethod,
                recipient)) {
            v.addListener((o, was, now) -> revalidate());
        }
        securityHelp = Bindings.createStringBinding(this::describeSecurity, program);
        revalidate();
    }

    private String describeSecurity() {
        MailClient p = programOrOther();
        if (p == MailClient.OTHER) {
            return texts.get("server.security.help.other", engine.place(p, Setting.SECURITY).fieldName(),
                    engine.securityLabel(p, Security.NONE), engine.securityLabel(p, Security.STARTTLS),
                    engine.securityLabel(p, Security.SSL_TLS));
        }
        return texts.get("server.security.help", engine.programName(p),
                engine.place(p, Setting.SECURITY).fieldName(), engine.securityLabel(p, Security.NONE),
                engine.securityLabel(p, Security.STARTTLS), engine.securityLabel(p, Security.SSL_TLS));
    }

    // ---- properties the views bind to

    public ObjectProperty<MailClient> programProperty() {
        return program;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<Security> securityProperty() {
        return security;
    }

    public BooleanProperty signInProperty() {
        return signIn;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty showPasswordProperty() {
        return showPassword;
    }

    public ObjectProperty<AuthMethod> authMethodProperty() {
        return authMethod;
    }

    public StringProperty recipientProperty() {
        return recipient;
    }

    /** Where the pre-filled values came from (built-in provider list, or the last test of this address). */
    public ReadOnlyStringProperty sourceNoteProperty() {
        return sourceNote.getReadOnlyProperty();
    }

    /** What the provider demands at sign-in (an app password ...), empty when nothing special. */
    public ReadOnlyStringProperty providerHintProperty() {
        return providerHint.getReadOnlyProperty();
    }

    /** The help line under the user name: the usual form, or the one fixed name of a sending service. */
    public ReadOnlyStringProperty usernameHelpProperty() {
        return usernameHelp.getReadOnlyProperty();
    }

    /** How the chosen mail program names the connection-security setting and its three values. */
    public StringBinding securityHelpProperty() {
        return securityHelp;
    }

    public ReadOnlyObjectProperty<Validation> validationProperty() {
        return validation.getReadOnlyProperty();
    }

    /** The message to show below a field: empty until the user has left it. */
    public ReadOnlyStringProperty messageProperty(Setting setting) {
        return messages.get(setting).getReadOnlyProperty();
    }

    /** The program chosen, {@link MailClient#OTHER} when none. */
    public MailClient programOrOther() {
        return program.get() == null ? MailClient.OTHER : program.get();
    }

    // ---- commands

    /** The user left a field: its problems show from now on. */
    public void leave(Setting setting) {
        touched.add(setting);
        updateMessages();
    }

    /** Validity of one page's fields (warnings do not block). */
    public BooleanBinding validProperty(Set<Setting> fields) {
        return Bindings.createBooleanBinding(() -> firstError(fields).isEmpty(), validation);
    }

    /** Shows every problem of the page's fields and returns the first field in error, for the focus. */
    public Optional<Setting> reveal(Set<Setting> fields) {
        touched.addAll(fields);
        updateMessages();
        return firstError(fields);
    }

    public Optional<Setting> firstError(Set<Setting> fields) {
        Validation v = validation.get();
        return SCREEN_ORDER.stream().filter(fields::contains)
                .filter(s -> v.problemsFor(s).stream().anyMatch(Problem::isError))
                .findFirst();
    }

    /** The form as the core's input, the password wrapped as a {@link Secret}. */
    public SettingsInput toInput() {
        return new SettingsInput(host.get(), port.get(), security.get(),
                signIn.get() ? authMethod.get() : AuthMethod.NONE,
                signIn.get() ? username.get() : "", signIn.get() ? Secret.of(password.get()) : Secret.empty(),
                email.get().strip(), recipient.get().strip());
    }

    /** The validated settings, when the whole form is valid. */
    public Optional<AccountSettings> settings() {
        return validation.get().settings();
    }

    /**
     * The form as a search request ("Find working settings"): the server fields as "what I have now" when they are
     * valid, the sign-in the user typed.
     */
    public FindRequest findRequest() {
        SettingsInput in = toInput();
        boolean signsIn = signIn.get();
        Validation server = engine.validate(new SettingsInput(in.host(), in.port(), in.security(), AuthMethod.NONE,
                "", Secret.empty(), "", ""));
        Optional<AccountSettings> current = server.errors().isEmpty()
                ? server.settings().map(s -> s.withAuthMethod(signsIn ? authMethod.get() : AuthMethod.NONE)
                        .withCredentials(signsIn ? in.username() : "", Secret.empty()))
                : Optional.empty();
        Secret secret = signsIn ? in.secret() : Secret.empty();
        return new FindRequest(email.get().strip(), signsIn ? in.username() : "", secret, current, false);
    }

    /** Fills the server fields from a provider's preferred documented server. */
    public void prefill(Provider provider) {
        if (provider.servers().isEmpty()) {
            return;
        }
        ServerPreset preset = provider.servers().get(0);
        host.set(preset.host());
        portChosenByUser = false;
        security.set(preset.security());
        setPortMyself(String.valueOf(preset.port()));
        signIn.set(true);
        if (preset.usernameForm().isFixed() || !email.get().isBlank()) {
            username.set(preset.usernameFor(email.get().strip()));
        }
        sourceNote.set(texts.get("form.source.provider", provider.name()));
        providerHint.set(hintFor(provider));
    }

    /**
     * The user chose a server that {@code provider} documents with one fixed sign-in name (a sending service such as
     * SendGrid): the name is filled in unless the user typed another one, and the sign-in page says the password is a
     * key.
     */
    public void serverChosen(Provider provider) {
        String h = host.get().strip();
        provider.servers().stream()
                .filter(s -> s.host().equalsIgnoreCase(h) && s.usernameForm().isFixed())
                .findFirst()
                .ifPresent(s -> {
                    String typed = username.get().strip();
                    serverFill = new ServerFill(s.usernameForm().fixedName(), username.get(), providerHint.get());
                    if (typed.isEmpty() || typed.equalsIgnoreCase(email.get().strip())) {
                        username.set(s.usernameFor(email.get().strip()));
                    }
                    signIn.set(true);
                    providerHint.set(hintFor(provider));
                    usernameHelp.set(texts.get("signin.username.help.fixed", provider.name(),
                            s.usernameForm().fixedName()));
                });
    }

    /**
     * The server name changed after a sending service's server filled the sign-in: its help, its hint and its fixed
     * name (unless the user has typed another) give way to what stood there before.
     */
    private void forgetServerFill() {
        if (serverFill == null) {
            return;
        }
        usernameHelp.set(texts.get("signin.username.help"));
        providerHint.set(serverFill.hintBefore());
        if (username.get().equals(serverFill.name())) {
            username.set(serverFill.usernameBefore());
        }
        serverFill = null;
    }

    /** The fields of every page, for the last check before a test. */
    public static final Set<Setting> ALL_FIELDS = EnumSet.copyOf(SCREEN_ORDER);

    /** Restores what was saved for this address (never a password); the provider's demands still show. */
    public void restore(SavedSettings saved, Optional<Provider> provider) {
        if (saved.program() != null) {
            program.set(saved.program());
        }
        host.set(saved.host());
        portChosenByUser = true;
        security.set(saved.security());
        port.set(saved.port());
        signIn.set(saved.authMethod() != AuthMethod.NONE);
        authMethod.set(saved.authMethod() == AuthMethod.NONE ? AuthMethod.AUTO : saved.authMethod());
        username.set(saved.username());
        recipient.set(saved.recipient());
        sourceNote.set(texts.get("form.source.saved"));
        providerHint.set(provider.map(this::hintFor).orElse(""));
    }

    /** Nothing known about this address: clear the note (the fields stay as typed). */
    public void noSource() {
        sourceNote.set("");
        providerHint.set("");
    }

    public SavedSettings toSaved() {
        return new SavedSettings(program.get(), host.get().strip(), port.get().strip(), security.get(),
                signIn.get() ? authMethod.get() : AuthMethod.NONE, username.get(), recipient.get().strip());
    }

    /**
     * Puts a suggested value into the form ("Apply and test again"); false when the setting is not one the form
     * holds or the value does not fit it.
     */
    public boolean apply(Setting setting, SettingValue value) {
        return switch (setting) {
            case SERVER_HOST -> value instanceof SettingValue.HostName h && set(host, h.host());
            case PORT -> value instanceof SettingValue.PortNumber p && set(port, Integer.toString(p.port()));
            case SECURITY -> {
                if (!(value instanceof SettingValue.SecurityChoice s)) {
                    yield false;
                }
                boolean wasChosen = portChosenByUser;
                portChosenByUser = true; // the port that answered stays: the evidence was about this port
                security.set(s.security());
                portChosenByUser = wasChosen;
                yield true;
            }
            case USERNAME -> {
                if (!(value instanceof SettingValue.UserName u)) {
                    yield false;
                }
                signIn.set(true);
                username.set(u.name());
                yield true;
            }
            case AUTH_METHOD -> {
                if (!(value instanceof SettingValue.AuthChoice a)) {
                    yield false;
                }
                signIn.set(a.method() != AuthMethod.NONE);
                if (a.method() != AuthMethod.NONE) {
                    authMethod.set(a.method());
                }
                yield true;
            }
            case SENDER_ADDRESS -> value instanceof SettingValue.EmailAddress e && set(email, e.address());
            default -> false;
        };
    }

    private static boolean set(StringProperty property, String value) {
        property.set(value);
        return true;
    }

    /** The form field that stands for a setting (an app password goes in the password field). */
    public static Setting fieldFor(Setting setting) {
        return switch (setting) {
            case APP_PASSWORD -> Setting.PASSWORD;
            case SENDER_ADDRESS, SERVER_HOST, PORT, SECURITY, USERNAME, PASSWORD, AUTH_METHOD, RECIPIENT_ADDRESS ->
                    setting;
            default -> Setting.SERVER_HOST;
        };
    }

    /** Whether {@link #apply} can take a value for this setting. */
    public static boolean canApply(Setting setting) {
        return EnumSet.of(Setting.SERVER_HOST, Setting.PORT, Setting.SECURITY, Setting.USERNAME,
                Setting.AUTH_METHOD, Setting.SENDER_ADDRESS).contains(setting);
    }

    // ---- internals

    private void setPortMyself(String value) {
        settingPortMyself = true;
        try {
            port.set(value);
        } finally {
            settingPortMyself = false;
        }
    }

    private void revalidate() {
        Validation v = engine.validate(toInput());
        if (email.get().isBlank()) {
            // the core treats the sender as optional; the wizard needs it (MAIL FROM, provider look-up)
            List<Problem> problems = new ArrayList<>(v.problems());
            problems.add(new Problem(Setting.SENDER_ADDRESS, Problem.Severity.ERROR, texts.get("form.email.required")));
            v = new Validation(Optional.empty(), problems);
        }
        validation.set(v);
        updateMessages();
    }

    private void updateMessages() {
        Validation v = validation.get();
        for (Map.Entry<Setting, ReadOnlyStringWrapper> e : messages.entrySet()) {
            Setting s = e.getKey();
            String text = "";
            if (touched.contains(s)) {
                List<Problem> problems = v.problemsFor(s);
                text = problems.stream().filter(Problem::isError).findFirst()
                        .or(() -> problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).findFirst())
                        .map(Problem::message).orElse("");
            }
            e.getValue().set(text);
        }
    }

    private String hintFor(Provider provider) {
        if (provider.requires(Requirement.OAUTH_ONLY)) {
            return texts.get("form.hint.oauthOnly", provider.name());
        }
        if (provider.requires(Requirement.APP_PASSWORD)) {
            return texts.get("form.hint.appPassword", provider.name());
        }
        if (provider.requires(Requirement.APP_PASSWORD_WITH_2FA)) {
            return texts.get("form.hint.appPasswordWith2fa", provider.name());
        }
        if (provider.requires(Requirement.SMTP_AUTH_SWITCH)) {
            return texts.get("form.hint.smtpAuthSwitch", provider.name());
        }
        if (provider.requires(Requirement.EXTERNAL_ACCESS_SWITCH)) {
            return texts.get("form.hint.externalAccess", provider.name());
        }
        if (provider.requires(Requirement.BRIDGE_PASSWORD)) {
            return texts.get("form.hint.bridge", provider.name());
        }
        if (provider.requires(Requirement.API_KEY_PASSWORD)) {
            return texts.get("form.hint.apiKey", provider.name());
        }
        return "";
    }
}
