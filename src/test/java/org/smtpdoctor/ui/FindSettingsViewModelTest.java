package org.smtpdoctor.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.clients.ClientGuide;
import org.smtpdoctor.clients.MailClient;
import org.smtpdoctor.diagnosis.Verdict;
import org.smtpdoctor.discovery.FinderOptions;
import org.smtpdoctor.discovery.Loopback;
import org.smtpdoctor.engine.CoreEngine;
import org.smtpdoctor.i18n.Messages;
import org.smtpdoctor.settings.Security;
import org.smtpdoctor.settings.Setting;
import org.smtpdoctor.testkit.FakeSmtpServer;
import org.smtpdoctor.ui.WizardViewModel.Page;

/**
 * "Find working settings" in the wizard's view models, without the toolkit: the real settings finder against fake
 * SMTP servers on 127.0.0.x, names resolved by a test DNS server on loopback, through the same-thread runner.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FindSettingsViewModelTest {

    private static final String IP = "127.0.0.41";

    @TempDir
    Path dir;

    private Loopback net;
    private FakeSmtpServer tls;
    private int closed;
    private WizardViewModel vm;
    private SettingsFormViewModel form;

    @BeforeEach
    void setUp() throws Exception {
        net = new Loopback();
        tls = net.implicitTls(IP);
        closed = Loopback.closedPort(IP);
        // the "usual" ports of this little internet: implicit TLS where the server listens, 587 and 25 closed
        FinderOptions options = Loopback.options()
                .withPorts(new FinderOptions.StandardPorts(tls.port(), closed, closed));
        CoreEngine engine = new CoreEngine(Loopback.options().probe(), Clock.systemDefaultZone(), options,
                net.dns::lookup);
        vm = new WizardViewModel(engine, new SameThreadTaskRunner(), new SettingsStore(dir.resolve("saved.json")),
                Messages.of(App.MESSAGES));
        form = vm.form();
        form.programProperty().set(MailClient.THUNDERBIRD);
        form.emailProperty().set(Loopback.USER);
        form.hostProperty().set(IP);
        form.securityProperty().set(Security.STARTTLS);
        form.portProperty().set(Integer.toString(closed));
        form.usernameProperty().set(Loopback.USER);
        form.passwordProperty().set(Loopback.PASSWORD);
    }

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    private FindViewModel find() {
        return vm.find();
    }

    @Test
    void starttlsUserAgainstImplicitTlsServerIsToldToChangePortAndConnectionSecurity() {
        vm.startTest();
        assertEquals(Page.RESULT, vm.pageProperty().get());
        assertTrue(vm.canFindFromResultProperty().get());

        vm.findSettings();

        assertEquals(Page.FIND, vm.pageProperty().get());
        assertFalse(find().runningProperty().get());
        assertEquals(FindViewModel.Outcome.FOUND, find().outcomeProperty().get());
        assertEquals(List.of(Setting.PORT, Setting.SECURITY),
                find().changes().stream().map(FindViewModel.ChangeLine::setting).toList());
        ClientGuide guide = new ClientGuide();
        String port = guide.locate(MailClient.THUNDERBIRD, Setting.PORT).fieldName();
        String security = guide.locate(MailClient.THUNDERBIRD, Setting.SECURITY).fieldName();
        assertEquals("Change " + port + " from " + closed + " to " + tls.port(), find().changes().get(0).text());
        assertEquals("Change " + security + " from "
                + guide.valueLabel(MailClient.THUNDERBIRD, Security.STARTTLS) + " to "
                + guide.valueLabel(MailClient.THUNDERBIRD, Security.SSL_TLS), find().changes().get(1).text());
        assertTrue(find().canUseProperty().get());
    }

    @Test
    void useTheseSettingsPutsThemIntoTheFormAndTheRetestPasses() {
        vm.findSettings();

        vm.useFoundSettings();

        assertEquals(Security.SSL_TLS, form.securityProperty().get());
        assertEquals(Integer.toString(tls.port()), form.portProperty().get());
        assertEquals(IP, form.hostProperty().get());
        assertEquals(Page.RESULT, vm.pageProperty().get());
        assertEquals(Verdict.WORKS, vm.result().verdictProperty().get());
        assertTrue(vm.result().titleProperty().get().startsWith("These settings work \u2014 now change them in"),
                vm.result().titleProperty().get());
    }

    @Test
    void onlyTheCandidateWhoseSignInWasAcceptedIsCalledWorking() {
        vm.findSettings();

        List<CandidateLine> working = find().candidates().stream()
                .filter(l -> l.state() == CandidateLine.State.WORKS).toList();
        assertEquals(1, working.size(), find().candidates().toString());
        assertEquals(Integer.toString(tls.port()), working.get(0).port());
        assertEquals("works, sign-in checked", working.get(0).status());
        CandidateLine users = find().candidates().stream()
                .filter(l -> l.source().equals("your current settings")).findFirst().orElseThrow();
        assertEquals("does not answer", users.status());
    }

    @Test
    void withoutAPasswordTheServerIsOnlySaidToAnswerAndNeverToWork() {
        form.passwordProperty().set("");
        vm.findSettings();

        assertTrue(find().candidates().stream().noneMatch(l -> l.state() == CandidateLine.State.WORKS));
        assertTrue(find().candidates().stream().anyMatch(l -> l.status().equals("answers, sign-in not tested")));
        assertTrue(tls.connections().stream().noneMatch(c -> c.verbs().contains("AUTH")));
    }

    @Test
    void thePasswordIsInNoTextOfTheSearch() {
        List<String> seen = new ArrayList<>();
        find().candidates().addListener((javafx.collections.ListChangeListener<CandidateLine>) c ->
                find().candidates().forEach(l -> seen.add(l.toString())));
        find().progressProperty().addListener((o, was, now) -> seen.add(now));

        vm.findSettings();

        Stream.of(find().headingProperty(), find().headlineProperty(), find().bestProperty(),
                find().changeIntroProperty(), find().whereToFindProperty(), vm.statusProperty())
                .forEach(p -> seen.add(p.get()));
        find().changes().forEach(c -> seen.add(c.text()));
        seen.addAll(find().notes());
        assertFalse(seen.isEmpty());
        assertTrue(seen.stream().noneMatch(s -> s.contains(Loopback.PASSWORD)), seen.toString());
    }

    @Test
    void findFromTheStartPageNeedsTheEmailAddress() {
        form.emailProperty().set("");
        vm.findSettings();
        assertEquals(Page.START, vm.pageProperty().get());
    }

    @Test
    void backLeavesTheSearchForThePageItStartedFrom() {
        vm.startTest();
        vm.findSettings();
        vm.back();
        assertEquals(Page.RESULT, vm.pageProperty().get());
    }

    @Test
    void presentationModeMasksTheAddressInTheHeading() {
        vm.findSettings();
        assertTrue(find().headingProperty().get().contains(Loopback.USER));
        vm.presentationModeProperty().set(true);
        assertFalse(find().headingProperty().get().contains(Loopback.USER), find().headingProperty().get());
    }
}
