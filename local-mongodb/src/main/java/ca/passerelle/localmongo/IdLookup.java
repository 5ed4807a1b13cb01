package ca.passerelle.localmongo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds, for a query that names one {@code _id} by equality among other conditions, the position of that one document
 * through the collection's {@code _id} index. mongo-java-server uses an index only when the query is exactly the index's
 * keys ({@code {_id: x}}); a version-gated save ({@code {_id: x, version: 3}}) or a conditional claim
 * ({@code {$and: [{_id: x}, …]}}) otherwise reads every document of the collection. Every condition is still checked on
 * the document found, by the server's own matcher: only where it looks changes, never what matches.
 */
final class IdLookup {

    private static final String ID = "_id";

    private IdLookup() {
    }

    /**
     * The positions to match {@code query} against, or null when the server's own plan applies (no {@code _id}
     * equality, or the query is {@code {_id: x}} alone, which the server already looks up by index).
     */
    static <P> Iterable<P> positions(Document query, List<Index<P>> indexes) {
        if (query == null || query.keySet().equals(java.util.Set.of(ID))) {
            return null;
        }
        Object id = idEquality(query);
        if (id == null) {
            return null;
        }
        Document byId = new Document(ID, id);
        for (Index<P> index : indexes) {
            if (index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }

    /** The value {@code _id} must equal for {@code query} to match, found at the top level or in a top-level {@code $and}. */
    static Object idEquality(Document query) {
        Object id = query.get(ID);
        if (plainValue(id)) {
            return id;
        }
        if (query.get("$and") instanceof Collection<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document condition) {
                    Object inner = idEquality(condition);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    /** A value compared by equality: not an operator document, a pattern or an array. */
    private static boolean plainValue(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Map) && !(value instanceof Pattern)
                && !(value instanceof Collection) && !value.getClass().isArray();
    }
}
