package org.smtpdoctor.probe;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;

/** Walks cause chains, including Jakarta Mail's own {@code nextException} links. */
final class Causes {

    private Causes() {
    }

    static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        Throwable c = t;
        while (c != null && out.size() < 20 && !out.contains(c)) {
            out.add(c);
            Throwable next = c.getCause();
            if (next == null && c instanceof MessagingException) {
                next = ((MessagingException) c).getNextException();
            }
            c = next;
        }
        return out;
    }

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c : chain(t)) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    static boolean has(Throwable t, Class<? extends Throwable> type) {
        return find(t, type) != null;
    }

    /** {@code MessagingException < SSLHandshakeException < CertificateException}: simple class names, outermost first. */
    static String names(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c : chain(t)) {
            if (sb.length() > 0) {
                sb.append(" < ");
            }
            sb.append(c.getClass().getSimpleName());
        }
        return sb.toString();
    }
}
