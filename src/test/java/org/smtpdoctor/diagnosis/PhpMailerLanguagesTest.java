package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smtpdoctor.diagnosis.Pasted.explain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PHPMailer's own sentences for a refused sender, refused recipients and refused data, in the translations its
 * language files ship ({@code language/phpmailer.lang-*.php}; the Italian file joins two words without a space, as
 * users then see it): each names the step the server refused, so it reads as the English sentence does.
 */
class PhpMailerLanguagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SMTP Error: The following recipients failed: bob@exmaple.org|SMTP Fehler: Die folgenden Empfänger sind nicht korrekt: bob@exmaple.org",
        "SMTP Error: The following recipients failed: bob@exmaple.org|Erreur SMTP : les destinataires suivants ont échoué : bob@exmaple.org",
        "SMTP Error: The following recipients failed: bob@exmaple.org|Error SMTP: Los siguientes destinos fallaron: bob@exmaple.org",
        "SMTP Error: The following recipients failed: bob@exmaple.org|SMTP Error: I seguenti indirizzidestinatari hanno generato errore: bob@exmaple.org",
        "SMTP Error: The following recipients failed: bob@exmaple.org|SMTP-fout: de volgende ontvangers zijn mislukt: bob@exmaple.org",
        "SMTP Error: The following recipients failed: bob@exmaple.org|Erro de SMTP: Os seguintes destinatários falharam: bob@exmaple.org",
        "SMTP Error: data not accepted.|SMTP Fehler: Daten werden nicht akzeptiert.",
        "SMTP Error: data not accepted.|Error SMTP: Datos no aceptados.",
        "SMTP Error: data not accepted.|SMTP Error: Data non accettati dalserver.",
        "SMTP Error: data not accepted.|SMTP-fout: data niet geaccepteerd.",
        "SMTP Error: data not accepted.|Erro de SMTP: Dados rejeitados.",
        "SMTP Error: The following From address failed: info@example.org|Die folgende Absenderadresse ist nicht korrekt: info@example.org",
        "SMTP Error: The following From address failed: info@example.org|La(s) siguiente(s) direcciones de remitente fallaron: info@example.org",
        "SMTP Error: The following From address failed: info@example.org|Het volgende afzendersadres is mislukt: info@example.org",
    })
    void aTranslatedSentenceReadsAsTheEnglishOne(String english, String translated) {
        assertEquals(explain(english).setting(), explain(translated).setting(), translated);
        assertEquals(ReplyParser.parse(english).phase(), ReplyParser.parse(translated).phase(), translated);
    }
}
