package ca.passerelle.assessment;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import ca.passerelle.events.EventCodec;
import ca.passerelle.events.EventEnvelope;
import ca.passerelle.events.Topics;
import ca.passerelle.testinfra.RealInfrastructure;
import ca.passerelle.testinfra.TestTokens;
import ca.passerelle.testinfra.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** The whole service on a random port against the real broker and MongoDB server; one shared context for every IT. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "passerelle.messaging.relay-interval=200ms")
@RealInfrastructure
abstract class ServiceIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;
    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    void send(String caseId, EventEnvelope event) {
        TopicProbe.send(kafka, Topics.INTAKE, caseId, EventCodec.write(event));
    }

    void send(String key, byte[] value) {
        TopicProbe.send(kafka, Topics.INTAKE, key, value);
    }

    /** The events published about a case on the assessment topic, in order. */
    List<ConsumerRecord<String, byte[]>> published(String caseId) {
        return TopicProbe.readAll(kafka, Topics.ASSESSMENT, record -> caseId.equals(record.key()));
    }

    List<String> publishedTypes(String caseId) {
        return published(caseId).stream().map(record -> EventCodec.read(record.value()).type()).toList();
    }

    /** GET with a bearer token from {@code TestTokens}; any status is returned, none thrown. */
    ResponseEntity<String> get(String path, String token) {
        return http().get().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).retrieve()
                .onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    /** POST of a JSON body with a bearer token from {@code TestTokens}; any status is returned, none thrown. */
    ResponseEntity<String> post(String path, String json, String token) {
        return http().post().uri(path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    /**
     * Any method on {@code path}, with a JSON body when given and the raw {@code Authorization} header value when given
     * (null: none); any status is returned, none thrown.
     */
    ResponseEntity<String> exchange(HttpMethod method, String path, String json, String authorization) {
        RestClient.RequestBodySpec request = http().method(method).uri(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().onStatus(status -> true, (req, response) -> { }).toEntity(String.class);
    }

    static JsonNode json(ResponseEntity<String> response) {
        return EventCodec.mapper().readTree(response.getBody());
    }

    double consumed(String outcome) {
        return meters.find("passerelle.events.consumed").tag("outcome", outcome).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private RestClient http() {
        return RestClient.create("http://localhost:" + port);
    }
}
