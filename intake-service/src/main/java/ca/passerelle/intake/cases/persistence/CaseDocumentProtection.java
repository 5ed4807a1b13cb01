package ca.passerelle.intake.cases.persistence;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.bson.BsonBinaryReader;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;
import org.springframework.stereotype.Component;

import ca.passerelle.intake.cases.CaseStatus;
import ca.passerelle.intake.cases.CaseUnreadableException;
import ca.passerelle.intake.cases.PatientCase;
import ca.passerelle.intake.cases.protection.FieldCipher;
import ca.passerelle.intake.cases.protection.ProtectionFailedException;
import ca.passerelle.intake.cases.protection.RamqLookup;

/**
 * Seals the PHI of a case document on its way to MongoDB and opens it on the way back, so the domain keeps plain values and
 * the database holds only AEAD ciphertext for them. Each protected value (of any BSON type: a name, a birth date) is
 * wrapped in a one-field BSON document, sealed to its case id and field path, and stored as binary. On save it also
 * writes the keyed RAMQ look-up value and, while the case is open, the clinic's open-case guard.
 */
@Component
class CaseDocumentProtection extends AbstractMongoEventListener<PatientCase> implements BeforeSaveCallback<PatientCase>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(CaseDocumentProtection.class);

    static final String RAMQ_LOOKUP = "ramqLookup";
    static final String OPEN_CASE_GUARD = "openCaseGuard";
    /** Direct identifiers, sealed in the {@code patient} sub-document. */
    static final List<String> PATIENT_FIELDS = List.of("familyNameAtBirth", "firstName", "dateOfBirth", "ramqNumber", "phone", "email");
    /** Free text inside list elements, sealed per element: list field → text field. Codes next to them stay in clear. */
    static final Map<String, String> FREE_TEXT_IN_LISTS = Map.of(
            "priorSurgeries", "operativeNote",
            "imaging", "findingsSummary",
            "conservativeCareSessions", "provider");
    private static final DocumentCodec CODEC = new DocumentCodec();

    private final FieldCipher cipher;
    private final RamqLookup lookup;

    CaseDocumentProtection(FieldCipher cipher, RamqLookup lookup) {
        this.cipher = cipher;
        this.lookup = lookup;
    }

    @Override
    public PatientCase onBeforeSave(PatientCase entity, Document document, String collection) {
        String caseId = document.get("_id").toString();
        Document patient = document.get("patient", Document.class);
        if (patient != null) {
            Object ramq = patient.get("ramqNumber");
            if (ramq instanceof String normalised) {
                String value = lookup.valueOf(normalised);
                document.put(RAMQ_LOOKUP, value);
                if (CaseStatus.OPEN.name().equals(document.get("status"))) {
                    document.put(OPEN_CASE_GUARD, openCaseGuard(document.getString("clinicId"), value));
                } else {
                    document.remove(OPEN_CASE_GUARD);
                }
            }
            PATIENT_FIELDS.forEach(field -> seal(caseId, patient, field, "patient." + field));
        }
        Document diagnosis = document.get("diagnosis", Document.class);
        if (diagnosis != null) {
            seal(caseId, diagnosis, "description", "diagnosis.description");
        }
        FREE_TEXT_IN_LISTS.forEach((list, field) -> eachElement(document, list, (element, path) -> seal(caseId, element, field,
                path + "." + field)));
        return entity;
    }

    @Override
    public void onAfterLoad(AfterLoadEvent<PatientCase> event) {
        Document document = event.getSource();
        String caseId = String.valueOf(document.get("_id"));
        try {
            Document patient = document.get("patient", Document.class);
            if (patient != null) {
                PATIENT_FIELDS.forEach(field -> open(caseId, patient, field, "patient." + field));
            }
            Document diagnosis = document.get("diagnosis", Document.class);
            if (diagnosis != null) {
                open(caseId, diagnosis, "description", "diagnosis.description");
            }
            FREE_TEXT_IN_LISTS.forEach((list, field) -> eachElement(document, list, (element, path) -> open(caseId, element, field,
                    path + "." + field)));
        } catch (ProtectionFailedException e) {
            // The message names the field path only; never the value, never the ciphertext.
            log.error("Case {} could not be read: {}", caseId, e.getMessage());
            throw new CaseUnreadableException(caseId, document.getString("clinicId"), e);
        }
    }

    /** {@code <length of clinic id>:<clinic id>:<look-up value>}: unique while the case is open. */
    static String openCaseGuard(String clinicId, String lookupValue) {
        return clinicId.length() + ":" + clinicId + ":" + lookupValue;
    }

    private void seal(String caseId, Document holder, String field, String path) {
        Object value = holder.get(field);
        if (value == null) {
            return;
        }
        RawBsonDocument wrapped = new RawBsonDocument(new Document("v", value), CODEC);
        byte[] plain = new byte[wrapped.getByteBuffer().remaining()];
        wrapped.getByteBuffer().get(plain);
        holder.put(field, new Binary(cipher.seal(caseId, path, plain)));
    }

    private void open(String caseId, Document holder, String field, String path) {
        Object stored = holder.get(field);
        if (stored == null) {
            return;
        }
        if (!(stored instanceof Binary binary)) {
            // A protected field in clear was written around this adapter: refuse it rather than trust it.
            throw new ProtectionFailedException("field " + path + " is not sealed", null);
        }
        byte[] ciphertext = binary.getData();
        byte[] plain = cipher.open(caseId, path, ciphertext);
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(plain))) {
            holder.put(field, CODEC.decode(reader, DecoderContext.builder().build()).get("v"));
        }
    }

    private static void eachElement(Document document, String listField, ElementAction action) {
        Object list = document.get(listField);
        if (list instanceof List<?> elements) {
            for (int i = 0; i < elements.size(); i++) {
                if (elements.get(i) instanceof Document element) {
                    action.apply(element, listField + "." + i);
                }
            }
        }
    }

    @FunctionalInterface
    private interface ElementAction {
        void apply(Document element, String path);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
