package org.smtpdoctor.cli;

import org.smtpdoctor.settings.Security;
import picocli.CommandLine.Option;

/**
 * The server options {@code probe} and {@code explain} share: one declaration of their names, value types and
 * converters. The two commands mean different things by them (the settings to test, the settings that were used),
 * so the help text comes from {@value #DESCRIPTIONS} under the command's own key ({@code smtp-doctor.probe.port}).
 * {@code --host} is required by {@code probe} only, so it is a mixin of its own ({@link HostOption}) that comes
 * first, before this one.
 *
 * <p>{@code find} has its own options on purpose: it takes an address, not a server, and its
 * {@code --current-*} options describe what the mail program has now.
 */
final class ServerOptions {

    /** The picocli resource bundle with the per-command help texts of these options. */
    static final String DESCRIPTIONS = "org.smtpdoctor.cli.options";

    @Option(names = {"--port", "-P"}, paramLabel = "PORT", descriptionKey = "port")
    String port;

    @Option(names = {"--security", "-s"}, paramLabel = "none|starttls|ssl", converter = Converters.SecurityConverter.class,
            descriptionKey = "security")
    Security security;

    @Option(names = {"--user", "-u"}, paramLabel = "USER", descriptionKey = "user")
    String user;
}
