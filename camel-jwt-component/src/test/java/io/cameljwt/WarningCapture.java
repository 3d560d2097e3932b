package io.cameljwt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The WARN (and worse) lines of one logger, captured while a test runs: {@link #start()} in a {@code @BeforeEach},
 * {@link #stop()} in an {@code @AfterEach}. The logger may be quieted for the other tests by log4j2-test.properties; it
 * logs at WARN while captured and gets its level back after.
 */
final class WarningCapture {

    private final String loggerName;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private AbstractAppender appender;
    private Level quietLevel;

    WarningCapture(String loggerName) {
        this.loggerName = loggerName;
    }

    /** The warnings logged since {@link #start()}, formatted. */
    List<String> warnings() {
        return warnings;
    }

    void start() {
        String name = loggerName; // inside an appender, LOGGER is log4j's own status logger: keep the name apart
        appender = new AbstractAppender("warning-capture-" + name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN) && event.getLoggerName().equals(name)) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig logger = logging.getConfiguration().getLoggerConfig(loggerName);
        quietLevel = logger.getLevel();
        logger.setLevel(Level.WARN);
        logger.addAppender(appender, Level.WARN, null);
        logging.updateLoggers();
    }

    void stop() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig logger = logging.getConfiguration().getLoggerConfig(loggerName);
        logger.removeAppender(appender.getName());
        logger.setLevel(quietLevel);
        logging.updateLoggers();
        appender.stop();
    }
}
