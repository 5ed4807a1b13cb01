package ca.passerelle.dashboard.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import ca.passerelle.dashboard.DashboardProperties;

/** Formats instants for the pages, in the coordinators' time zone; templates call it as {@code @display}. */
@Component("display")
public class DisplayFormat {

    private final DateTimeFormatter dateTime;

    public DisplayFormat(DashboardProperties properties) {
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.displayZone());
    }

    public String at(Instant instant) {
        return instant == null ? "—" : dateTime.format(instant);
    }
}
