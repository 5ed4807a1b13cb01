package ca.passerelle.rehab.plan;

import java.util.List;

/**
 * The Québec rehabilitation clinics of a region, from facility-gateway's directory. The gateway's last-known copy
 * (stale) is good enough: clinics rarely move. Throws {@link Unavailable} when no answer at all can be had; callers
 * never let that block a plan.
 */
public interface RehabClinicDirectory {

    /** A rehabilitation clinic of the directory. */
    record RehabClinic(String id, String region, List<String> languages) {

        public RehabClinic {
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }

    List<RehabClinic> rehabClinicsIn(String region);

    /** facility-gateway could not be reached or gave no usable answer (down, cold cache, refused token). */
    class Unavailable extends RuntimeException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
