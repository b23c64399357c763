package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smtpdoctor.diagnosis.Pasted.explain;
import static org.smtpdoctor.diagnosis.Pasted.explainsAs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smtpdoctor.settings.Setting;

/**
 * Readings from round 30's "not recognised" train records for the connection settings (server name, port, connection
 * security, network), each a general meaning tested in other programs' words as well as the record's shape.
 */
class Round30ConnectionReadingsTest {

    /**
     * The system's error number printed bare, as libuv (Node.js) and others print it negated: Linux 111 and macOS 61
     * are ECONNREFUSED, 110 and 60 ETIMEDOUT, 113 and 65 EHOSTUNREACH, 101 and 51 ENETUNREACH.
     */
    @Test
    void bareErrorNumbersAreTheirSystemErrors() {
        assertEquals(Setting.PORT, explain("Error sending mail: {\"errno\":-111,\"syscall\":\"connect\"}").setting());
        assertEquals(Setting.PORT, explain("smtp send failed, errno: -61, address 10.0.0.5").setting());
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain("mailer error {\"errno\":-110,\"syscall\":\"connect\"}")
                .setting());
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain("SMTP: connect failed, errno=-113").setting());
        assertEquals(Setting.NETWORK_OR_FIREWALL, explain("mail: socket error errno: -101").setting());
    }

    /** A connection that could not be opened or reached, in words without a system error. */
    @ParameterizedTest
    @ValueSource(strings = {
        "can not open connection to the host, on port 587",
        "Error: can not connect to any SMTP server",
        "Server was unreachable",
        "The mail server is unreachable, try again later",
        "邮件发送失败：SMTP服务器连接失败。",
        "SMTPサーバーへの接続に失敗しました。",
        "Pegasus Mail has encountered an unidentified error on your TCP/IP network. The error code returned to"
                + " Pegasus Mail was 0H.",
    })
    void aConnectionThatCouldNotBeMadeIsTheNetwork(String pasted) {
        explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
    }

    /** PHPMailer's "could not connect to the SMTP host" in Indonesian, Malay and Vietnamese, from its language files. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Kesalahan SMTP: Tidak dapat terhubung ke host SMTP.",
        "Kesalaham SMTP: Tidak dapar terhubung ke host SMTP.",
        "SMTP Connect() gagal.",
        "Ralat SMTP: Tidak dapat menghubungi hos pelayan SMTP.",
        "Lỗi SMTP: Không thể kết nối máy chủ SMTP.",
    })
    void phpMailersConnectErrorInMoreLanguages(String pasted) {
        explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
    }

    /** A firewall's or a security product's rule named as what stopped the connection. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Connection to SMTP server is blocked by traffic rules",
        "The outbound connection to the SMTP server was blocked by the firewall.",
        "SMTP connection blocked by antivirus (port 587)",
    })
    void aConnectionBlockedByARuleIsTheNetwork(String pasted) {
        explainsAs(Setting.NETWORK_OR_FIREWALL, pasted);
    }

    /** Port 25 closed by a cloud or internet provider until one asks it to open it: the network's owner acts. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Some cloud vendors (such as Google, Amazon) close port 25 by default, and you need to contact the vendor to"
                + " open port 25 before you can use the post office service normally",
        "部分云厂商默认关闭 25 端口，需联系厂商开通 25 端口后才能正常使用邮局服务",
        "Outbound port 25 is closed on new accounts; open a support ticket to ask for port 25 to be unblocked",
    })
    void port25ClosedByTheProviderIsTheNetwork(String pasted) {
        Diagnosis d = explain(pasted);
        assertTrue(d.setting() == Setting.NETWORK_OR_FIREWALL || d.setting() == Setting.PORT, d.ruleId());
    }

    /** "Connections to port 25 are prohibited": use the port meant for mail programs. */
    @Test
    void connectionsToPort25ProhibitedIsThePort() {
        explainsAs(Setting.PORT, "Connections to port 25 are prohibited");
        explainsAs(Setting.PORT, "Outgoing connections to port 25 are not allowed on this platform");
    }

    /** The port of incoming mail (IMAP 143 and 993, POP 110 and 995) named as the sending connection's port. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP connection to: mail.example.org:143 as user@example.org",
        "Connecting to SMTP server mail.example.org:993",
        "smtp: dialing mail.example.org:995 failed",
    })
    void anIncomingMailPortForSendingIsThePort(String pasted) {
        explainsAs(Setting.PORT, pasted);
    }

    /** The program says its server setting is empty or wrong, in its own words. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Error sending message: Email Server Host is not set.",
        "Missing smtp setting: host",
        "Mail server address is not valid. Please verify the server address in the configuration.",
        "relayhost configuration problem",
        "SMTP server address is missing",
    })
    void aServerSettingSaidToBeMissingIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /** A sign-in error that calls a domain not valid is not about the server's name. */
    @Test
    void aDomainNotValidAtSignInIsNotTheServerName() {
        Diagnosis d = explain("Failed SMTP login from [hostname] with SASL method NTLM\nUser [account] performed NTLM"
                + " authentication in NT domain [DOMAIN], this domain is not valid.");
        assertNotEquals(Setting.SERVER_HOST, d.setting(), d.ruleId());
    }

    /** The outgoing server's name could not be resolved, in English and Japanese (SharePoint's event 6856). */
    @ParameterizedTest
    @ValueSource(strings = {
        "The IP address of specified SMTP server cannot be resolved",
        "SMTP ホスト %1 の名前を解決できません。",
        "Failed to resolve the SMTP server smtp.example.org",
        "无法解析 SMTP 服务器地址",
    })
    void anOutgoingServerNameNotResolvedIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /** No local mail program to hand the message to: sendmail missing, PHP's mail() failing. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{ \"message\": \"spawn /usr/sbin/sendmail ENOENT\" }",
        "Error: spawn sendmail ENOENT",
        "Horde_Mime_Exception: mail() returned failure.",
    })
    void noLocalMailerIsTheServerName(String pasted) {
        explainsAs(Setting.SERVER_HOST, pasted);
    }

    /**
     * Nodemailer's error object printed as data, with no system error of its own: not refused, not timed out, not an
     * unknown name, so most likely the encryption set up at connect; low confidence, port and network as the others.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "SMTP mail server smtp.office365.com failed: {\"code\":\"ESOCKET\",\"command\":\"CONN\"}",
        "Error {\"code\":\"ESOCKET\",\"command\":\"CONN\"}",
        "sendMail failed { code: 'ESOCKET', command: 'CONN' }",
    })
    void nodemailersBareSocketErrorAtConnectIsTheSecurity(String pasted) {
        Diagnosis d = explainsAs(Setting.SECURITY, Confidence.LOW, pasted);
        assertTrue(Pasted.offers(d, Setting.PORT) || Pasted.offers(d, Setting.NETWORK_OR_FIREWALL),
                d.alternatives().toString());
    }

    /** With its own system error, the same object is read by that error. */
    @Test
    void nodemailersSocketErrorWithASystemErrorIsReadByIt() {
        Diagnosis d = explain("{\"code\":\"ESOCKET\",\"command\":\"CONN\"} Error: connect ECONNREFUSED 10.0.0.5:587");
        assertNotEquals(Setting.SECURITY, d.setting(), d.ruleId());
    }

    /** The encryption named wrong or unsupported in program words, Outlook's in Japanese, Chinese and Korean. */
    @ParameterizedTest
    @ValueSource(strings = {
        "テスト電子メール メッセージの送信:このサーバーは、指定した種類の接続暗号化をサポートしていません…",
        "发送测试电子邮件: 服务器不支持指定的连接加密类型。",
        "테스트 전자 메일 메시지 보내기: 서버가 지정한 연결 암호화 유형을 지원하지 않습니다.",
        "004007006: Unable to send email. SSL/TLS is not configured correctly.",
        "Mail error: TLS is misconfigured for the SMTP connection",
    })
    void encryptionNamedWrongIsTheSecurity(String pasted) {
        explainsAs(Setting.SECURITY, pasted);
    }

    /** The server's first reply never came, or came empty: the banner, or Zend's empty response. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Failed to receive the SMTP banner from the service listening on port 587",
        "Error: timed out waiting for the SMTP banner",
        "Unable to read response, or response is empty",
    })
    void noFirstReplyIsTheSecurityOrTheNetwork(String pasted) {
        Diagnosis d = explain(pasted);
        assertTrue(d.setting() == Setting.SECURITY || d.setting() == Setting.NETWORK_OR_FIREWALL, d.ruleId());
        assertNotEquals(Confidence.HIGH, d.confidence());
    }

    /** No banner from a port that encrypts from the start: the program spoke plain text there. */
    @Test
    void noBannerOnPort465IsTheSecurity() {
        explainsAs(Setting.SECURITY, "Failed to receive the SMTP banner from the service listening on port 465");
    }
}
