package ca.passerelle.platform.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import ca.passerelle.platform.security.Caller;
import ca.passerelle.platform.security.Role;

/**
 * Writes audit entries to the service's own {@value #COLLECTION} collection. Append-only by construction: this is the
 * only code that touches the collection, and it inserts and reads; there is no update or delete path.
 */
public class AuditTrail {

    public static final String COLLECTION = "audit-log";

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records that {@code caller} did {@code action} on a resource, for a purpose. */
    public AuditEntry record(Caller caller, String action, String resourceType, String resourceId, String purpose) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), caller.subject(),
                caller.roles().stream().map(Role::name).sorted().toList(),
                caller.clinicId().or(caller::hospitalId).orElse(null), action, resourceType, resourceId, purpose);
        mongo.insert(entry, COLLECTION);
        return entry;
    }

    /** The entries about one resource, oldest first. */
    public List<AuditEntry> entriesAbout(String resourceType, String resourceId) {
        Query query = Query.query(Criteria.where("resourceType").is(resourceType).and("resourceId").is(resourceId))
                .with(Sort.by("at"));
        return mongo.find(query, AuditEntry.class, COLLECTION);
    }
}
