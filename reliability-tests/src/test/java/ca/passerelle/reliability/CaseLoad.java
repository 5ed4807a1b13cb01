package ca.passerelle.reliability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import ca.passerelle.localstack.DemoData;
import ca.passerelle.localstack.PathwayClient;

/**
 * Clinics opening cases through intake's public API with real tokens. Each patient is distinct (its own birth date and a
 * RAMQ number consistent with it); a case counts as acknowledged only when intake answered 201.
 */
final class CaseLoad {

    private static final AtomicInteger PATIENTS = new AtomicInteger();
    private static final String[] NAMES = {"Bélanger", "Pelletier", "Bouchard", "Lavoie", "Fortin", "Gauthier", "Morin", "Ouellet"};

    private final PathwayClient client;
    private final String tag;
    private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();

    CaseLoad(PathwayClient client, String tag) {
        this.client = client;
        this.tag = tag;
    }

    static DemoData.Patient patient(int n) {
        String family = NAMES[n % NAMES.length];
        String first = n % 2 == 0 ? "Annie" : "Bruno";
        String sex = n % 2 == 0 ? "F" : "M";
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(n);
        String letters = (stripAccents(family).substring(0, 3) + first.charAt(0)).toUpperCase(Locale.ROOT);
        int month = born.getMonthValue() + (sex.equals("F") ? 50 : 0);
        String ramq = String.format("%s %02d%02d %02d%d%d", letters, born.getYear() % 100, month, born.getDayOfMonth(), 1 + n % 9, n % 10);
        return new DemoData.Patient(family, first, born.toString(), sex, ramq, "QC-06");
    }

    private static String stripAccents(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Opens one case; returns its id, or null when intake did not answer 201 (counted as refused, never as acknowledged). */
    String openOne() {
        int n = PATIENTS.incrementAndGet();
        try {
            String caseId = client.openCase(DemoData.caseRequest(patient(n), List.of(), 150), tag + "-" + n).path("caseId").asString();
            acknowledged.add(caseId);
            return caseId;
        } catch (RuntimeException e) {
            refused.incrementAndGet();
            return null;
        }
    }

    void open(int cases) {
        for (int i = 0; i < cases; i++) {
            openOne();
        }
    }

    /** Opens cases one after the other, {@code pace} apart, on another thread. */
    CompletableFuture<Void> openInBackground(int cases, Duration pace) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < cases; i++) {
                openOne();
                StackProbe.pause(pace);
            }
        });
    }

    List<String> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    int refused() {
        return refused.get();
    }
}
