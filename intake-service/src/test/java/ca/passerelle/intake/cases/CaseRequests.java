package ca.passerelle.intake.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test fixture: the request that is equivalent to the CaseOpened golden sample, as JSON to vary per test. */
public final class CaseRequests {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** Characters allowed at position 11 of a RAMQ number. */
    private static final String ADMINISTRATIVE = "ABCDEFGHJKLMNPQRSTUVWXYZ123456789";
    private static final AtomicInteger NEXT_RAMQ = new AtomicInteger();
    /** The golden request's number, whose check digit agrees. */
    public static final String GOLDEN_RAMQ = "TREM 7453 1217";
    private static final LocalDate MARIE_BORN = LocalDate.of(1974, 3, 12);

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

    /**
     * A RAMQ number of Marie Tremblay without any warning that no other call returned: the administrative character and check
     * digit vary (a digit in position 11 takes its own check digit only), about 250 numbers in all. A clinic has one open
     * case per patient, so independent tests need their own patient.
     */
    public static String anotherRamqOfMarie() {
        while (true) {
            int n = NEXT_RAMQ.getAndIncrement();
            if (n >= ADMINISTRATIVE.length() * 10) {
                throw new IllegalStateException("no RAMQ number of Marie Tremblay left for this test run");
            }
            String candidate = "TREM 7453 12" + ADMINISTRATIVE.charAt(n / 10) + (n % 10);
            if (!candidate.equals(GOLDEN_RAMQ)
                    && RamqNumber.parse(candidate).warningsFor("Tremblay", "Marie", MARIE_BORN).isEmpty()) {
                return candidate;
            }
        }
    }

    /** The golden request for another patient number. */
    public static ObjectNode golden(String ramqNumber) {
        ObjectNode request = golden();
        patientOf(request).put("ramqNumber", ramqNumber);
        return request;
    }
}
