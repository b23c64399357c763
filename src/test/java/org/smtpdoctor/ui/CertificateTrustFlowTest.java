package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.probe.ProbeOptions;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.testkit.ServerIdentity;
import org.smtpdoctor.testkit.TestCertificates;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A server with its own self-signed certificate: the result offers to look at it; the dialog shows who it is for,
 * who issued it, until when, and the fingerprint in groups of four; "Trust for this test" tests again with exactly
 * that certificate pinned, and only then is the password sent. Cancel trusts nothing.
 */
@ExtendWith(ApplicationExtension.class)
class CertificateTrustFlowTest {

    private static final String USER = "carol@example.test";
    private static final String PASSWORD = "Cert-Pa55-✓";
    private static final ServerIdentity IDENTITY = TestCertificates.localhost();

    @TempDir
    static Path dir;

    private WizardHarness harness;
    private FakeSmtpServer server;

    @Start
    void start(Stage stage) {
        // the wizard trusts nothing extra: the test server's certificate is unknown to it
        ProbeOptions options = ProbeOptions.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));
        harness = new WizardHarness(stage, new CoreEngine(options), dir.resolve(UUID.randomUUID() + ".json"));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private void testUntilTheCertificateStopsIt(FxRobot robot) {
        server = FakeSmtpServer.builder().implicitTls(IDENTITY).auth(USER, PASSWORD, "PLAIN", "LOGIN").start();
        WizardHarness.fill(robot, "#emailField", USER);
        robot.interact(harness.vm::next);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SERVER, 5);
        WizardHarness.fill(robot, "#hostField", "127.0.0.1");
        robot.interact(() -> harness.vm.form().securityProperty().set(Security.SSL_TLS));
        WizardHarness.fill(robot, "#portField", String.valueOf(server.port()));
        robot.interact(harness.vm::next);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.SIGN_IN, 5);
        WizardHarness.fill(robot, "#usernameField", USER);
        WizardHarness.fill(robot, "#passwordField", PASSWORD);
        robot.interact(harness.vm::next);
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT, 20);
        assertTrue(robot.lookup("#certificateButton").query().isVisible());
        assertFalse(String.join("\n", server.allLines()).contains("AUTH"), "no sign-in before the trust");
    }

    @Test
    void theCertificateIsShownPlainlyAndTrustingItTestsAgainWithThePassword(FxRobot robot) {
        testUntilTheCertificateStopsIt(robot);
        robot.clickOn("#certificateButton");
        WizardHarness.waitUntil(() -> robot.lookup("#certificateFingerprint").tryQuery().isPresent(), 5);
        String fingerprint = WizardHarness.text(robot, "#certificateFingerprint");
        assertTrue(fingerprint.matches("([0-9A-F]{4} ){15}[0-9A-F]{4}"), fingerprint);
        assertTrue(WizardHarness.text(robot, "#certificateIssuedTo").contains("localhost"),
                WizardHarness.text(robot, "#certificateIssuedTo"));
        assertFalse(WizardHarness.text(robot, "#certificateIssuedBy").isBlank());
        assertTrue(WizardHarness.text(robot, "#certificateValidUntil").matches("\\d{4}-\\d{2}-\\d{2}"));
        robot.clickOn("#trustCertificateButton");
        WizardHarness.waitUntil(() -> harness.vm.pageProperty().get() == Page.RESULT
                && harness.vm.result().verdictProperty().get() == Verdict.WORKS, 20);
        assertTrue(String.join("\n", server.allLines()).contains("AUTH"), "signed in once trusted");
        assertFalse(String.join("\n", server.allLines()).contains(PASSWORD));
    }

    @Test
    void cancelTrustsNothing(FxRobot robot) {
        testUntilTheCertificateStopsIt(robot);
        int connections = server.allLines().size();
        robot.clickOn("#certificateButton");
        WizardHarness.waitUntil(() -> robot.lookup("#cancelCertificateButton").tryQuery().isPresent(), 5);
        // Enter means Cancel here: trusting takes a deliberate choice
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Page.RESULT, harness.vm.pageProperty().get());
        assertEquals(connections, server.allLines().size());
        assertTrue(robot.lookup("#certificateButton").query().isVisible());
    }
}
