package ca.passerelle.intake.cases.persistence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

import org.bson.BsonString;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Repository;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;

import ca.passerelle.intake.cases.CaseDocuments;
import ca.passerelle.intake.cases.CaseId;
import ca.passerelle.intake.cases.protection.FieldCipher;
import ca.passerelle.intake.cases.protection.ProtectionFailedException;

/**
 * Document bytes in MongoDB GridFS (bucket {@value #BUCKET}), sealed with the case's AEAD bound to the case and the document
 * id, so the store holds no readable PHI. The GridFS file id and name are the generated document id (never the client's
 * file name); its metadata names the case, the detected media type and the SHA-256 of the bytes as uploaded.
 */
@Repository
class GridFsCaseDocuments implements CaseDocuments {

    private static final Logger log = LoggerFactory.getLogger(GridFsCaseDocuments.class);
    static final String BUCKET = "case-documents";

    private final MongoDatabaseFactory databases;
    private final FieldCipher cipher;

    GridFsCaseDocuments(MongoDatabaseFactory databases, FieldCipher cipher) {
        this.databases = databases;
        this.cipher = cipher;
    }

    @Override
    public void store(CaseId caseId, String documentId, byte[] content, String mediaType, String sha256) {
        byte[] sealed = cipher.seal(caseId.value(), field(documentId), content);
        GridFSUploadOptions options = new GridFSUploadOptions().metadata(
                new Document("caseId", caseId.value()).append("mediaType", mediaType).append("sha256", sha256)
                        .append("sizeBytes", (long) content.length));
        bucket().uploadFromStream(new BsonString(documentId), documentId, new ByteArrayInputStream(sealed), options);
    }

    @Override
    public Optional<byte[]> read(CaseId caseId, String documentId) {
        GridFSFile file = bucket().find(Filters.eq("_id", documentId)).first();
        if (file == null || file.getMetadata() == null || !caseId.value().equals(file.getMetadata().getString("caseId"))) {
            return Optional.empty();
        }
        ByteArrayOutputStream sealed = new ByteArrayOutputStream((int) Math.min(file.getLength(), Integer.MAX_VALUE));
        bucket().downloadToStream(new BsonString(documentId), sealed);
        try {
            return Optional.of(cipher.open(caseId.value(), field(documentId), sealed.toByteArray()));
        } catch (ProtectionFailedException e) {
            log.error("Document {} of case {} could not be read: {}", documentId, caseId, e.getMessage());
            throw new IllegalStateException("a stored document failed its integrity check", e);
        }
    }

    @Override
    public void delete(String documentId) {
        try {
            bucket().delete(new BsonString(documentId));
        } catch (RuntimeException e) {
            log.warn("Unreferenced document {} could not be removed: {}", documentId, e.getClass().getSimpleName());
        }
    }

    private GridFSBucket bucket() {
        return GridFSBuckets.create(databases.getMongoDatabase(), BUCKET);
    }

    private static String field(String documentId) {
        return "documents." + documentId;
    }
}
