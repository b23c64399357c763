package org.smtpdoctor.diagnosis;

import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.settings.Setting;

/**
 * Round 30's Thunderbird sending errors read in the fifteen languages nobody read before (Greek, Danish, Catalan,
 * Norwegian Bokmål, Slovak, Slovenian, Romanian, Bulgarian, Croatian, Lithuanian, Estonian, Basque, Icelandic, Welsh
 * and Scottish Gaelic), from the words of each language's own {@code messageSend.ftl}: each language is read for at
 * least two meanings (sign-in failed, server unknown, connection timed out or refused, STARTTLS not advertised, plain
 * or encrypted passwords not allowed, the selected method not supported), with a server name filled in as a user's
 * paste has it. The strings of round 30 that the eleven languages of round 29 and Portuguese and Spanish did not read
 * are read too, and a placeholder left in as the translation file writes it ({@code %S}, {@code { $hostname }},
 * {@code { $serverResponse }}) does not stop the reading of the words around it.
 */
class Round30LanguageReadingsTest {

    static Stream<Arguments> fifteenLanguages() {
        return Stream.of(
                Arguments.of("el", Setting.PASSWORD,
                        "Δεν είναι δυνατή η ταυτοποίηση στον διακομιστή εξερχομένων (SMTP) smtp.example.com. Ελέγξτε τον κωδικό πρόσβασης και επιβεβαιώστε την επιλογή «Μέθοδος ταυτοποίησης» στις «Ρυθμίσεις λογαριασμού | Διακομιστής εξερχομένων (SMTP)»."),
                Arguments.of("el", Setting.SERVER_HOST,
                        "Σφάλμα κατά την αποστολή αλληλογραφίας. Ο διακομιστής SMTP smtp.example.com είναι άγνωστος. Βεβαιωθείτε ότι έχετε εισάγει σωστά τις ρυθμίσεις SMTP και προσπαθήστε ξανά."),
                Arguments.of("el", Setting.AUTH_METHOD,
                        "Ο διακομιστής εξερχομένων (SMTP) smtp.example.com δεν υποστηρίζει κωδικούς πρόσβασης απλού κειμένου. Δοκιμάστε να επιλέξετε «Κρυπτογραφημένος κωδικός πρόσβασης» για την επιλογή «Μέθοδος ταυτοποίησης»."),
                Arguments.of("el", Setting.NETWORK_OR_FIREWALL,
                        "Το μήνυμα δεν στάλθηκε επειδή έληξε το όριο χρόνου σύνδεσης με τον διακομιστή SMTP smtp.example.com. Προσπαθήστε ξανά."),
                Arguments.of("el", Setting.SECURITY,
                        "Προέκυψε σφάλμα κατά την αποστολή email: Δεν ήταν δυνατή η δημιουργία ασφαλούς σύνδεσης με τον διακομιστή εξερχομένων (SMTP) smtp.example.com με χρήση STARTTLS, επειδή δεν κοινοποιεί αυτήν τη λειτουργία."),
                Arguments.of("el", Setting.AUTH_METHOD,
                        "Ο διακομιστής εξερχομένων (SMTP) smtp.example.com δεν υποστηρίζει την επιλεγμένη μέθοδο ταυτοποίησης. Aλλάξτε το «Μέθοδος ταυτοποίησης» στο «Ρυθμίσεις λογαριασμού | Διακομιστής εξερχομένων (SMTP)»."),
                Arguments.of("el", Setting.MESSAGE_CONTENT_OR_SIZE,
                        "Το μέγεθος του μηνύματος που προσπαθείτε να στείλετε υπερβαίνει το όριο μεγέθους του διακομιστή. Το μήνυμα δεν απεστάλη· μειώστε το μέγεθός του και δοκιμάστε ξανά."),
                Arguments.of("da", Setting.SERVER_HOST,
                        "Der opstod en fejl ved afsendelse af meddelelsen: SMTP-serveren smtp.example.com er ukendt. Serveren er måske forkert sat op. Undersøg om dine SMTP-serverindstillinger er korrekte og prøv igen."),
                Arguments.of("da", Setting.PORT,
                        "Meddelelsen kunne ikke sendes, fordi tidsfristen for forbindelsen til SMTP-serveren smtp.example.com mislykkedes. Serveren er måske nede eller afviser SMTP-forbindelser."),
                Arguments.of("da", Setting.NETWORK_OR_FIREWALL,
                        "Meddelelsen kunne ikke sendes fordi tiden for forbindelsen til SMTP-serveren smtp.example.com løb ud. Prøv igen."),
                Arguments.of("da", Setting.PASSWORD,
                        "Kunne ikke godkendes af SMTP-serveren smtp.example.com. Kontrollér adgangskoden og indstillingerne for sikker godkendelse i ‘Kontoindstillinger | Udgående server (SMTP)’."),
                Arguments.of("da", Setting.AUTH_METHOD,
                        "SMTP-serveren smtp.example.com understøtter tilsyneladende ikke krypterede adgangskoder. Hvis kontoen er nyopsat, så prøv at ændre godkendelsesmetoden til ‘Almindelig adgangskode’ i ‘Kontoindstillinger | Udgående serverindstillinger (SMTP)’."),
                Arguments.of("da", Setting.SECURITY,
                        "Der opstod en fejl ved afsendelse af meddelelsen: Kunne ikke etablere en sikker forbindelse med SMTP-serveren smtp.example.com ved brug af STARTTLS, da den ikke fortæller, at den understøtter denne funktionalitet."),
                Arguments.of("ca", Setting.SERVER_HOST,
                        "S'ha produït un error en enviar el correu: El servidor de sortida (SMTP) smtp.example.com és desconegut. El servidor pot estar configurat de forma incorrecta."),
                Arguments.of("ca", Setting.PASSWORD,
                        "No s'ha pogut autenticar al servidor de sortida (SMTP) smtp.example.com. Comproveu la contrasenya i el «Mètode d'autenticació» a «Paràmetres del compte | Servidor de sortida (SMTP)»."),
                Arguments.of("ca", Setting.AUTH_METHOD,
                        "El servidor de sortida (SMTP) smtp.example.com no permet el mètode d'autenticació seleccionat. Canvieu el «Mètode d'autenticació» a «Paràmetres del compte | Servidor de sortida (SMTP)»."),
                Arguments.of("ca", Setting.NETWORK_OR_FIREWALL,
                        "No s'ha pogut enviar el missatge perquè s'ha esgotat el temps d'espera de la connexió al servidor de sortida (SMTP) smtp.example.com. Torneu-ho a provar."),
                Arguments.of("ca", Setting.SENDER_ADDRESS,
                        "S'ha produït un error en enviar el correu. El servidor de correu ha respost: 550 5.7.1 Not allowed. Comproveu que heu indicat l'adreça electrònica correcta als paràmetres del compte i torneu-ho a provar."),
                Arguments.of("nb", Setting.SERVER_HOST,
                        "Klarte ikke sende meldingen: SMTP-serveren smtp.example.com er ukjent. Serveren kan være feilkonfigurert. Kontroller at SMTP-serverinnstillingene er korrekte og prøv igjen."),
                Arguments.of("nb", Setting.PASSWORD,
                        "Klarte ikke å autentisere mot SMTP-serveren smtp.example.com. Kontroller passordet, og sjekk ‘Autentiseringsmetode’ i ‘Kontoinnstillinger | Utgående server (SMTP)’."),
                Arguments.of("nb", Setting.NETWORK_OR_FIREWALL,
                        "Klarte ikke sende meldingen fordi tilkoblingen til SMTP-serveren smtp.example.com fikk tidsavbrudd. Prøv igjen eller kontakt systemansvarlig."),
                Arguments.of("nb", Setting.AUTH_METHOD,
                        "Den utgående serveren (SMTP) smtp.example.com tillater ikke passord i klartekst. Prøv å endre ‘autentiseringsmetode’ i ‘Kontoinnstillinger | Utgående server (SMTP)’ til ‘Kryptert passord’."),
                Arguments.of("sk", Setting.PASSWORD,
                        "Overenie na serveri odchádzajúcej pošty (SMTP) smtp.example.com zlyhalo. Skontrolujte heslo a položku „Metóda overenia“ v časti „Nastavenia účtu | Server pre odosielanie pošty“."),
                Arguments.of("sk", Setting.SECURITY,
                        "Pri odosielaní pošty sa vyskytla chyba: so serverom odchádzajúcej pošty (SMTP) smtp.example.com sa nepodarilo vytvoriť zabezpečené spojenie pomocou protokolu STARTTLS, pretože server túto funkciu neponúka."),
                Arguments.of("sk", Setting.NETWORK_OR_FIREWALL,
                        "Správu sa nepodarilo odoslať, pretože pripojenie k serveru odchádzajúcej pošty (SMTP) smtp.example.com prekročilo časový limit. Skúste to znova."),
                Arguments.of("sk", Setting.AUTH_METHOD,
                        "Server odchádzajúcej pošty (SMTP) smtp.example.com nepodporuje zvolený spôsob overenia. Zmeňte „Metódu overenia“ v ponuke „Nastavenia účtu | Server pre odosielanie pošty“."),
                Arguments.of("sl", Setting.SERVER_HOST,
                        "Pri pošiljanju pošte je prišlo do napake: odhodni strežnik (SMTP) smtp.example.com ni znan. Morda strežnik ni pravilno nastavljen."),
                Arguments.of("sl", Setting.PASSWORD,
                        "Odhodnega strežnika (SMTP) smtp.example.com ni mogoče overiti. Preverite geslo in ‘Metodo overitve’ v ‘Nastavitve računa | Odhodni strežnik (SMTP)’."),
                Arguments.of("sl", Setting.AUTH_METHOD,
                        "Odhodni strežnik (SMTP) smtp.example.com ne dovoljuje gesel v golem besedilu. Poskusite ‘Metodo overitve’ v ‘Nastavitve računa | Odhodni strežnik (SMTP)’ spremeniti v ‘Šifrirano geslo’."),
                Arguments.of("sl", Setting.PORT,
                        "Sporočila ni bilo mogoče poslati, ker je povezava z odhodnim strežnikom (SMTP) smtp.example.com spodletela. Strežnik morda ni na voljo ali pa zavrača povezave SMTP."),
                Arguments.of("ro", Setting.SERVER_HOST,
                        "S-a produs o eroare la trimiterea mesajului: serverul de trimitere (SMTP) smtp.example.com este necunoscut. Ar putea fi o problemă de configurare a serverului."),
                Arguments.of("ro", Setting.PASSWORD,
                        "Nu se poate efectua autentificarea la serverul de trimitere (SMTP) smtp.example.com. Te rugăm să verifici parola și „Metoda de autentificare” în „Setările contului | Server de trimitere (SMTP)”."),
                Arguments.of("ro", Setting.NETWORK_OR_FIREWALL,
                        "Mesajul nu a putut fi trimis deoarece conexiunea la serverul de trimitere (SMTP) smtp.example.com a expirat. Încearcă din nou."),
                Arguments.of("ro", Setting.AUTH_METHOD,
                        "Serverul de trimitere (SMTP) smtp.example.com nu are suport pentru metoda de autentificare selectată. Te rugăm să schimbi „Metoda de autentificare” din „Setările contului | Server de trimitere (SMTP)”."),
                Arguments.of("bg", Setting.SERVER_HOST,
                        "Възникна грешка при изпращане на пощата: Изходящият (SMTP) сървър smtp.example.com е непознат. Сървърът може би е неправилно конфигуриран. Моля, проверете настройките му и опитайте отново."),
                Arguments.of("bg", Setting.PASSWORD,
                        "Неуспешно удостоверяване на изходящият (SMTP) smtp.example.com сървър. Моля, проверете паролата и ‘Метод на удостоверяване’ в ‘Настройки за регистрацията’ - ‘Изходящ (SMTP) сървър’."),
                Arguments.of("bg", Setting.SECURITY,
                        "Възникна грешка при изпращане на пощата: Установяването на сигурна връзка с изходящия (SMTP) сървър smtp.example.com е невъзможно, ако се използва STARTTLS, тъй като той не обявява тази особеност."),
                Arguments.of("bg", Setting.NETWORK_OR_FIREWALL,
                        "Писмото не може да бъде изпратено, защото времето за изчакване на изходящия (SMTP) smtp.example.com сървър изтече. Опитайте отново."),
                Arguments.of("hr", Setting.SERVER_HOST,
                        "Greška prilikom slanja pošte: poslužitelj odlazne pošte (SMTP) smtp.example.com je nepoznat. Postavke poslužitelja mogu biti netočne."),
                Arguments.of("hr", Setting.PASSWORD,
                        "Nije se moguće prijaviti na poslužitelj odlazne pošte (SMTP) smtp.example.com. Provjerite lozinku i postavke ‘Metoda provjere autentičnosti’ u ‘Postavke računa | Poslužitelj odlazne pošte (SMTP)’."),
                Arguments.of("hr", Setting.SECURITY,
                        "Greška prilikom slanja pošte: nije moguće uspostaviti sigurnu vezu s poslužiteljem odlazne pošte (SMTP) smtp.example.com koristeći STARTTLS, jer poslužitelj ne podržava ovu mogućnost."),
                Arguments.of("hr", Setting.NETWORK_OR_FIREWALL,
                        "Poruka nije poslana jer je veza s poslužiteljem odlazne pošte (SMTP) smtp.example.com istekla. Pokušajte ponovno."),
                Arguments.of("lt", Setting.SERVER_HOST,
                        "Klaida išsiunčiant laišką: nežinomas išsiuntimo (SMTP) serveris – smtp.example.com. Serveris gali būti neteisingai aprašytas."),
                Arguments.of("lt", Setting.PASSWORD,
                        "Nepavyko patvirtinti tapatumo išsiuntimo (SMTP) serveryje smtp.example.com. Patikrinkite slaptažodį ir tapatumo tikrinimo metodą paskyros „Laiškų išsiuntimo serveris (SMTP)“ nuostatų šio serverio skyrelyje."),
                Arguments.of("lt", Setting.NETWORK_OR_FIREWALL,
                        "Laiškas neišsiųstas, nes nepavyko susisiekti su išsiuntimo (SMTP) serveriu smtp.example.com. Bandykite kiek vėliau."),
                Arguments.of("lt", Setting.AUTH_METHOD,
                        "Išsiuntimo (SMTP) serveris smtp.example.com nepalaiko nurodyto tapatumo patikrinimo būdo."),
                Arguments.of("et", Setting.SERVER_HOST,
                        "Kirja saatmisel esines viga: SMTP-server smtp.example.com on tundmatu. Server võib olla valesti seadistatud."),
                Arguments.of("et", Setting.PASSWORD,
                        "Autentimine SMTP-serveriga aadressil smtp.example.com pole võimalik. Palun kontrolli parooli ja konto väljuva e-posti serveri autentimise viisi."),
                Arguments.of("et", Setting.NETWORK_OR_FIREWALL,
                        "Kirja saatmine pole võimalik, sest ühendus SMTP-serverisse smtp.example.com aegus. Proovi uuesti."),
                Arguments.of("et", Setting.SECURITY,
                        "Kirja saatmisel esines viga: pole võimalik luua turvalist ühendust SMTP-serveriga smtp.example.com, kasutades STARTTLSi, kuna see server ei toeta antud võimalust."),
                Arguments.of("eu", Setting.SERVER_HOST,
                        "Errore bat gertatu da posta bidaltzean: smtp.example.com irteerako SMTP zerbitzaria ezezaguna da. Zerbitzaria gaizki konfiguratuta egon daiteke."),
                Arguments.of("eu", Setting.PASSWORD,
                        "Ezin izan da smtp.example.com irteerako SMTP zerbitzariarekin autentifikatu. Egiaztatu pasahitza eta egiaztatu ‘Autentifikazio-metodoa’ aukera ‘Kontu-ezarpenak | Irteerako SMTP zerbitzaria’ atalean."),
                Arguments.of("eu", Setting.NETWORK_OR_FIREWALL,
                        "Ezin izan da mezua bidali smtp.example.com irteerako SMTP zerbitzariarekiko konexioa denboraz kanpo geratu delako. Saiatu berriro."),
                Arguments.of("eu", Setting.SECURITY,
                        "Errore bat gertatu da posta bidaltzean: ezin da lotura segurua ezarri smtp.example.com irteerako SMTP zerbitzariarekin STARTTLS erabiliz, ez baitu ezaugarri honen berri ematen."),
                Arguments.of("is", Setting.SERVER_HOST,
                        "Upp kom villa við að senda póst: Póstþjónn fyrir útsendan póst (SMTP) smtp.example.com er óþekktur. Hugsanlega er póstþjónn rangt stilltur."),
                Arguments.of("is", Setting.AUTH_METHOD,
                        "Póstþjónn fyrir útsendan póst (SMTP) smtp.example.com virðist ekki styðja dulkóðuð lykilorð. Ef þú varst að setja upp reikninginn rétt í þessu, prufaðu þá að breyta ‘Auðkennisaðferð’ í ‘Venjulegt lykilorð’."),
                Arguments.of("is", Setting.NETWORK_OR_FIREWALL,
                        "Ekki tókst að senda póst á póstþjón fyrir útsendan póst (SMTP) smtp.example.com þar sem tenging rann út. Reyndu aftur."),
                Arguments.of("is", Setting.PORT,
                        "Ekki tókst að senda póst þar sem tenging við póstþjónn fyrir útsendan póst (SMTP) smtp.example.com mistókst. Netþjónn gæti verið óaðgengilegur eða er að hafna SMTP tengingum."),
                Arguments.of("cy", Setting.SERVER_HOST,
                        "Digwyddodd gwall wrth anfon e-bost: Mae'r gweinydd Anfon (SMTP) smtp.example.com yn anhysbys. Efallai fod y gweinydd wedi'i ffurfweddu yn anghywir."),
                Arguments.of("cy", Setting.PASSWORD,
                        "Methu dilysu gweinydd Anfon (SMTP) smtp.example.com. Gwiriwch eich cyfrinair a dilysu eich ‘Dull dilysu’ yn ‘Gosodiadau Cyfrif | Gweinydd anfon’ (SMTP)’."),
                Arguments.of("cy", Setting.NETWORK_OR_FIREWALL,
                        "Nid oedd modd anfon y neges gan fod cysylltu â'r gweinydd Anfon (SMTP) smtp.example.com wedi dod i ben. Ceisiwch eto."),
                Arguments.of("cy", Setting.AUTH_METHOD,
                        "Nid yw'r gweinydd Anfon (SMTP) smtp.example.com yn cynnal y dull yma o ddilysu. Ceisiwch newid y ‘Dull dilysu’ yn ‘Gosodiadau Cyfrif | Gweinydd Anfon (SMTP)’."),
                Arguments.of("gd", Setting.SERVER_HOST,
                        "Thachair mearachd rè cur a' phuist: Tha am frithealaiche a-mach (SMTP) smtp.example.com neo-aithnichte. Dh'fhaodadh gu bheil am frithealaiche air a dhroch rèiteachadh."),
                Arguments.of("gd", Setting.PASSWORD,
                        "Cha ghabh dearbhadh a dhèanamh dhan fhrithealaiche a-amach (SMTP) smtp.example.com. Cuir sùil air an fhacal-fhaire is dearbhaich an dòigh dearbhaidh ann an \"Roghainnean a’ chunntais | Am frithealaiche a-mach (SMTP)\"."),
                Arguments.of("gd", Setting.NETWORK_OR_FIREWALL,
                        "Cha b' urrainn dhuinn an teachdaireachd a chur a chionn 's gun do dh'fhalbh an ùine air an fhrithealaiche a-mach (SMTP) smtp.example.com. Feuch ris a-rithist."),
                Arguments.of("gd", Setting.AUTH_METHOD,
                        "Chan eil am frithealaiche a-mach (SMTP) smtp.example.com a’ cur taic ris an dòigh dearbhaidh a thagh thu. Atharraich an dòigh dearbhaidh ann an \"Roghainnean a’ chunntais\" | \"Am frithealaiche a-mach (SMTP)\"."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fifteenLanguages")
    void thunderbirdsErrorsInFifteenMoreLanguagesReadAsItsEnglishOnes(String language, Setting expected,
            String pasted) {
        explainsAs(expected, pasted);
    }

    static Stream<Arguments> languagesReadBefore() {
        return Stream.of(
                Arguments.of("pt", Setting.AUTH_METHOD,
                        "Parece que o servidor de envio (SMTP) smtp.example.com não tem suporte a palavras-passe encriptadas. Se acabou de configurar a conta, tente mudar para 'Palavra-passe, envio sem segurança' como 'Método de autenticação' nas 'Definições da conta | Servidor de envio (SMTP)'."),
                Arguments.of("es", Setting.AUTH_METHOD,
                        "El servidor saliente (SMTP) smtp.example.com no permite contraseñas en texto plano. Intente cambiar el 'Método de autenticación' en 'Configuración de cuenta | Servidor de salida (SMTP)' a 'Contraseña cifrada'."),
                Arguments.of("es", Setting.WAIT_AND_RETRY,
                        "El mensaje no pudo ser enviado porque se perdió la conexión al servidor SMTP smtp.example.com en medio de la transacción. Intente nuevamente o contacte a su administrador de red."),
                Arguments.of("sv", Setting.WAIT_AND_RETRY,
                        "Meddelandet kunde inte skickas eftersom anslutningen till utgående server (SMTP) smtp.example.com förlorades mitt under transaktionen. Försök igen."),
                Arguments.of("sv", Setting.SENDER_ADDRESS,
                        "Ett fel uppstod när e-post skulle skickas: avsändarens adress (Från:) var ogiltig. Kontrollera att den här e-postadressen är korrekt och försök igen."),
                Arguments.of("sv", Setting.MESSAGE_CONTENT_OR_SIZE,
                        "Storleken på meddelandet du försöker skicka överskrider en temporär storleksgräns för servern. Meddelandet skickades inte; försöka minska meddelandestorleken eller vänta en stund och försök igen."),
                Arguments.of("uk", Setting.PASSWORD,
                        "Неможливо авторизуватися на сервері вихідної пошти (SMTP) smtp.example.com. Перевірте пароль та \"Метод автентифікації\" в \"Параметрах облікового запису | Вихідний (SMTP) сервер\"."),
                Arguments.of("fi", Setting.SERVER_HOST,
                        "Postia lähetettäessä tapahtui virhe: SMTP-palvelinta smtp.example.com ei tunneta. Palvelinasetukset voivat olla virheelliset. Varmista, että SMTP-palvelinasetuksesi ovat oikein ja yritä uudelleen."),
                Arguments.of("zh", Setting.SECURITY,
                        "发送邮件时出错：无法与发件服务器（SMTP） smtp.example.com 使用 STARTTLS 建立安全连接，因为它不宣称支持此功能。请关闭对此服务器的 STARTTLS，或者联系您的服务提供商。"),
                Arguments.of("zh", Setting.MESSAGE_CONTENT_OR_SIZE,
                        "正在寄送的郵件超過了伺服器的大小上限。郵件並未寄出。請嘗試減少郵件大小後再試一次。"),
                Arguments.of("pl", Setting.MESSAGE_CONTENT_OR_SIZE,
                        "Rozmiar wysyłanej wiadomości przekracza globalny limit rozmiaru wiadomości na serwerze. Wiadomość nie została wysłana; należy zmniejszyć jej rozmiar i spróbować ponownie."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("languagesReadBefore")
    void roundThirtysStringsInLanguagesReadBeforeAreReadToo(String language, Setting expected, String pasted) {
        explainsAs(expected, pasted);
    }

    static Stream<Arguments> placeholdersLeftIn() {
        return Stream.of(
                Arguments.of("zh", Setting.SENDER_ADDRESS,
                        "发送邮件时出错。邮件服务器响应：%s。请验证您在账户设置中的电子邮件地址是否正确，然后再试。"),
                Arguments.of("ko", Setting.RECIPIENT_ADDRESS,
                        "메일 보내는 중 오류가 발생했습니다. 메일 서버 응답: \n%1$S.\n 메시지 주소  %2$S를 확인하고 재시도해 보시기 바랍니다."),
                Arguments.of("uk", Setting.RECIPIENT_ADDRESS,
                        "Повідомлення не було надіслано через перевищення дозволеної кількості отримувачів. Відповідь сервера: %s."),
                Arguments.of("ca", Setting.SENDER_ADDRESS,
                        "S'ha produït un error en enviar el correu. El servidor de correu ha respost: { $serverResponse }. Comproveu que heu indicat l'adreça electrònica correcta als paràmetres del compte i torneu-ho a provar."),
                Arguments.of("hr", Setting.RECIPIENT_ADDRESS,
                        "Greška prilikom slanja pošte. Poslužitelj je odgovorio:\n{ $serverResponse }.\nProvjerite primatelja pošte \"{ $recipient }\" i pokušajte ponovno."),
                Arguments.of("sl", Setting.MESSAGE_CONTENT_OR_SIZE,
                        "Med pošiljanjem pošte je prišlo do napake. Poštni strežnik je odgovoril:  { $serverResponse }. Preverite sporočilo in poskusite znova."),
                Arguments.of("is", Setting.SENDER_ADDRESS,
                        "Villa kom up við að senda póst. Póstþjónninn svaraði: { $serverResponse }. Athugað að póstfangið þitt sé rétt í stillingum reiknings og reyndu aftur."),
                Arguments.of("el", Setting.SERVER_HOST,
                        "Σφάλμα κατά την αποστολή αλληλογραφίας. Ο διακομιστής SMTP { $hostname } είναι άγνωστος. Βεβαιωθείτε ότι έχετε εισάγει σωστά τις ρυθμίσεις SMTP και προσπαθήστε ξανά."),
                Arguments.of("gd", Setting.SECURITY,
                        "Thachair mearachd le cur a’ phuist: Cha ghabh ceangal tèarainte a stèidheachadh leis an fhrithealaiche a-mach (SMTP) { $hostname } le STARTTLS a chionn ‘s nach eil e a’ sanasachd a’ ghleus seo."),
                Arguments.of("cs", Setting.CONTACT_PROVIDER,
                        "Odpověď odchozího server (SMTP) na příkaz CLIENTID naznačuje, že vaše zařízení nemůže odesílat zprávy. Odpověď serveru: %s"));
    }

    /** The wrapper's own advice reads with the translation file's placeholder where the server's reply or name goes. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("placeholdersLeftIn")
    void aPlaceholderLeftInDoesNotStopTheReading(String language, Setting expected, String pasted) {
        explainsAs(expected, pasted);
    }
}
