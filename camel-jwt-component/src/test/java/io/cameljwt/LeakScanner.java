package io.cameljwt;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.cameljwt.Canaries.Needle;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Gathers what an operator, a client or a log reader can see of a CamelContext: every log event (all loggers, DEBUG
 * and up; TRACE for {@code io.cameljwt}), exception messages with their causes, the result headers of messages, every
 * JMX attribute of the context's MBeans, and every health check's message, details and error. Then looks for the
 * {@link Canaries} (and needles a test adds) in all of it, also with whitespace removed, so a PEM line break does not
 * hide a match.
 */
final class LeakScanner {

    private static final String APPENDER = "leak-canary-capture";

    private final Map<String, List<String>> seen = new LinkedHashMap<>();
    private final List<Needle> needles = new ArrayList<>(Canaries.NEEDLES);
    private final List<String> logs = new CopyOnWriteArrayList<>();

    private AbstractAppender appender;
    private Level rootLevel;
    private final Map<LoggerConfig, Level> jwtLevels = new IdentityHashMap<>();
    private final Map<Appender, Level> otherAppenders = new LinkedHashMap<>();

    /** Needles of values a test makes (a token's signature and payload, a claim). */
    void watch(List<Needle> more) {
        needles.addAll(more);
    }

    /**
     * From now on, every log event. The console shows none meanwhile: Camel's error handler logs each refusal with its
     * stack trace, and a leak found is reported with its line.
     */
    void startCapturingLogs() {
        appender = new AbstractAppender(APPENDER, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
                                                       + event.getMessage().getFormattedMessage());
                for (String text : throwableTexts(event.getThrown())) {
                    line.append('\n').append(text);
                }
                logs.add(line.toString());
            }
        };
        appender.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logging.getConfiguration();
        LoggerConfig root = configuration.getRootLogger();
        rootLevel = root.getLevel();
        Map<String, Level> refLevels = new LinkedHashMap<>();
        for (AppenderRef ref : root.getAppenderRefs()) {
            refLevels.put(ref.getRef(), ref.getLevel());
        }
        for (Appender other : List.copyOf(root.getAppenders().values())) {
            otherAppenders.put(other, refLevels.get(other.getName()));
            root.removeAppender(other.getName());
            root.addAppender(other, Level.OFF, null);
        }
        root.addAppender(appender, null, null);
        root.setLevel(Level.DEBUG);
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            if (logger.getName().startsWith("io.cameljwt")) {
                jwtLevels.put(logger, logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
        }
        logging.updateLoggers();
    }

    void stopCapturingLogs() {
        if (appender == null) {
            return;
        }
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = logging.getConfiguration().getRootLogger();
        root.removeAppender(APPENDER);
        otherAppenders.forEach((other, level) -> {
            root.removeAppender(other.getName());
            root.addAppender(other, level, null);
        });
        root.setLevel(rootLevel);
        jwtLevels.forEach(LoggerConfig::setLevel);
        logging.updateLoggers();
        appender.stop();
        appender = null;
    }

    /** The log lines captured so far. */
    List<String> logs() {
        return Collections.unmodifiableList(logs);
    }

    void add(String where, Object text) {
        seen.computeIfAbsent(where, w -> new ArrayList<>()).add(String.valueOf(text));
    }

    /** The message and {@code toString()} of the throwable, its causes and suppressed ones. */
    void addThrowable(String where, Throwable thrown) {
        throwableTexts(thrown).forEach(text -> add(where, text));
    }

    /** What a route sees of the exchange: its exception (and the one an error handler caught), its headers. */
    void addExchange(String where, Exchange exchange, Set<String> inputHeaders) {
        addThrowable(where + " exception", exchange.getException());
        addThrowable(where + " caught exception", exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (!inputHeaders.contains(name)) {
                add(where + " header " + name, value);
            }
        });
    }

    /** Every readable attribute of every MBean of this context, and the MBeans' names. */
    void addJmx(CamelContext context) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String contextName = ObjectName.quote(context.getManagementName());
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context=" + contextName + ",*"), null);
        names.addAll(server.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName() + ",*"),
                null));
        if (names.isEmpty()) {
            fail("no MBean of the context: JMX must be on for the canary test");
        }
        for (ObjectName name : names) {
            add("JMX name", name);
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (attribute.isReadable()) {
                    try {
                        add("JMX " + name + " " + attribute.getName(), server.getAttribute(name, attribute.getName()));
                    } catch (Exception | LinkageError e) {
                        addThrowable("JMX " + name + " " + attribute.getName() + " (unreadable)", e);
                    }
                }
            }
        }
    }

    /** Every health check's result as a probe with full exposure sees it. */
    void addHealth(CamelContext context) {
        for (HealthCheck.Result result : HealthCheckHelper.invoke(context, "full")) {
            String where = "health " + result.getCheck().getId();
            add(where + " id", result.getCheck().getId());
            result.getMessage().ifPresent(message -> add(where + " message", message));
            result.getDetails().forEach((key, value) -> add(where + " detail " + key, value));
            result.getError().ifPresent(error -> addThrowable(where + " error", error));
        }
    }

    /** Fails naming each needle found and where, with the text around it. */
    void assertNoCanary() {
        Map<String, List<String>> all = new LinkedHashMap<>(seen);
        all.put("log", List.copyOf(logs));
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> place : all.entrySet()) {
            for (String text : place.getValue()) {
                for (Needle needle : leaks(text)) {
                    found.add(needle.canary() + " (" + needle.text() + ") in " + place.getKey() + ": " + text);
                }
            }
        }
        if (!found.isEmpty()) {
            fail(found.size() + " canaries leaked:\n" + String.join("\n", found));
        }
    }

    /** The needles found in this text, as it is or without whitespace. */
    List<Needle> leaks(String text) {
        String compact = text.replaceAll("\\s+", "");
        return needles.stream().filter(n -> text.contains(n.text()) || compact.contains(n.text())).toList();
    }

    /** What has been gathered, to check that it holds what it should (a self-check of the scanner). */
    Map<String, List<String>> seen() {
        return Collections.unmodifiableMap(seen);
    }

    private static List<String> throwableTexts(Throwable thrown) {
        List<String> texts = new ArrayList<>();
        Set<Throwable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(thrown, texts, visited);
        return texts;
    }

    private static void collect(Throwable thrown, List<String> texts, Set<Throwable> visited) {
        if (thrown == null || !visited.add(thrown)) {
            return;
        }
        texts.add(String.valueOf(thrown.getMessage()));
        texts.add(thrown.toString());
        for (Throwable suppressed : thrown.getSuppressed()) {
            collect(suppressed, texts, visited);
        }
        collect(thrown.getCause(), texts, visited);
    }
}
