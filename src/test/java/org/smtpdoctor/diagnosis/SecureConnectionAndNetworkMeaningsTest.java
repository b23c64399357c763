package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.probe.FailureKind;
import org.smtpdoctor.settings.Setting;

/**
 * Encryption, certificate and connection failures read from their words rather than from one library's exact
 * sentence ({@code reply-vocabulary.json}, meanings {@code certificateExpired} to {@code networkUnreachable}): every
 * TLS stack and every translation of a socket error words them differently, and a text the reader had no exact
 * wording for was "not recognised". The wordings below are of stacks, programs and languages whose exact sentences
 * the vocabulary does not list (wolfSSL, Qt, Botan, Bouncy Castle, Apple's URL loading, Windows in five languages).
 */
class SecureConnectionAndNetworkMeaningsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "wolfSSL_connect error -308, error state on socket",
        "QSslSocket: SSL handshake failed",
        "TLS alert: handshake_failure",
        "org.bouncycastle.tls.TlsFatalAlert: handshake_failure(40)",
        "An SSL error has occurred and a secure connection to the server cannot be made.",
        "Error en el protocolo de enlace TLS",
        "TLS-handshake mislukt",
        "Impossibile stabilire una connessione sicura: errore SSL",
    })
    void aFailedHandshakeInAnyStacksWordsIsTheConnectionSecurity(String pasted) {
        assertEquals(FailureKind.TLS_FAILED, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        Diagnosis d = explain(pasted);
        assertEquals(Setting.SECURITY, d.setting(), pasted);
        // the words say the handshake failed, not why: unsure, with the port next
        assertEquals(Confidence.LOW, d.confidence(), pasted);
        assertTrue(d.alternatives().stream().anyMatch(a -> a.setting() == Setting.PORT), pasted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Das Zertifikat des Servers ist abgelaufen.|CERT_EXPIRED",
        "Het certificaat is verlopen.|CERT_EXPIRED",
        "O certificado do servidor expirou.|CERT_EXPIRED",
        "Le certificat du serveur n'est pas approuvé.|CERT_UNTRUSTED",
        "El certificado del servidor no es de confianza.|CERT_UNTRUSTED",
        "x509: the server's certificate could not be verified|CERT_UNTRUSTED",
        "Das Serverzertifikat stimmt nicht mit dem Hostnamen überein.|CERT_HOST_MISMATCH",
        "The certificate presented by the server does not match smtp.example.com|CERT_HOST_MISMATCH",
    })
    void certificateSentencesNameWhatIsWrongWithTheCertificate(String pasted, FailureKind kind) {
        assertEquals(kind, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Verbindung verweigert|CONNECTION_REFUSED",
        "La connexion a été refusée par le serveur.|CONNECTION_REFUSED",
        "La conexión fue rechazada|CONNECTION_REFUSED",
        "Verbinding geweigerd door de server|CONNECTION_REFUSED",
        "Die Verbindung wurde vom Peer zurückgesetzt.|CONNECTION_RESET",
        "A conexão foi redefinida pelo servidor remoto|CONNECTION_RESET",
        "Zeitüberschreitung der Verbindung zu smtp.example.com|CONNECT_TIMEOUT",
        "Tempo limite de conexão esgotado|CONNECT_TIMEOUT",
        "Netzwerk ist nicht erreichbar|NETWORK_UNREACHABLE",
        "Host irraggiungibile|NETWORK_UNREACHABLE",
        "SMTP connection failed|CONNECT_TIMEOUT",
        "Server connection failed|CONNECT_TIMEOUT",
        "La connexion au serveur d'envoi a échoué|CONNECT_TIMEOUT",
        "A conexão com o servidor SMTP falhou|CONNECT_TIMEOUT",
    })
    void socketErrorsInOtherLanguagesAreTheConnectionFailuresTheyName(String pasted, FailureKind kind) {
        assertEquals(kind, ReplyParser.parse(pasted).failureKind().orElseThrow(), pasted);
        assertNotEquals(Verdict.NOT_RECOGNISED, explain(pasted).verdict(), pasted);
    }

    /**
     * A refused connection means nothing listens on that port: after another port, the next things to try are the
     * network (a firewall that turns connections away) and the server name, not the connection security, which a
     * connection that was never made cannot have got wrong ("Port 465" and then "STARTTLS" contradicted each other).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Verbindung verweigert|587",
        "connect ECONNREFUSED 203.0.113.7:587|587",
        // port 25 blocked by the network: the connection was never made either
        "Connection timed out|25",
    })
    void aConnectionNeverMadeHasTheNetworkAndTheServerNameAsAlternatives(String pasted, int port) {
        Diagnosis d = new Diagnoser().explain(pasted, ExplainContext.of(null, "smtp.example.com", port, null, null));
        assertEquals(Setting.PORT, d.setting(), d.ruleId());
        assertEquals(List.of(Setting.NETWORK_OR_FIREWALL, Setting.SERVER_HOST),
                d.alternatives().stream().map(Alternative::setting).toList(), d.ruleId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the server's own log: its TLS set-up, not the user's connection security
        "postfix/smtpd[1]: warning: TLS context initialization failed",
        // a capability listing beside a program's error counter is a transcript, not a failed handshake
        "250-mail.example.com 250-8BITMIME 250 STARTTLS mailsmtp Last Error Code: 17",
        // a refused relay is a reply about the sender, not a refused connection
        "Relay-Zugriff verweigert für diese Verbindung",
        // a connection that failed to sign in is the sign-in's failure
        "Connection failed because the login was rejected",
    })
    void sentencesThatOnlyMentionEncryptionOrAConnectionAreNotItsFailure(String pasted) {
        FailureKind kind = ReplyParser.parse(pasted).failureKind().orElse(null);
        assertNotEquals(FailureKind.TLS_FAILED, kind, pasted);
        assertNotEquals(FailureKind.CONNECTION_REFUSED, kind, pasted);
        assertNotEquals(FailureKind.CONNECT_TIMEOUT, kind, pasted);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Zeitüberschreitung beim Lesen der Antwort über die Verbindung",
        "Délai dépassé en attendant la réponse du serveur sur la connexion",
    })
    void aTimeoutWaitingForAnAnswerIsNotAConnectionThatWasNeverMade(String pasted) {
        assertNotEquals(FailureKind.CONNECT_TIMEOUT, ReplyParser.parse(pasted).failureKind().orElse(null), pasted);
    }
}
