package ca.passerelle.localmongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The servers with the _id lookup answer every query and write exactly as mongo-java-server's own backends do: the same
 * script of conditional reads and writes (the shapes the platform sends: version-gated saves, outbox claims and
 * releases, upserts, $in, sorts and projections) runs against both, and every answer and the final collection are equal.
 */
class LocalMongoServersTest {

    @Test
    void theMemoryServerAnswersAsTheLibrarysOwn() {
        assertSameAnswers(() -> new MongoServer(new MemoryBackend()), LocalMongoServers::inMemory);
    }

    @Test
    void theH2ServerAnswersAsTheLibrarysOwn() {
        assertSameAnswers(() -> new MongoServer(H2Backend.inMemory()), LocalMongoServers::onH2InMemory);
    }

    @Test
    void idEqualityIsFoundAtTheTopOrInATopLevelAndOnly() {
        var query = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "c-1"),
                new de.bwaldvogel.mongo.bson.Document("outbox.0", new de.bwaldvogel.mongo.bson.Document("$exists", true))));
        assertThat(IdLookup.idEquality(query)).isEqualTo("c-1");
        assertThat(IdLookup.idEquality(new de.bwaldvogel.mongo.bson.Document("_id", "c-2").append("version", 3))).isEqualTo("c-2");
        assertThat(IdLookup.idEquality(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"))))).as("an operator is not an equality").isNull();
        assertThat(IdLookup.idEquality(new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "a"), new de.bwaldvogel.mongo.bson.Document("_id", "b")))))
                .as("either of two ids").isNull();
    }

    private static void assertSameAnswers(Supplier<MongoServer> library, Supplier<MongoServer> indexed) {
        assertThat(script(indexed)).isEqualTo(script(library)).hasSize(18);
    }

    /** Runs the script on a fresh server; returns every answer, then the whole collection. */
    private static List<Object> script(Supplier<MongoServer> servers) {
        MongoServer server = servers.get();
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> cases = client.getDatabase("script").getCollection("cases");
            List<Object> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                cases.insertOne(new Document("_id", "c-" + i).append("version", i % 4).append("stage", i % 3 == 0 ? "TRIAGE" : "TRAVEL")
                        .append("outbox", i % 5 == 0 ? List.of(new Document("eventId", "e-" + i)) : List.of()));
            }
            Function<Bson, Object> find = filter -> cases.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            answers.add(find.apply(Filters.and(Filters.eq("_id", "c-7"), Filters.eq("version", 3))));
            answers.add(find.apply(Filters.and(Filters.eq("_id", "c-7"), Filters.eq("version", 2))));
            answers.add(find.apply(Filters.and(Filters.eq("_id", "missing"), Filters.eq("version", 0))));
            answers.add(find.apply(Filters.and(Filters.in("_id", "c-1", "c-2", "c-3"), Filters.eq("version", 2))));
            answers.add(find.apply(Filters.and(Filters.eq("stage", "TRIAGE"), Filters.exists("outbox.0"))));
            answers.add(cases.find(Filters.and(Filters.eq("_id", "c-10"), Filters.exists("outbox.0"))).projection(new Document("outbox", 1))
                    .into(new ArrayList<>()));
            // version-gated save, as Spring Data sends it: matches once, then not (the version moved)
            for (int attempt = 0; attempt < 2; attempt++) {
                answers.add(cases.replaceOne(Filters.and(Filters.eq("_id", "c-9"), Filters.eq("version", 1)),
                        new Document("_id", "c-9").append("version", 2).append("stage", "REHAB").append("outbox", List.of()))
                        .getModifiedCount());
            }
            // an outbox claim and its release
            Bson claim = Filters.and(Filters.eq("_id", "c-15"), Filters.exists("outbox.0"),
                    Filters.or(Filters.exists("leaseUntil", false), Filters.lt("leaseUntil", 100)));
            for (int attempt = 0; attempt < 2; attempt++) {
                answers.add(String.valueOf(cases.findOneAndUpdate(claim, Updates.combine(Updates.set("leaseUntil", 500), Updates.set("owner", "r1")),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
            }
            answers.add(cases.updateOne(Filters.and(Filters.eq("_id", "c-15"), Filters.eq("owner", "r2")), Updates.unset("leaseUntil"))
                    .getModifiedCount());
            answers.add(cases.updateOne(Filters.and(Filters.eq("_id", "c-15"), Filters.eq("owner", "r1")),
                    Updates.combine(Updates.unset("leaseUntil"), Updates.unset("owner"), Updates.pull("outbox", new Document("eventId", "e-15")),
                            Updates.inc("version", 1))).getModifiedCount());
            // upserts: a conditional one that finds nothing inserts, a second one then matches
            for (int attempt = 0; attempt < 2; attempt++) {
                answers.add(String.valueOf(cases.replaceOne(Filters.and(Filters.eq("_id", "c-new"), Filters.eq("version", 0)),
                        new Document("_id", "c-new").append("version", 0).append("stage", "INTAKE"), new ReplaceOptions().upsert(true))
                        .getUpsertedId()));
            }
            answers.add(cases.deleteOne(Filters.and(Filters.eq("_id", "c-20"), Filters.eq("version", 3))).getDeletedCount());
            answers.add(cases.deleteOne(Filters.and(Filters.eq("_id", "c-20"), Filters.eq("version", 0))).getDeletedCount());
            answers.add(cases.countDocuments(Filters.and(Filters.eq("_id", "c-21"), Filters.eq("stage", "TRAVEL"))));
            answers.add(cases.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
            return answers;
        } finally {
            server.shutdownNow();
        }
    }
}
