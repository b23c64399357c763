package org.smtpdoctor.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A change names a value of its own field's kind; anything else would tell a person to type nonsense. */
class ChangeTest {

    @Test
    void aValueOfTheFieldsKindIsAccepted() {
        Change c = Change.of(Setting.SECURITY, SettingValue.security(Security.NONE),
                SettingValue.security(Security.STARTTLS));
        assertEquals(Setting.SECURITY, c.setting());
        assertEquals(Setting.RECIPIENT_ADDRESS, new Change(Setting.RECIPIENT_ADDRESS, Optional.empty(),
                Optional.of(SettingValue.address("bob@example.org"))).setting());
    }

    @Test
    void aValueOfAnotherFieldIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Change(Setting.AUTH_METHOD, Optional.empty(),
                Optional.of(SettingValue.security(Security.SSL_TLS))));
        assertThrows(IllegalArgumentException.class, () -> new Change(Setting.PORT, Optional.of(
                SettingValue.host("smtp.example.org")), Optional.empty()));
    }
}
