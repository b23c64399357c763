package org.smtpdoctor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md, enforced: one engine serves the wizard, the command line and the tests. */
@AnalyzeClasses(packages = "org.smtpdoctor", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

    /** Main classes only, wherever the build directory is ({@code -Dbuild.dir=...} moves it). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    private static final String[] CORE = {
        "org.smtpdoctor.settings..", "org.smtpdoctor.probe..", "org.smtpdoctor.diagnosis..",
        "org.smtpdoctor.discovery..", "org.smtpdoctor.clients..", "org.smtpdoctor.report..",
        "org.smtpdoctor.i18n..", "org.smtpdoctor.engine.."
    };

    private static final String[] FRONTS = {"org.smtpdoctor.cli..", "org.smtpdoctor.ui.."};

    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("the core must serve the wizard, the command line and tests alike, with no toolkit");

    @ArchTest
    static final ArchRule onlyProbeTalksJakartaMail = noClasses().that().resideOutsideOfPackage("org.smtpdoctor.probe..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
            .because("the probe is the one place that speaks SMTP; everything else works on ProbeResult values");

    @ArchTest
    static final ArchRule onlyCliWritesToStandardStreams = noClasses().that().resideOutsideOfPackage("org.smtpdoctor.cli..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("output belongs to the front end; the core returns values and the wizard shows them");

    @ArchTest
    static final ArchRule noStackTracesPrinted = noClasses()
            .should().callMethod(Throwable.class, "printStackTrace")
            .because("users get short messages; the technical detail is one click away, never a stack trace");

    @ArchTest
    static final ArchRule coreDoesNotDependOnFrontEnds = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("org.smtpdoctor.ui..", "org.smtpdoctor.cli..")
            .because("front ends depend on the core, never the other way round");

    @ArchTest
    static final ArchRule uiAndCliAreIndependent = noClasses().that().resideInAPackage("org.smtpdoctor.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.smtpdoctor.cli..")
            .because("the wizard and the command line are two fronts on the same engine");

    @ArchTest
    static final ArchRule cliDoesNotUseTheWizard = noClasses().that().resideInAPackage("org.smtpdoctor.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.smtpdoctor.ui..")
            .because("the command line must run where no toolkit is installed, and its behaviour must not follow the"
                    + " wizard's");

    @ArchTest
    static final ArchRule frontsCallTheEngine = noClasses().that().resideInAnyPackage(FRONTS)
            .should().dependOnClassesThat().haveFullyQualifiedName("org.smtpdoctor.probe.Prober")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.smtpdoctor.diagnosis.Diagnoser")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.smtpdoctor.discovery.SettingsFinder")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.smtpdoctor.discovery.ProberSessions")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.smtpdoctor.report.ReportRenderer")
            .because("probing, diagnosing, finding and reporting are wired once, in engine.CoreEngine, so both fronts"
                    + " behave the same");

    @ArchTest
    static final ArchRule viewModelsStayOffTheSceneGraph = noClasses().that().resideInAPackage("org.smtpdoctor.ui..")
            .and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("view models hold state and commands (javafx.beans only) so they can be tested without a window");

    /**
     * The core's layers, bottom up: values ({@code settings}), the one SMTP speaker ({@code probe}), provider
     * knowledge ({@code providers}), the two thinkers that use it side by side ({@code diagnosis}, {@code
     * discovery}), the program's words ({@code clients}) and documents ({@code report}), then the {@code engine}
     * both fronts call.
     */
    @ArchTest
    static final ArchRule coreIsLayered = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("settings").definedBy("org.smtpdoctor.settings..")
            .layer("probe").definedBy("org.smtpdoctor.probe..")
            .layer("providers").definedBy("org.smtpdoctor.providers..")
            .layer("diagnosis").definedBy("org.smtpdoctor.diagnosis..")
            .layer("discovery").definedBy("org.smtpdoctor.discovery..")
            .layer("clients").definedBy("org.smtpdoctor.clients..")
            .layer("report").definedBy("org.smtpdoctor.report..")
            .layer("engine").definedBy("org.smtpdoctor.engine..")
            .layer("cli").definedBy("org.smtpdoctor.cli..")
            .layer("ui").definedBy("org.smtpdoctor.ui..")
            .whereLayer("ui").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("engine").mayOnlyBeAccessedByLayers("cli", "ui")
            .whereLayer("report").mayOnlyBeAccessedByLayers("engine", "cli", "ui")
            .whereLayer("clients").mayOnlyBeAccessedByLayers("report", "engine", "cli", "ui")
            .whereLayer("discovery").mayOnlyBeAccessedByLayers("engine", "cli", "ui")
            .whereLayer("diagnosis").mayOnlyBeAccessedByLayers("clients", "report", "engine", "cli", "ui")
            .whereLayer("providers").mayOnlyBeAccessedByLayers("diagnosis", "discovery", "engine", "cli", "ui")
            .whereLayer("probe").mayOnlyBeAccessedByLayers("providers", "diagnosis", "discovery", "report", "engine",
                    "cli", "ui")
            .because("each layer builds on the ones below only: diagnosis and discovery share provider knowledge"
                    + " without depending on each other, and the fronts reach the core through the engine");
}
