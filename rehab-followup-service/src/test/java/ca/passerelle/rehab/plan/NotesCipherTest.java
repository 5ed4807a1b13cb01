package ca.passerelle.rehab.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class NotesCipherTest {

    private final NotesCipher cipher = new NotesCipher(Base64.getEncoder().encodeToString(new byte[32]));

    @Test
    void sealsNotesSoThatTheStoredFormShowsNothingAndOpensOnlyForTheirReport() {
        String notes = "Patiente anxieuse, douleur à la marche";

        String sealed = cipher.seal(notes, "c-1", "r-1");

        assertThat(sealed).startsWith("v1:").doesNotContain("anxieuse").doesNotContain(Base64.getEncoder().encodeToString(notes.getBytes()));
        assertThat(cipher.seal(notes, "c-1", "r-1")).as("random nonce").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed, "c-1", "r-1")).isEqualTo(notes);
        assertThatThrownBy(() -> cipher.open(sealed, "c-1", "r-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "c-2", "r-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsNoSealedFormForAbsentNotesAndRefusesAKeyOfTheWrongSize() {
        assertThat(cipher.seal(null, "c-1", "r-1")).isNull();
        assertThat(cipher.seal("  ", "c-1", "r-1")).isNull();
        assertThat(cipher.open(null, "c-1", "r-1")).isNull();
        assertThatThrownBy(() -> new NotesCipher(Base64.getEncoder().encodeToString(new byte[16]))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new NotesCipher("not base64 !")).isInstanceOf(IllegalStateException.class);
    }
}
