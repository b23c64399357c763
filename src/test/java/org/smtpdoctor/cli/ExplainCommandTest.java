package org.smtpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code smtp-doctor explain} turns pasted errors into the setting to change. */
class ExplainCommandTest {

    private static JsonNode json(CliRun run) throws Exception {
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void gmailAppPasswordReplyNamesTheAppPassword() throws Exception {
        CliRun run = CliRun.of("explain", "--json", "--host", "smtp.gmail.com",
                "534-5.7.9 Application-specific password required. Learn more at\n"
                        + "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor");
        assertEquals(1, run.exitCode(), run.all());
        assertEquals("app_password", json(run).path("diagnosis").path("setting").asText());
    }

    /** A bare refused sign-in is the password, unless the sender's provider takes no normal password from programs. */
    @Test
    void theSendersAddressNamesTheProvider() throws Exception {
        CliRun bare = CliRun.of("explain", "--json", "535 Authentication failed");
        assertEquals("password", json(bare).path("diagnosis").path("setting").asText(), bare.all());
        CliRun gmail = CliRun.of("explain", "--json", "--from", "alice@gmail.com", "535 Authentication failed");
        assertEquals(1, gmail.exitCode(), gmail.all());
        assertEquals("app_password", json(gmail).path("diagnosis").path("setting").asText(), gmail.all());
    }

    /** No server at fault and no setting: the program that sends is to be fixed, never "your provider has to act". */
    @Test
    void aProgramWithoutItsMailModuleIsToldToFixTheProgramNotTheProvider() {
        CliRun run = CliRun.of("explain", "Error: Cannot find module 'nodemailer'");
        assertTrue(run.out().contains("the sending program itself needs a fix"), run.out());
        assertFalse(run.out().contains("provider has to act"), run.out());
    }

    @Test
    void aLoneDashReadsTheTextFromStandardInputAsUsual() throws Exception {
        CliRun run = CliRun.of("smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted.')\n",
                Map.of(), "explain", "--json", "-");
        assertEquals(1, run.exitCode(), run.all());
        assertTrue(json(run).path("input").asText().contains("Username and Password not accepted"), run.out());
    }

    @Test
    void textIsReadFromStandardInputWhenNoneIsGiven() throws Exception {
        CliRun run = CliRun.of("javax.mail.MessagingException: Could not convert socket to TLS;\n"
                + "  nested exception is: javax.net.ssl.SSLHandshakeException: PKIX path building failed\n",
                Map.of(), "explain", "--json");
        assertEquals(3, run.exitCode(), run.all());
        assertEquals("cert_untrusted", json(run).path("diagnosis").path("rule_id").asText().replace("kind.", ""));
        assertTrue(json(run).path("input").asText().contains("Could not convert socket to TLS"));
    }

    @Test
    void adviceIsWordedForTheChosenMailProgram() {
        CliRun run = CliRun.of("explain", "--client", "thunderbird", "--port", "587",
                "530 5.7.0 Must issue a STARTTLS command first");
        assertTrue(run.out().contains("Connection security"), run.out());
        assertTrue(run.out().contains("Thunderbird"), run.out());
    }

    @Test
    void aTextThatSaysLittleIsMarkedNotSureAndAClearOneIsNot() {
        CliRun thin = CliRun.of("explain", "Net::SMTPAuthenticationError: 503 5.5.1 Error: authentication not enabled");
        assertTrue(thin.out().contains("Not sure:"), thin.out());
        CliRun clear = CliRun.of("explain", "530 5.7.0 Must issue a STARTTLS command first");
        assertFalse(clear.out().contains("Not sure:"), clear.out());
    }

    @Test
    void temporaryReplyExitsThree() {
        CliRun run = CliRun.of("explain", "--phase", "rcpt", "451 4.7.1 Greylisting in action, please come back later");
        assertEquals(3, run.exitCode(), run.all());
    }

    @Test
    void emptyInputSaysHowToGiveIt() {
        CliRun run = CliRun.of("explain");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("pipe it in"), run.err());
    }

    @Test
    void unknownMailProgramIsOneClearLine() {
        CliRun run = CliRun.of("explain", "--client", "eudora", "535 5.7.8 bad credentials");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("thunderbird"), run.err());
    }

    @Test
    void textThatIsNoMailErrorIsNotRecognisedWithExitTwoAndAHint() throws Exception {
        CliRun run = CliRun.of("explain", "--json", "hello world");
        assertEquals(2, run.exitCode(), run.all());
        JsonNode root = json(run);
        assertEquals(false, root.path("recognized").asBoolean(true));
        assertEquals(false, root.path("diagnosis").path("recognized").asBoolean(true));
        assertEquals("not_recognised", root.path("diagnosis").path("verdict").asText());
        assertTrue(root.path("diagnosis").path("things_to_try").size() > 0, run.out());
        CliRun human = CliRun.of("explain", "hello world");
        assertEquals(2, human.exitCode());
        assertTrue(human.out().contains("No conclusion") && human.out().contains("not recognisable"), human.out());
        assertTrue(!human.out().contains("Works"), human.out());
        assertTrue(!human.out().contains("Who acts"), "no conclusion, nobody named to act: " + human.out());
    }

    @Test
    void alternativesAppearInJsonAndInTheHumanOutput() throws Exception {
        CliRun run = CliRun.of("explain", "--json", "535 5.7.8 Error: authentication failed: authentication failure");
        JsonNode alternatives = json(run).path("diagnosis").path("alternatives");
        assertTrue(alternatives.size() >= 1 && alternatives.size() <= 2, run.out());
        assertTrue(alternatives.get(0).has("setting") && alternatives.get(0).has("suggested_value")
                && !alternatives.get(0).path("why").asText().isBlank(), run.out());
        assertEquals(true, json(run).path("recognized").asBoolean(false));
        CliRun human = CliRun.of("explain", "535 5.7.8 Error: authentication failed: authentication failure");
        assertTrue(human.out().contains("If that does not help"), human.out());
    }

    @Test
    void anAlternativeThatIsNoFieldIsSaidByItsReason() throws Exception {
        CliRun run = CliRun.of("explain", "421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp");
        assertFalse(run.out().contains("Nothing to change ("), run.out());
        CliRun sandbox = CliRun.of("explain", "Sandbox subdomains are for test purposes only. Please add your own"
                + " domain or add the address to authorized recipients in Account Settings.");
        assertTrue(sandbox.out().contains("If that does not help"), sandbox.out());
        assertFalse(sandbox.out().contains("Nothing to change ("), sandbox.out());
    }
}
