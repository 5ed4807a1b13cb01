package ca.passerelle.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The audit trail is append-only by its surface: it can add an entry and read entries, nothing else, and an entry
 * cannot be changed once made. (No service maps an HTTP route onto the audit log: LocalStackIT reads every service's
 * API description.)
 */
class AuditTrailAppendOnlyTest {

    @Test
    void offersOnlyToAppendAndToRead() {
        assertThat(Arrays.stream(AuditTrail.class.getDeclaredMethods()).filter(method -> !method.isSynthetic())
                .filter(method -> !Modifier.isPrivate(method.getModifiers()))
                .map(Method::getName)).as("every method callable from outside the class").containsExactlyInAnyOrder("record", "entriesAbout");
        assertThat(Arrays.stream(AuditTrail.class.getDeclaredFields()).filter(field -> !Modifier.isStatic(field.getModifiers())))
                .as("no state that could be swapped for another store").allMatch(field -> Modifier.isFinal(field.getModifiers()));
    }

    @Test
    void anEntryCannotBeChangedOnceMade() {
        assertThat(AuditEntry.class.isRecord()).isTrue();
        assertThat(Arrays.stream(AuditEntry.class.getDeclaredFields()).filter(field -> !Modifier.isStatic(field.getModifiers())))
                .isNotEmpty().allMatch(field -> Modifier.isFinal(field.getModifiers()));
    }
}
