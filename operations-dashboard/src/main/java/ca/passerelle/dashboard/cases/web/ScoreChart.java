package ca.passerelle.dashboard.cases.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import ca.passerelle.dashboard.cases.CaseSummary;
import ca.passerelle.dashboard.cases.Measurement;

/**
 * One score over time, drawn server-side as an inline SVG by the case page: every measurement (pre-operative ones and
 * follow-ups), the conservative-care period as a band, the surgery day as a line, the pre-operative baseline and the
 * clinically meaningful improvement threshold (baseline − {@code minimalChange}: 2 points of NRS, 10 points of ODI).
 * The baseline is the last pre-operative measurement (at opening or reported during conservative care) taken before the
 * surgery day. Coordinates are computed here and written with a dot as decimal separator whatever the page's language.
 *
 * @param metric {@code nrs} or {@code odi}
 * @param points the measurements, in date order
 * @param path the polyline through the points ({@code points} attribute), empty when fewer than two
 * @param baselineY null when there is no pre-operative measurement
 * @param thresholdY the improvement threshold's line, null without a baseline
 * @param careX1 the conservative-care band's left edge, null when no care is documented (careX2 its right edge)
 * @param surgeryX the surgery day's line, null when no surgery date is known
 */
public record ScoreChart(String metric, double max, Double baseline, Double threshold, List<Point> points, String path,
        String baselineY, String thresholdY, String careX1, String careX2, String surgeryX, List<Tick> yTicks, List<Tick> xTicks,
        LocalDate surgeryOn) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 220;
    static final int LEFT = 44;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 30;

    /** A measurement placed on the chart; {@code followUp} false for pre-operative measurements. */
    public record Point(String x, String y, LocalDate on, String value, boolean followUp, LocalDate checkpoint) {
    }

    /** An axis graduation: its position and its label. */
    public record Tick(String at, String label) {
    }

    public boolean empty() {
        return points.isEmpty();
    }

    public static ScoreChart nrs(CaseSummary summary) {
        return of("nrs", 10, 2, summary, measurement -> measurement.nrs() == null ? null : measurement.nrs().doubleValue());
    }

    public static ScoreChart odi(CaseSummary summary) {
        return of("odi", 100, 10, summary, Measurement::odi);
    }

    static ScoreChart of(String metric, double max, double minimalChange, CaseSummary summary, Function<Measurement, Double> score) {
        List<Measurement> measured = summary.measurements().stream().filter(m -> score.apply(m) != null).toList();
        LocalDate surgeryOn = summary.surgeryOn();
        LocalDate[] care = summary.conservativeCarePeriod();
        Double baseline = measured.stream()
                .filter(Measurement::preOperative)
                .filter(m -> surgeryOn == null || !m.on().isAfter(surgeryOn))
                .max(Comparator.comparing(Measurement::on)).map(score).orElse(null);
        Double threshold = baseline == null ? null : Math.max(0, baseline - minimalChange);

        List<LocalDate> days = new ArrayList<>(measured.stream().map(Measurement::on).toList());
        if (surgeryOn != null) {
            days.add(surgeryOn);
        }
        if (care != null) {
            days.addAll(List.of(care));
        }
        LocalDate first = days.stream().min(Comparator.naturalOrder()).orElse(LocalDate.EPOCH);
        LocalDate last = days.stream().max(Comparator.naturalOrder()).orElse(LocalDate.EPOCH);
        if (!last.isAfter(first.plusDays(30))) {
            first = first.minusDays(15);
            last = last.plusDays(15);
        }
        Scale scale = new Scale(first.toEpochDay(), last.toEpochDay(), max);

        List<Point> points = measured.stream().map(m -> new Point(num(scale.x(m.on())), num(scale.y(score.apply(m))), m.on(),
                format(score.apply(m)), !m.preOperative(), m.checkpointDueOn())).toList();
        String path = points.size() < 2 ? "" : String.join(" ", points.stream().map(p -> p.x() + "," + p.y()).toList());
        List<Tick> yTicks = Stream.iterate(0.0, v -> v <= max, v -> v + max / 5).map(v -> new Tick(num(scale.y(v)), format(v))).toList();
        List<Tick> xTicks = List.of(new Tick(num(scale.x(first)), first.toString()), new Tick(num(scale.x(last)), last.toString()));
        return new ScoreChart(metric, max, baseline, threshold, points, path,
                baseline == null ? null : num(scale.y(baseline)), threshold == null ? null : num(scale.y(threshold)),
                care == null ? null : num(scale.x(care[0])), care == null ? null : num(scale.x(care[1])),
                surgeryOn == null ? null : num(scale.x(surgeryOn)), yTicks, xTicks, surgeryOn);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int top() {
        return TOP;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    /** The conservative-care band's width (at least 2, so a single session shows). */
    public String careWidth() {
        return careX1 == null ? null : num(Math.max(2, Double.parseDouble(careX2) - Double.parseDouble(careX1)));
    }

    public String baselineLabel() {
        return baseline == null ? null : format(baseline);
    }

    public String thresholdLabel() {
        return threshold == null ? null : format(threshold);
    }

    private record Scale(long firstDay, long lastDay, double max) {

        double x(LocalDate day) {
            return LEFT + (double) (day.toEpochDay() - firstDay) / (lastDay - firstDay) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return TOP + (1 - value / max) * (HEIGHT - TOP - BOTTOM);
        }
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
