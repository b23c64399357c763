package org.smtpdoctor.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * User-facing texts from one resource bundle, looked up by semantic key ({@code diagnosis.auth.rejected.title})
 * and formatted with {@link MessageFormat} arguments.
 *
 * <p>Each layer owns its bundle (settings, diagnosis, ui, ...), so texts are never concatenated in code and a
 * consistency test can compare the keys the code uses with the keys a bundle holds.
 */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The bundle {@code baseName} (e.g. {@code org.smtpdoctor.settings.messages}) in the default locale. */
    public static Messages of(String baseName) {
        return of(baseName, Locale.getDefault());
    }

    public static Messages of(String baseName, Locale locale) {
        Objects.requireNonNull(baseName, "baseName");
        return new Messages(ResourceBundle.getBundle(baseName, locale), locale);
    }

    /** The text for {@code key}, formatted with {@code args}; a missing key fails loudly in tests, not silently. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No text for key '" + key + "' in " + bundle.getBaseBundleName(), e);
        }
        if (args.length == 0) {
            return pattern.replace("''", "'");
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /**
     * An enum constant as JSON and command-line output name it: {@code TLS_HANDSHAKE} becomes {@code tls_handshake}.
     * The one mapping for every enum of the shared vocabulary (phase, setting, verdict, actor, …).
     */
    public static String jsonName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * An enum constant as a key part: {@code TLS_HANDSHAKE} becomes {@code tlsHandshake}, so bundles read
     * {@code report.phase.tlsHandshake} rather than repeating constant names.
     */
    public static String keyPart(Enum<?> constant) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : constant.name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /**
     * The one label of a constant of the shared vocabulary (phase, verdict, actor, authentication method), from the
     * bundle of the package that owns the enum: {@code Phase.TLS_HANDSHAKE} reads {@code phase.tlsHandshake} in
     * {@code org.smtpdoctor.probe.messages}. Every front (wizard, command line, reports) reads labels here, so a
     * step or a verdict is called the same everywhere and each label has one home.
     */
    public static String label(Enum<?> constant) {
        return label(constant, Locale.getDefault());
    }

    public static String label(Enum<?> constant, Locale locale) {
        return of(labelBundle(constant.getDeclaringClass()), locale).get(labelKey(constant));
    }

    /** The bundle that holds the labels of {@code type}: the {@code messages} bundle of its package. */
    public static String labelBundle(Class<? extends Enum<?>> type) {
        return type.getPackageName() + ".messages";
    }

    /** The key of a constant's label: the enum's name, then {@link #keyPart}: {@code authMethod.cramMd5}. */
    public static String labelKey(Enum<?> constant) {
        String type = constant.getDeclaringClass().getSimpleName();
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + keyPart(constant);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The locale the texts are in; labels of the vocabulary are read in the same one. */
    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
