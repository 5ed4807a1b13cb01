package ca.passerelle.intake.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test fixture: the request that is equivalent to the CaseOpened golden sample, as JSON to vary per test. */
public final class CaseRequests {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private CaseRequests() {
    }

    /** A fresh copy of the golden request: Marie Tremblay, FBSS, ODI 48 %, all consents but research. */
    public static ObjectNode golden() {
        try (InputStream in = CaseRequests.class.getResourceAsStream("golden-case-request.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode patientOf(ObjectNode request) {
        return (ObjectNode) request.get("patient");
    }
}
