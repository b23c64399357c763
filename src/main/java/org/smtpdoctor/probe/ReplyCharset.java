package org.smtpdoctor.probe;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Server replies as the server meant them. Jakarta Mail reads replies byte by byte as ISO-8859-1, so a reply in
 * UTF-8 (a German "ungültig", an SMTPUTF8 address, a Russian or Chinese server text) arrives garbled ("ungÃ¼ltig").
 * When the characters are exactly the bytes of valid UTF-8 with at least one multi-byte sequence, they are decoded
 * as UTF-8; anything else (plain ASCII, real Latin-1 text, broken bytes) is kept as read.
 */
final class ReplyCharset {

    private ReplyCharset() {
    }

    static String repair(String read) {
        if (read == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < read.length(); i++) {
            char c = read.charAt(i);
            if (c > 0xFF) {
                return read;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return read;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(read.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return read;
        }
    }
}
