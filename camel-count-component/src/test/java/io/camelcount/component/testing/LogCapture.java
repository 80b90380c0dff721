package io.camelcount.component.testing;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures what one logger (and its children) logs at {@code level} and above, while open. */
public final class LogCapture implements AutoCloseable {

    /** One captured event: level and formatted message (plus the thrown's toString, if any). */
    public record Entry(Level level, String message) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final LoggerContext context;
    private final String loggerName;
    private final AbstractAppender appender;

    private LogCapture(String loggerName, Level level) {
        this.loggerName = loggerName;
        this.context = (LoggerContext) LogManager.getContext(false);
        this.appender = new AbstractAppender("capture-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String text = event.getMessage().getFormattedMessage();
                if (event.getThrown() != null) {
                    text += " | " + event.getThrown();
                }
                entries.add(new Entry(event.getLevel(), text));
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        LoggerConfig loggerConfig = new LoggerConfig(loggerName, level, false);
        loggerConfig.addAppender(appender, level, null);
        config.addLogger(loggerName, loggerConfig);
        context.updateLoggers();
    }

    public static LogCapture of(Class<?> type, Level level) {
        return new LogCapture(type.getName(), level);
    }

    /** Everything logged under a logger name, such as a package. */
    public static LogCapture of(String loggerName, Level level) {
        return new LogCapture(loggerName, level);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<String> messages() {
        return entries.stream().map(Entry::message).toList();
    }

    public List<String> messages(Level level) {
        return entries.stream().filter(e -> e.level() == level).map(Entry::message).toList();
    }

    @Override
    public void close() {
        context.getConfiguration().removeLogger(loggerName);
        context.updateLoggers();
        appender.stop();
    }
}
