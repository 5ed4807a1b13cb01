package ca.passerelle.intake.cases.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;

/**
 * The keyed, deterministic look-up value of a normalised RAMQ number: Tink deterministic AEAD (AES256_SIV) with the field
 * name as associated data, Base64. Equal numbers give equal values under one key, so equality can be queried without the
 * number; without the look-up key the value says nothing. The value of record uses the primary key; queries try every
 * enabled key, so rotating the look-up key does not hide older cases.
 */
public class RamqLookup {

    static final byte[] FIELD = "patient.ramqNumber".getBytes(StandardCharsets.UTF_8);

    private final DeterministicAead primary;
    private final List<DeterministicAead> everyEnabledKey;

    public RamqLookup(KeysetHandle keyset) {
        try {
            this.primary = keyset.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
            List<DeterministicAead> each = new ArrayList<>();
            for (int i = 0; i < keyset.size(); i++) {
                KeysetHandle.Entry entry = keyset.getAt(i);
                if (entry.getStatus() == KeyStatus.ENABLED) {
                    KeysetHandle single = KeysetHandle.newBuilder()
                            .addEntry(KeysetHandle.importKey(entry.getKey()).withFixedId(entry.getId()).makePrimary())
                            .build();
                    each.add(single.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class));
                }
            }
            this.everyEnabledKey = List.copyOf(each);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the intake look-up keyset holds no usable deterministic AEAD key", e);
        }
    }

    /** The value stored with a case, under the primary key. */
    public String valueOf(String normalisedRamq) {
        return lookup(primary, normalisedRamq);
    }

    /** The values this number may have been stored under, one per enabled key, primary included. */
    public List<String> candidatesFor(String normalisedRamq) {
        return everyEnabledKey.stream().map(key -> lookup(key, normalisedRamq)).distinct().toList();
    }

    private static String lookup(DeterministicAead key, String normalisedRamq) {
        try {
            return Base64.getEncoder()
                    .encodeToString(key.encryptDeterministically(normalisedRamq.getBytes(StandardCharsets.UTF_8), FIELD));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not derive the RAMQ look-up value", e);
        }
    }
}
