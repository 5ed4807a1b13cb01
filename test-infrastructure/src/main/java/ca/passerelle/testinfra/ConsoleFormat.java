package ca.passerelle.testinfra;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * For the tests' {@code logback-test.xml}: the name of the console appender to include, {@code pattern} (Boot's text
 * lines) unless {@code logging.structured.format.console} is set, whose value Boot passes on as
 * {@code CONSOLE_LOG_STRUCTURED_FORMAT} ({@code ecs}, {@code logstash} or {@code gelf}: Boot's JSON lines). Boot may
 * leave the variable empty rather than unset when the switch is off, which logback's {@code :-} default does not cover.
 */
public class ConsoleFormat extends PropertyDefinerBase {

    static final String STRUCTURED_FORMAT = "CONSOLE_LOG_STRUCTURED_FORMAT";

    @Override
    public String getPropertyValue() {
        String format = getContext() == null ? null : getContext().getProperty(STRUCTURED_FORMAT);
        if (format == null) {
            format = System.getProperty(STRUCTURED_FORMAT);
        }
        return format == null || format.isBlank() ? "pattern" : format.strip();
    }
}
