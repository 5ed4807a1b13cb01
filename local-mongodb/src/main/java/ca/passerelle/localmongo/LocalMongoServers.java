package ca.passerelle.localmongo;

import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The MongoDB wire-protocol servers of the tests (memory) and of the local run (H2 file): mongo-java-server's backends
 * with the {@code _id} index used for every query naming one {@code _id} ({@link IdLookup}). Same data format, same
 * answers; a single-document conditional write costs one lookup instead of a read of the whole collection.
 */
public final class LocalMongoServers {

    private LocalMongoServers() {
    }

    /** A server keeping everything in memory (tests). Bind it, then close it with {@link MongoServer#shutdownNow()}. */
    public static MongoServer inMemory() {
        return new MongoServer(new IndexedMemoryBackend());
    }

    /** A server on an H2 file, created if absent (the local run). */
    public static MongoServer onFile(Path file) {
        return new MongoServer(new IndexedH2Backend(file.toString()));
    }

    /** A server on an in-memory H2 store (tests of the H2 flavour). */
    static MongoServer onH2InMemory() {
        return new MongoServer(new IndexedH2Backend(new MVStore.Builder().open()));
    }

    static final class IndexedMemoryBackend extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                        @Override
                        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                Document fieldSelector) {
                            Iterable<Integer> positions = IdLookup.positions(query, getIndexes());
                            return positions == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                                    : matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
                        }
                    };
                }
            };
        }
    }

    static final class IndexedH2Backend extends H2Backend {

        IndexedH2Backend(MVStore store) {
            super(store);
        }

        /** The store opened as mongo-java-server opens its files. */
        IndexedH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            MVStore store = getMvStore();
            return new H2Database(databaseName, store, getCursorRegistry()) {
                /** Map names as H2Database names them, so files written by the plain backend open unchanged. */
                @Override
                protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                    String namespace = getFullCollectionNamespace(collectionName);
                    MVMap<Object, Document> data = store.openMap("databases." + namespace);
                    MVMap<String, Object> meta = store.openMap("meta." + namespace);
                    return new H2Collection(this, collectionName, options, data, meta, cursorRegistry) {
                        @Override
                        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                Document fieldSelector) {
                            Iterable<Object> positions = IdLookup.positions(query, getIndexes());
                            return positions == null ? super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector)
                                    : matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
                        }
                    };
                }
            };
        }
    }
}
