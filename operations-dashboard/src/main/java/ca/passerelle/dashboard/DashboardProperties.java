package ca.passerelle.dashboard;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How the dashboard shows its read model.
 *
 * @param displayZone the time zone instants are shown in on the pages (the coordinators work in Québec)
 * @param pageSize cases per page when the caller does not say (at most 100)
 * @param queueSize how many cases each work queue shows on the queues page
 * @param recentCases how many recently moved cases the overview lists
 * @param deadLetterListSize how many dead letters the API and the overview list, newest first
 */
@Validated
@ConfigurationProperties("passerelle.dashboard")
public record DashboardProperties(
        @NotNull @DefaultValue("America/Montreal") ZoneId displayZone,
        @Min(1) @Max(MAX_PAGE_SIZE) @DefaultValue("20") int pageSize,
        @Min(1) @Max(MAX_PAGE_SIZE) @DefaultValue("20") int queueSize,
        @Min(0) @Max(100) @DefaultValue("10") int recentCases,
        @Min(1) @Max(1000) @DefaultValue("100") int deadLetterListSize) {

    /** The largest page of cases a caller may ask for; more is refused with 400. */
    public static final int MAX_PAGE_SIZE = 100;
}
