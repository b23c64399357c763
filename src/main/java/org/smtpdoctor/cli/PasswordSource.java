package org.smtpdoctor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.smtpdoctor.settings.Secret;
import picocli.CommandLine.Option;

/**
 * Where a command gets the password from: standard input, an environment variable or an interactive prompt, never
 * a plain argument (it would stay in the shell history and be visible to every user in the process list).
 */
final class PasswordSource {

    @Option(names = "--password-stdin", description = "Read the password (or OAuth token) from the first line of standard input.")
    boolean fromStdin;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the password (or OAuth token) from environment variable VAR.")
    String envVar;

    @Option(names = {"--password", "-p"}, arity = "0..1", hidden = true,
            description = "Refused: a password on the command line is stored in the shell history.")
    String refusedPlainPassword;

    /** Thrown with a message for the user; the command turns it into exit code 2. */
    static final class PasswordException extends Exception {
        PasswordException(String message) {
            super(message);
        }
    }

    /**
     * The secret, or empty when no sign-in is wanted. Prompts on the console when sign-in is wanted and no other
     * source was given.
     */
    Secret read(boolean signInWanted, String username, InputStream stdin, Map<String, String> env, Console console)
            throws PasswordException {
        if (refusedPlainPassword != null) {
            throw new PasswordException("A password given as an argument is stored in your shell history and visible"
                    + " to other users: use --password-stdin or --password-env VAR instead.");
        }
        if (fromStdin && envVar != null) {
            throw new PasswordException("Use either --password-stdin or --password-env, not both.");
        }
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new PasswordException("--password-stdin was given but standard input was empty.");
                }
                return Secret.of(line);
            } catch (IOException e) {
                throw new PasswordException("Could not read the password from standard input.");
            }
        }
        if (envVar != null) {
            String value = env.get(envVar);
            if (value == null || value.isEmpty()) {
                throw new PasswordException("Environment variable " + envVar + " is not set or empty.");
            }
            return Secret.of(value);
        }
        if (!signInWanted) {
            return Secret.empty();
        }
        if (console == null) {
            throw new PasswordException("Sign-in needs a password: use --password-stdin or --password-env VAR"
                    + " (no terminal to ask on), or --auth none to test without signing in.");
        }
        char[] typed = console.readPassword("Password for %s: ", username.isEmpty() ? "the account" : username);
        if (typed == null || typed.length == 0) {
            throw new PasswordException("No password entered.");
        }
        Secret secret = Secret.of(typed);
        java.util.Arrays.fill(typed, '\0');
        return secret;
    }
}
