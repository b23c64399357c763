package org.smtpdoctor.diagnosis;

import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.settings.Setting;

/**
 * Round 29's twelve languages read as their English strings read: Thunderbird's own sending errors (its
 * {@code composeMsgs.properties} in Japanese, Chinese, Korean, Russian, Ukrainian, Polish, Czech, Turkish, Hungarian,
 * Swedish and Finnish) and PHPMailer's ({@code phpmailer.lang-XX.php}). Each language is read for at least two
 * meanings from the vocabulary's word groups (sign-in failed, could not connect, server unknown, connection timed out
 * or refused, STARTTLS not offered, plain or encrypted passwords not allowed, the selected method not supported), not
 * from the exact sentences of the corpus records.
 */
class Round29LanguageReadingsTest {

    static Stream<Arguments> phpMailer() {
        return Stream.of(
                Arguments.of(Setting.PASSWORD, "SMTPエラー: 認証できませんでした。"),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "SMTPエラー: SMTPホストに接続できませんでした。"),
                Arguments.of(Setting.PASSWORD, "SMTP 错误：登录失败。"),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "SMTP 错误：无法连接到 SMTP 主机。"),
                Arguments.of(Setting.PASSWORD, "SMTP 錯誤：登錄失敗。"),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "SMTP 錯誤：無法連接到 SMTP 主機。"),
                Arguments.of(Setting.PASSWORD, "SMTP 오류: 인증할 수 없습니다."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "SMTP 오류: SMTP 호스트에 접속할 수 없습니다."),
                Arguments.of(Setting.PASSWORD, "Ошибка SMTP: ошибка авторизации."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "Ошибка SMTP: не удается подключиться к SMTP-серверу."),
                Arguments.of(Setting.PASSWORD, "Помилка SMTP: помилка авторизації."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "Помилка SMTP: не вдається під'єднатися до SMTP-серверу."),
                Arguments.of(Setting.PASSWORD, "Błąd SMTP: Nie można przeprowadzić uwierzytelnienia."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "Błąd SMTP: Nie można połączyć się z wybranym hostem."),
                Arguments.of(Setting.PASSWORD, "Chyba SMTP: Autentizace selhala."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "Chyba SMTP: Nelze navázat spojení se SMTP serverem."),
                Arguments.of(Setting.PASSWORD, "SMTP Hatası: Oturum açılamadı."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "SMTP Hatası: SMTP sunucusuna bağlanılamadı."),
                Arguments.of(Setting.PASSWORD, "SMTP hiba: az azonosítás sikertelen."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "SMTP hiba: nem lehet kapcsolódni az SMTP-szerverhez."),
                Arguments.of(Setting.PASSWORD, "SMTP fel: Kunde inte autentisera."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "SMTP fel: Kunde inte ansluta till SMTP-server."),
                Arguments.of(Setting.PASSWORD, "SMTP-virhe: käyttäjätunnistus epäonnistui."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "SMTP-virhe: yhteys palvelimeen ei onnistu."));
    }

    @ParameterizedTest
    @MethodSource("phpMailer")
    void phpMailersTranslatedErrorsReadAsItsEnglishOnes(Setting expected, String pasted) {
        explainsAs(expected, pasted);
    }

    static Stream<Arguments> thunderbird() {
        return Stream.of(
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "送信 (SMTP) サーバー smtp.example.com との接続がタイムアウトしたため、"
                        + "メッセージを送信できませんでした。再度試してください。"),
                Arguments.of(Setting.AUTH_METHOD, "送信 (SMTP) サーバー mail.example.jp が選択された認証方式をサポートしていません。"
                        + "[アカウント設定] の [送信 (SMTP) サーバー] で [認証方式] を変更してください。"),
                Arguments.of(Setting.SECURITY, "メールの送信前にエラーが発生しました: 送信 (SMTP) サーバー mail.example.jp が STARTTLS を"
                        + "サポートしていないため、保護された接続を確立できませんでした。"),
                Arguments.of(Setting.PASSWORD, "无法向发件服务器（SMTP） mail.example.cn 进行认证。请检查密码和验证“账号设置 | 服务器设置”中的"
                        + "“认证方式”。"),
                Arguments.of(Setting.AUTH_METHOD, "发件服务器（SMTP） mail.example.cn 似乎不支持加密过的密码。"),
                Arguments.of(Setting.SERVER_HOST, "寄送郵件時發生錯誤：寄件伺服器（SMTP）mail.example.tw 未知。伺服器可能設定錯誤，請確認您的"
                        + "寄件伺服器（SMTP）設定正確後再試一次。"),
                Arguments.of(Setting.PASSWORD, "無法向寄件伺服器 (SMTP) mail.example.tw 進行認證。"),
                Arguments.of(Setting.SERVER_HOST, "메일 보내는 중 오류가 발생했습니다.  SMTP서버(mail.example.kr)를 알 수 없습니다. 서버 설정이"
                        + " 틀릴 가능성이 있습니다."),
                Arguments.of(Setting.SECURITY, "메일 보내는 중 오류가 발생했습니다. SMTP 서버(mail.example.kr)에 STARTTLS를 통한 보안 연결을"
                        + " 할 수 없습니다."),
                Arguments.of(Setting.SECURITY, "Ошибка отправления почты: Не удалось установить защищённое соединение "
                        + "с сервером исходящей"
                        + " почты (SMTP) «mail.example.ru» с использованием STARTTLS, так как он не заявил о поддержке этой"
                        + " возможности. Отключите использование STARTTLS для этого сервера."),
                Arguments.of(Setting.AUTH_METHOD, "Сервер исходящей почты (SMTP) «mail.example.ru» не разрешает исполь"
                        + "зование обычных"
                        + " текстовых паролей. Пожалуйста, попробуйте сменить «Метод аутентификации»."),
                Arguments.of(Setting.SERVER_HOST, "Ошибка отправления почты: Сервер исходящей почты (SMTP) «mail.examp"
                        + "le.ru» неизвестен."
                        + " Возможно, сервер неверно сконфигурирован."),
                Arguments.of(Setting.SERVER_HOST, "Сталася помилка при надсиланні пошти: Невідомий сервер вихідної пошти (SMTP)"
                        + " mail.example.ua. Можливо, сервер має неправильну конфігурацію."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "Не вдалося надіслати повідомлення через те, що завершився ч"
                        + "ас очікування"
                        + " з'єднання з сервером вихідної пошти (SMTP) mail.example.ua. Спробуйте знову."),
                Arguments.of(Setting.SECURITY, "Wystąpił błąd podczas wysyłania wiadomości: nie udało się nawiązać bez"
                        + "piecznego połączenia"
                        + " z serwerem „mail.example.pl” poczty wychodzącej (SMTP) przy użyciu STARTTLS, jako że nie o"
                        + "głasza on jego"
                        + " stosowania."),
                Arguments.of(Setting.AUTH_METHOD, "Serwer „mail.example.pl” poczty wychodzącej (SMTP) wydaje się nie obsługiwać"
                        + " uwierzytelniania przy pomocy szyfrowanych haseł."),
                Arguments.of(Setting.SERVER_HOST, "Při odesílání zprávy nastala chyba: SMTP server mail.example.cz je "
                        + "neznámý. Server může"
                        + " být špatně nakonfigurován."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "Zprávu se nepodařilo odeslat, protože spojení se SMTP serverem"
                        + " mail.example.cz vypršelo. Zkuste to znovu."),
                Arguments.of(Setting.AUTH_METHOD, "mail.example.com.tr giden sunucusu (SMTP) düz metin parolalara izin"
                        + " vermiyor."),
                Arguments.of(Setting.SECURITY, "Posta gönderirken bir hata meydana geldi: STARTTLS kullanılarak mail.e"
                        + "xample.com.tr SMTP"
                        + " sunucusuyla güvenli bir bağlantı sağlanamadı, çünkü sunucu bu özelliği sunmuyor."),
                Arguments.of(Setting.SERVER_HOST, "Hiba történt a levél küldésekor: a(z) mail.example.hu levélküldő ki"
                        + "szolgáló (SMTP)"
                        + " ismeretlen. Lehet, hogy a kiszolgálót hibásan állították be."),
                Arguments.of(Setting.AUTH_METHOD, "Úgy tűnik, a levélküldő (SMTP) kiszolgáló (mail.example.hu) nem tám"
                        + "ogatja a titkosított"
                        + " jelszavakat."),
                Arguments.of(Setting.SECURITY, "Ett fel uppstod när e-post skulle skickas: Det går inte att upprätta e"
                        + "n säker länk till"
                        + " utgående server (SMTP) mail.example.se med STARTTLS eftersom den inte annonserat den funktionen."),
                Arguments.of(Setting.PASSWORD, "Kan inte autentisera till utgående server (SMTP) mail.example.se. Kont"
                        + "rollera lösenordet."),
                Arguments.of(Setting.NETWORK_OR_FIREWALL, "Viestiä ei voitu lähettää, koska yhteys SMTP-palvelimeen ma"
                        + "il.example.fi"
                        + " aikakatkaistiin. Yritä uudelleen."));
    }

    @ParameterizedTest
    @MethodSource("thunderbird")
    void thunderbirdsTranslatedErrorsReadAsItsEnglishOnes(Setting expected, String pasted) {
        explainsAs(expected, pasted);
    }

    static Stream<Arguments> connectionRefused() {
        return Stream.of(
                Arguments.of("Zprávu nelze odeslat, protože se nepodařilo připojit na SMTP server mail.example.cz. Ser"
                        + "ver může být"
                        + " nedostupný nebo odmítá SMTP spojení."),
                Arguments.of("Viestiä ei voitu lähettää, koska yhteyttä lähtevän postin palvelimeen (SMTP) mail.exampl"
                        + "e.fi ei onnistuttu"
                        + " luomaan. Palvelin voi olla varattu tai estää SMTP-yhteyspyynnöt."),
                Arguments.of("Сообщение не может быть отправлено, так как не удалось установить соединение с Сервером "
                        + "исходящей почты"
                        + " (SMTP) «mail.example.ru». Сервер может быть недоступен или отказывать в соединении по SMTP."),
                Arguments.of("送信 (SMTP) サーバー mail.example.jp に接続できなかったため、メッセージを送信できませんでした。"
                        + "サーバーが利用できないか、SMTP 接続が拒否された可能性があります。"));
    }

    /** Thunderbird's "is refusing SMTP connections", read as in English: a server reached that refused the port. */
    @ParameterizedTest
    @MethodSource("connectionRefused")
    void aServerRefusingSmtpConnectionsIsReadAsInEnglish(String pasted) {
        String english = "The message could not be sent because connecting to Outgoing server (SMTP) mail.example.com failed. The"
                + " server may be unavailable or is refusing SMTP connections.";
        explainsAs(Pasted.explain(english).setting(), pasted);
    }
}
