package ca.passerelle.benchmarks;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** PNG charts of a run (headless Java2D through JFreeChart): throughput per level, latency percentiles per level. */
final class Charts {

    static final String THROUGHPUT = "throughput.png";
    static final String LATENCY_PACED = "latency-paced.png";
    static final String LATENCY_SATURATED = "latency-saturated.png";
    static final String PATHWAY_LATENCY = "p4-latency.png";
    static final String RSS = "p5-rss.png";
    static final String STARTUP = "p5-startup.png";

    private Charts() {
    }

    static void write(Report report, Path directory) throws IOException {
        DefaultCategoryDataset throughput = new DefaultCategoryDataset();
        for (LevelResult level : report.levels()) {
            // EndToEndLatency keeps one record in flight: its rate is 1/latency, not a capacity
            if (!level.level().equals("P0-e2e")) {
                throughput.addValue(level.throughput(), "records/s", level.level());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Throughput per level (end of chain, records/s)", "level", "records/s", throughput,
                PlotOrientation.VERTICAL, false, false, false);
        style(chart, true);
        ChartUtils.saveChartAsPNG(directory.resolve(THROUGHPUT).toFile(), chart, 900, 500);

        latency(report, directory.resolve(LATENCY_PACED), true,
                "End-to-end latency, open loop at " + report.settings().rate() + " records/s (ms)");
        latency(report, directory.resolve(LATENCY_SATURATED), false, "Latency during the throughput phase, saturated (ms)");
        if (report.pathway() != null) {
            pathway(report.pathway(), directory.resolve(PATHWAY_LATENCY));
        }
        if (report.startup() != null) {
            startup(report.startup(), directory);
        }
    }

    private static void pathway(PathwayResult pathway, Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (PathwayResult.RateStep step : pathway.steps()) {
            String rate = ResultsWriter.format(step.rate(), 0) + "/s";
            for (String stage : PathwayResult.STAGES) {
                Percentiles p = step.stages().get(stage);
                if (p != null && p.count() > 0) {
                    add(data, stage + " p50", rate, p.p50());
                    add(data, stage + " p99", rate, p.p99());
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("P4 latency per stage from the intended start, per rate (cases/s)", "rate", "ms", data,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart, false);
        LogarithmicAxis axis = new LogarithmicAxis("ms (log scale)");
        axis.setStrictValuesFlag(false);
        axis.setExpTickLabelsFlag(false);
        axis.setLog10TickLabelsFlag(false);
        chart.getCategoryPlot().setRangeAxis(axis);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1100, 600);
    }

    private static void startup(StartupResult startup, Path directory) throws IOException {
        DefaultCategoryDataset rss = new DefaultCategoryDataset();
        DefaultCategoryDataset ready = new DefaultCategoryDataset();
        for (StartupResult.StartupRun run : startup.runs()) {
            for (StartupResult.ServiceStartup service : run.services()) {
                rss.addValue(service.rssMiB(), run.variant(), shortName(service.service()));
                ready.addValue(service.readySeconds(), run.variant(), shortName(service.service()));
            }
            ready.addValue(run.stackReadySeconds(), run.variant(), "whole stack");
        }
        JFreeChart chart = ChartFactory.createBarChart("P5 RSS per service after start-up, " + startup.heap() + " (MiB; target 400 MB = 381 MiB)",
                "service", "MiB", rss, PlotOrientation.VERTICAL, true, false, false);
        style(chart, true);
        chart.getCategoryPlot().addRangeMarker(new org.jfree.chart.plot.ValueMarker(381.5, Color.RED, new java.awt.BasicStroke(1.5f)));
        double highest = startup.runs().stream().flatMap(run -> run.services().stream()).mapToDouble(StartupResult.ServiceStartup::rssMiB).max()
                .orElse(0);
        chart.getCategoryPlot().getRangeAxis().setRange(0, Math.max(420, highest * 1.1));
        ChartUtils.saveChartAsPNG(directory.resolve(RSS).toFile(), chart, 1100, 550);
        JFreeChart times = ChartFactory.createBarChart("P5 start-to-ready per service and whole stack, cold (s; target whole stack 60 s)",
                "service", "s", ready, PlotOrientation.VERTICAL, true, false, false);
        style(times, true);
        times.getCategoryPlot().addRangeMarker(new org.jfree.chart.plot.ValueMarker(60, Color.RED, new java.awt.BasicStroke(1.5f)));
        ChartUtils.saveChartAsPNG(directory.resolve(STARTUP).toFile(), times, 1100, 550);
    }

    private static String shortName(String module) {
        return module.replace("-service", "").replace("-coordination", "").replace("-followup", "").replace("operations-", "")
                .replace("facility-api-", "").replace("facility-", "").replace("identity-provider", "idp");
    }

    private static void latency(Report report, Path file, boolean paced, String title) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LevelResult level : report.levels()) {
            Percentiles p = paced ? level.paced() : level.saturated();
            if (p == null) {
                continue;
            }
            add(data, "p50", level.level(), p.p50());
            add(data, "p90", level.level(), p.p90());
            add(data, "p99", level.level(), p.p99());
            add(data, "p99.9", level.level(), p.p999());
            add(data, "max", level.level(), p.max());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "level", "ms", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart, false);
        LogarithmicAxis axis = new LogarithmicAxis("ms (log scale)");
        axis.setStrictValuesFlag(false);
        axis.setExpTickLabelsFlag(false);
        axis.setLog10TickLabelsFlag(false);
        chart.getCategoryPlot().setRangeAxis(axis);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 550);
    }

    private static void add(DefaultCategoryDataset data, String series, String level, Double value) {
        // a missing percentile (a Kafka tool that does not report it) stays an empty bar, not zero
        data.addValue(value == null ? null : Math.max(value, 0.1), series, level);
    }

    private static void style(JFreeChart chart, boolean labels) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        if (labels) {
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("#,##0")));
            renderer.setDefaultItemLabelsVisible(true);
        }
    }
}
