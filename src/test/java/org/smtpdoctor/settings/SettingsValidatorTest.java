package org.smtpdoctor.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.settings.Problem.Severity.ERROR;
import static org.smtpdoctor.settings.Problem.Severity.NOTE;
import static org.smtpdoctor.settings.Problem.Severity.WARNING;
import static org.smtpdoctor.settings.Setting.AUTH_METHOD;
import static org.smtpdoctor.settings.Setting.PASSWORD;
import static org.smtpdoctor.settings.Setting.PORT;
import static org.smtpdoctor.settings.Setting.RECIPIENT_ADDRESS;
import static org.smtpdoctor.settings.Setting.SECURITY;
import static org.smtpdoctor.settings.Setting.SENDER_ADDRESS;
import static org.smtpdoctor.settings.Setting.SERVER_HOST;
import static org.smtpdoctor.settings.Setting.USERNAME;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.i18n.Messages;

class SettingsValidatorTest {

    /** 242 characters: a valid domain that makes any address with a local part of 12 or more too long. */
    private static final String LONG_DOMAIN = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(63) + "."
            + "g".repeat(50);

    private static Arguments row(Inputs input, Setting setting, Problem.Severity severity, String key) {
        return Arguments.of(input, setting, severity, key);
    }

    /** One row per case: the input (changed from a valid default) and the finding it must produce. */
    static Stream<Arguments> findings() {
        return Stream.of(
                // server name
                row(Inputs.valid().host(""), SERVER_HOST, ERROR, "settings.host.empty"),
                row(Inputs.valid().host("   "), SERVER_HOST, ERROR, "settings.host.empty"),
                row(Inputs.valid().host("."), SERVER_HOST, ERROR, "settings.host.empty"),
                row(Inputs.valid().host("smtp. example.com"), SERVER_HOST, ERROR, "settings.host.spaces"),
                row(Inputs.valid().host("smtp.example.com/"), SERVER_HOST, ERROR, "settings.host.illegalCharacters"),
                row(Inputs.valid().host("smtp,example,com"), SERVER_HOST, ERROR, "settings.host.illegalCharacters"),
                row(Inputs.valid().host("smtp..example.com"), SERVER_HOST, ERROR, "settings.host.emptyLabel"),
                row(Inputs.valid().host("-smtp.example.com"), SERVER_HOST, ERROR, "settings.host.hyphenAtEdge"),
                row(Inputs.valid().host("a".repeat(64) + ".example.com"), SERVER_HOST, ERROR,
                        "settings.host.labelTooLong"),
                row(Inputs.valid().host(String.join(".", List.of("a".repeat(60), "b".repeat(60), "c".repeat(60),
                        "d".repeat(60), "example.com"))), SERVER_HOST, ERROR, "settings.host.tooLong"),
                row(Inputs.valid().host("https://mail.example.com/settings"), SERVER_HOST, ERROR,
                        "settings.host.webAddress"),
                row(Inputs.valid().host("http://smtp.example.com"), SERVER_HOST, ERROR, "settings.host.webAddress"),
                row(Inputs.valid().host("imaps://imap.example.com:993"), SERVER_HOST, ERROR,
                        "settings.host.incomingUrl"),
                row(Inputs.valid().host("ftp://files.example.com"), SERVER_HOST, ERROR, "settings.host.unknownScheme"),
                row(Inputs.valid().host("alice@example.com"), SERVER_HOST, ERROR, "settings.host.emailAddress"),
                row(Inputs.valid().host("mailto:alice@example.com"), SERVER_HOST, ERROR, "settings.host.emailAddress"),
                row(Inputs.valid().host("smtp://alice:hunter2@smtp.example.com"), SERVER_HOST, NOTE,
                        "settings.host.credentialsRemoved"),
                row(Inputs.valid().host("smtp://smtp.example.com:587").port(""), SERVER_HOST, NOTE,
                        "settings.host.urlNormalised"),
                row(Inputs.valid().host("smtp.example.com:587").port(""), PORT, NOTE, "settings.port.movedFromHost"),
                row(Inputs.valid().host("smtp.example.com:587").port("587"), SERVER_HOST, NOTE,
                        "settings.host.portRemoved"),
                row(Inputs.valid().host("smtp.example.com:465").port("587"), PORT, ERROR,
                        "settings.port.conflictsWithHost"),
                row(Inputs.valid().host("smtp.example.com:abc"), SERVER_HOST, ERROR, "settings.host.badPort"),
                row(Inputs.valid().host("smtp.example.com:70000").port(""), SERVER_HOST, ERROR,
                        "settings.host.badPort"),
                row(Inputs.valid().host("bücher.example"), SERVER_HOST, NOTE, "settings.host.idnConverted"),
                row(Inputs.valid().host("b\u00fccher\u200b.example"), SERVER_HOST, ERROR,
                        "settings.host.illegalCharacters"),
                row(Inputs.valid().host("xn--.example"), SERVER_HOST, ERROR, "settings.host.hyphenAtEdge"),
                row(Inputs.valid().host("ex\u00e4mple." + "\u00e4".repeat(70)), SERVER_HOST, ERROR,
                        "settings.host.idnInvalid"),
                row(Inputs.valid().host("300.1.2.3"), SERVER_HOST, ERROR, "settings.host.badIpv4"),
                row(Inputs.valid().host("192.168.1"), SERVER_HOST, ERROR, "settings.host.badIpv4"),
                row(Inputs.valid().host("2001:db8:::1"), SERVER_HOST, ERROR, "settings.host.badIpv6"),
                row(Inputs.valid().host("[2001:db8::g]"), SERVER_HOST, ERROR, "settings.host.badIpv6"),
                row(Inputs.valid().host("[::1"), SERVER_HOST, ERROR, "settings.host.badIpv6"),
                row(Inputs.valid().host("mail_server.corp.example"), SERVER_HOST, WARNING, "settings.host.underscore"),
                row(Inputs.valid().host("imap.example.com"), SERVER_HOST, WARNING, "settings.host.incomingServer"),
                row(Inputs.valid().host("pop.example.com"), SERVER_HOST, WARNING, "settings.host.incomingServer"),
                row(Inputs.valid().host("pop3.example.com"), SERVER_HOST, WARNING, "settings.host.incomingServer"),
                row(Inputs.valid().host("imap-mail.outlook.com"), SERVER_HOST, WARNING,
                        "settings.host.incomingServer"),
                row(Inputs.valid().host("www.example.com"), SERVER_HOST, WARNING, "settings.host.webHost"),
                // port
                row(Inputs.valid().port(""), PORT, NOTE, "settings.port.defaulted"),
                row(Inputs.valid().port("abc"), PORT, ERROR, "settings.port.notNumber"),
                row(Inputs.valid().port("58 7"), PORT, ERROR, "settings.port.notNumber"),
                row(Inputs.valid().port("0"), PORT, ERROR, "settings.port.outOfRange"),
                row(Inputs.valid().port("70000"), PORT, ERROR, "settings.port.outOfRange"),
                row(Inputs.valid().port("-25"), PORT, ERROR, "settings.port.outOfRange"),
                row(Inputs.valid().port("99999999999999"), PORT, ERROR, "settings.port.outOfRange"),
                // connection security
                row(Inputs.valid().security(null), SECURITY, ERROR, "settings.security.missing"),
                row(Inputs.valid().security(Security.SSL_TLS).port("587"), SECURITY, WARNING,
                        "settings.security.sslOnStarttlsPort"),
                row(Inputs.valid().security(Security.SSL_TLS).port("25"), SECURITY, WARNING,
                        "settings.security.sslOnStarttlsPort"),
                row(Inputs.valid().security(Security.STARTTLS).port("465"), SECURITY, WARNING,
                        "settings.security.plainOnSslPort"),
                row(Inputs.valid().security(Security.NONE).port("465"), SECURITY, WARNING,
                        "settings.security.plainOnSslPort"),
                row(Inputs.valid().host("smtps://smtp.example.com").security(Security.STARTTLS), SECURITY, WARNING,
                        "settings.security.urlSaysSsl"),
                // sign-in
                row(Inputs.valid().username(""), USERNAME, ERROR, "settings.username.empty"),
                row(Inputs.valid().username("   "), USERNAME, ERROR, "settings.username.empty"),
                row(Inputs.valid().username(" alice@example.com "), USERNAME, NOTE, "settings.username.trimmed"),
                row(Inputs.valid().secret(""), PASSWORD, ERROR, "settings.password.empty"),
                row(Inputs.valid().auth(AuthMethod.XOAUTH2).secret(""), PASSWORD, ERROR,
                        "settings.password.tokenEmpty"),
                row(Inputs.valid().secret("pw-123 "), PASSWORD, WARNING, "settings.password.surroundingSpaces"),
                row(Inputs.valid().auth(AuthMethod.NONE), AUTH_METHOD, NOTE, "settings.signIn.offCredentialsUnused"),
                // sender
                row(Inputs.valid().sender("alice"), SENDER_ADDRESS, ERROR, "settings.sender.noAt"),
                row(Inputs.valid().sender("alice@"), SENDER_ADDRESS, ERROR, "settings.sender.incomplete"),
                row(Inputs.valid().sender("@example.com"), SENDER_ADDRESS, ERROR, "settings.sender.incomplete"),
                row(Inputs.valid().sender("alice smith@example.com"), SENDER_ADDRESS, ERROR, "settings.sender.spaces"),
                row(Inputs.valid().sender("alice..smith@example.com"), SENDER_ADDRESS, ERROR,
                        "settings.sender.badLocalPart"),
                row(Inputs.valid().sender("alice(x)@example.com"), SENDER_ADDRESS, ERROR,
                        "settings.sender.badLocalPart"),
                row(Inputs.valid().sender("a".repeat(65) + "@example.com"), SENDER_ADDRESS, ERROR,
                        "settings.sender.badLocalPart"),
                row(Inputs.valid().sender("alice@example..com"), SENDER_ADDRESS, ERROR, "settings.sender.badDomain"),
                row(Inputs.valid().sender("alice@exa_mple.com"), SENDER_ADDRESS, ERROR, "settings.sender.badDomain"),
                row(Inputs.valid().sender("alice".repeat(5) + "@" + LONG_DOMAIN), SENDER_ADDRESS, ERROR,
                        "settings.sender.tooLong"),
                row(Inputs.valid().sender("mailto:alice@example.com"), SENDER_ADDRESS, NOTE,
                        "settings.sender.mailtoRemoved"),
                row(Inputs.valid().sender("Alice Smith <alice@example.com>"), SENDER_ADDRESS, NOTE,
                        "settings.sender.displayNameRemoved"),
                row(Inputs.valid().sender("用户@例子.广告"), SENDER_ADDRESS, NOTE, "settings.sender.internationalised"),
                // recipient
                row(Inputs.valid().recipient("bob"), RECIPIENT_ADDRESS, ERROR, "settings.recipient.noAt"),
                row(Inputs.valid().recipient("bob@"), RECIPIENT_ADDRESS, ERROR, "settings.recipient.incomplete"),
                row(Inputs.valid().recipient("bob @example.com"), RECIPIENT_ADDRESS, ERROR,
                        "settings.recipient.spaces"),
                row(Inputs.valid().recipient(".bob@example.com"), RECIPIENT_ADDRESS, ERROR,
                        "settings.recipient.badLocalPart"),
                row(Inputs.valid().recipient("bob@-example.com"), RECIPIENT_ADDRESS, ERROR,
                        "settings.recipient.badDomain"),
                row(Inputs.valid().recipient("bob".repeat(5) + "@" + LONG_DOMAIN), RECIPIENT_ADDRESS, ERROR,
                        "settings.recipient.tooLong"),
                row(Inputs.valid().recipient("mailto:bob@example.com"), RECIPIENT_ADDRESS, NOTE,
                        "settings.recipient.mailtoRemoved"),
                row(Inputs.valid().recipient("\"Bob\" <bob@example.com>"), RECIPIENT_ADDRESS, NOTE,
                        "settings.recipient.displayNameRemoved"),
                row(Inputs.valid().recipient("jörg@example.com"), RECIPIENT_ADDRESS, NOTE,
                        "settings.recipient.internationalised"));
    }

    @ParameterizedTest(name = "[{index}] {3} for {0}")
    @MethodSource("findings")
    void inputProducesFinding(Inputs input, Setting setting, Problem.Severity severity, String key) {
        SettingsValidator.Checked checked = SettingsValidator.check(input.build());

        assertTrue(checked.findings().stream().anyMatch(f -> f.setting() == setting && f.severity() == severity
                        && f.key().equals(key)),
                () -> "expected " + setting + " " + severity + " " + key + " but got " + checked.findings());
        assertEquals(severity != ERROR || checked.findings().stream().noneMatch(Finding::isError),
                checked.settings().isPresent(), "settings are present exactly when there is no error");
    }

    /** One row per accepted spelling: what was typed, and the host and port that are probed. */
    static Stream<Arguments> normalisations() {
        return Stream.of(
                Arguments.of("smtp.example.com", "587", Security.STARTTLS, "smtp.example.com", 587),
                Arguments.of("  SMTP.Example.COM.  ", "587", Security.STARTTLS, "smtp.example.com", 587),
                Arguments.of("smtp://smtp.example.com:587", "", Security.STARTTLS, "smtp.example.com", 587),
                Arguments.of("SMTP://smtp.example.com:587/", "", Security.STARTTLS, "smtp.example.com", 587),
                Arguments.of("smtps://smtp.example.com", "", Security.SSL_TLS, "smtp.example.com", 465),
                Arguments.of("submission://smtp.example.com?x=1#y", "", Security.STARTTLS, "smtp.example.com", 587),
                Arguments.of("smtp://alice:hunter2@smtp.example.com:25", "", Security.NONE, "smtp.example.com", 25),
                Arguments.of("smtp.example.com:2525", "", Security.STARTTLS, "smtp.example.com", 2525),
                Arguments.of("smtp.example.com", "", Security.SSL_TLS, "smtp.example.com", 465),
                Arguments.of("smtp.example.com", "", Security.STARTTLS, "smtp.example.com", 587),
                Arguments.of("smtp.example.com", "", Security.NONE, "smtp.example.com", 25),
                Arguments.of("smtp.example.com", " 465 ", Security.SSL_TLS, "smtp.example.com", 465),
                Arguments.of("bücher.example", "587", Security.STARTTLS, "xn--bcher-kva.example", 587),
                Arguments.of("MÜNCHEN.example", "587", Security.STARTTLS, "xn--mnchen-3ya.example", 587),
                Arguments.of("例子\u3002测试", "587", Security.STARTTLS, "xn--fsqu00a.xn--0zwm56d", 587),
                Arguments.of("192.0.2.10", "587", Security.STARTTLS, "192.0.2.10", 587),
                Arguments.of("192.0.2.10:465", "", Security.SSL_TLS, "192.0.2.10", 465),
                Arguments.of("::1", "587", Security.STARTTLS, "::1", 587),
                Arguments.of("[2001:DB8::1]", "587", Security.STARTTLS, "2001:db8::1", 587),
                Arguments.of("[::1]:587", "", Security.STARTTLS, "::1", 587),
                Arguments.of("::ffff:192.0.2.1", "25", Security.NONE, "::ffff:192.0.2.1", 25),
                Arguments.of("2001:db8:0:0:0:0:0:1", "25", Security.NONE, "2001:db8:0:0:0:0:0:1", 25),
                Arguments.of("smtp://[2001:db8::1]:587", "", Security.STARTTLS, "2001:db8::1", 587),
                Arguments.of("localhost", "25", Security.NONE, "localhost", 25),
                Arguments.of("a".repeat(63) + ".example.com", "25", Security.NONE, "a".repeat(63) + ".example.com", 25));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" port \"{1}\" -> {3}:{4}")
    @MethodSource("normalisations")
    void hostAndPortAreNormalised(String host, String port, Security security, String expectedHost,
            int expectedPort) {
        Validation v = SettingsValidator.validate(Inputs.valid().host(host).port(port).security(security).build());

        assertTrue(v.isValid(), () -> "problems: " + v.problems());
        assertEquals(expectedHost, v.settings().orElseThrow().host());
        assertEquals(expectedPort, v.settings().orElseThrow().port());
    }

    static Stream<String> goodAddresses() {
        return Stream.of("alice@example.com", "alice.smith+tag@sub.example.co.uk", "\"alice smith\"@example.com",
                "o'brien@example.ie", "x@[192.0.2.1]", "x@[IPv6:2001:db8::1]", "用户@例子.广告",
                "jörg@bücher.example", "postmaster@localhost");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("goodAddresses")
    void validAddressesAreAccepted(String address) {
        Validation v = SettingsValidator.validate(Inputs.valid().sender(address).recipient(address).build());

        assertTrue(v.isValid(), () -> "problems: " + v.problems());
        assertEquals(address, v.settings().orElseThrow().sender());
        assertEquals(address, v.settings().orElseThrow().recipient());
    }

    @Test
    void cleanInputHasNoProblemsAndKeepsEveryField() {
        Validation v = SettingsValidator.validate(Inputs.valid().recipient("bob@example.org").build());

        assertEquals(List.of(), v.problems());
        AccountSettings s = v.settings().orElseThrow();
        assertEquals(new AccountSettings("smtp.example.com", 587, Security.STARTTLS, AuthMethod.AUTO,
                "alice@example.com", Secret.of("pw-123"), "alice@example.com", "bob@example.org"), s);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Validation v = SettingsValidator.validate(new SettingsInput("https://example.com", "x", Security.STARTTLS,
                AuthMethod.LOGIN, "", Secret.empty(), "alice", "bob@"));

        assertFalse(v.isValid());
        assertEquals(Set.of(SERVER_HOST, PORT, USERNAME, PASSWORD, SENDER_ADDRESS, RECIPIENT_ADDRESS),
                v.errors().stream().map(Problem::setting).collect(Collectors.toSet()));
    }

    @Test
    void warningsAndNotesDoNotBlockTheProbe() {
        Validation v = SettingsValidator.validate(Inputs.valid().host("imap.example.com:465").port("")
                .security(Security.STARTTLS).build());

        assertTrue(v.isValid());
        assertEquals(465, v.settings().orElseThrow().port());
        assertFalse(v.problemsFor(SERVER_HOST).isEmpty());
        assertFalse(v.problemsFor(SECURITY).isEmpty());
    }

    @Test
    void messagesSayWhatToDoInPlainWords() {
        Validation v = SettingsValidator.validate(Inputs.valid().host("alice@example.com").build(), Locale.ROOT);

        assertEquals("\"alice@example.com\" is an email address, not a server name. Enter the server name, "
                + "for example smtp.example.com.", v.problemsFor(SERVER_HOST).get(0).message());
    }

    @Test
    void apostrophesSurviveFormatting() {
        Validation v = SettingsValidator.validate(Inputs.valid().host("").build(), Locale.ROOT);

        assertTrue(v.problemsFor(SERVER_HOST).get(0).message().contains("provider's"));
    }

    @Test
    void portsAreNotFormattedWithDigitGrouping() {
        Validation v = SettingsValidator.validate(Inputs.valid().port("65536").build(), Locale.ROOT);

        assertTrue(v.problemsFor(PORT).get(0).message().startsWith("65536 is not a possible port"));
    }

    @Test
    void passwordsNeverAppearInMessages() {
        String password = "Zq9-distinctive-pw ";
        Validation v = SettingsValidator.validate(Inputs.valid()
                .host("smtp://alice:Zq9-distinctive-pw@smtp.example.com:465").port("587")
                .secret(password).build());

        assertFalse(v.problems().isEmpty());
        v.problems().forEach(p -> assertFalse(p.message().contains("Zq9-distinctive-pw"), p.message()));
        assertFalse(v.toString().contains("Zq9-distinctive-pw"));
    }

    @Test
    void credentialsTypedBeforeTheHostAreNotRepeated() {
        Validation v = SettingsValidator.validate(Inputs.valid().host("alice:Zq9-distinctive-pw@smtp.example.com")
                .build());

        assertFalse(v.isValid());
        v.problems().forEach(p -> assertFalse(p.message().contains("Zq9-distinctive-pw"), p.message()));
    }

    @Test
    void everyMessageKeyIsUsedByATableRowAndEveryUsedKeyExists() {
        Messages messages = Messages.of(SettingsValidator.BUNDLE, Locale.ROOT);
        Set<String> produced = new TreeSet<>();
        findings().forEach(a -> SettingsValidator.check(((Inputs) a.get()[0]).build()).findings()
                .forEach(f -> produced.add(f.key())));
        produced.forEach(key -> assertTrue(messages.has(key), "missing text for " + key));
        // besides the findings, the bundle is the home of the authentication methods' labels (Messages.label)
        Stream.of(AuthMethod.values()).map(Messages::labelKey).forEach(produced::add);

        assertEquals(new TreeSet<>(messages.bundle().keySet()), produced,
                "each text in settings/messages.properties is proved by a row of the findings table");
    }
}
