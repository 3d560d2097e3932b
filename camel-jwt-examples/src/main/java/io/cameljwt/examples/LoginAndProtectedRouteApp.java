package io.cameljwt.examples;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the routes of this package on Camel Main (configuration in {@code application.properties}). With
 * {@code demo.enabled=true} it then calls them once, over HTTP and, with {@code oauth.demoProvider.enabled=true},
 * through the OAuth client route, and logs what they answered; with {@code demo.exitAfterDemo=true} (the default) it
 * stops afterwards, otherwise it keeps serving until Ctrl+C.
 */
public final class LoginAndProtectedRouteApp {

    private static final Logger LOG = LoggerFactory.getLogger(LoginAndProtectedRouteApp.class);

    private LoginAndProtectedRouteApp() {
    }

    public static void main(String[] args) throws Exception {
        // routes: every RouteBuilder in this package
        Main main = new Main(LoginAndProtectedRouteApp.class);
        Demo demo = new Demo(main);
        main.addMainListener(demo);
        main.run(args);
        if (demo.failed) {
            throw new IllegalStateException("the demo did not get the answers it expected; see the log above");
        }
    }

    /** Runs the demo once the routes are up, then, if asked to, lets Main finish. */
    private static final class Demo extends MainListenerSupport {

        private final Main main;
        private volatile boolean failed;

        Demo(Main main) {
            this.main = main;
        }

        @Override
        public void afterStart(BaseMainSupport ignored) {
            PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
            URI base = URI.create(main.getCamelContext().resolvePropertyPlaceholders(
                    "http://{{camel.server.host}}:{{camel.server.port}}"));
            if (!flag(properties, "demo.enabled")) {
                LOG.info("serving on {}; Ctrl+C stops", base);
                return;
            }
            try {
                List<DemoClient.Step> steps = new ArrayList<>(new DemoClient(base).run(
                        "alice", properties.resolveProperty("demo.user.alice.password").orElse(""),
                        "carol", properties.resolveProperty("demo.user.carol.password").orElse("")));
                if (flag(properties, "oauth.demoProvider.enabled")) {
                    steps.addAll(new OAuthDemo(main.getCamelContext()).run());
                }
                long unexpected = steps.stream().filter(step -> !step.asExpected()).count();
                failed = unexpected > 0;
                if (failed) {
                    LOG.warn("demo: {} of {} steps did not go as expected", unexpected, steps.size());
                } else {
                    LOG.info("demo: all {} steps went as expected", steps.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
            } catch (Exception e) {
                LOG.error("demo: could not run: {}", e.toString());
                failed = true;
            }
            if (flag(properties, "demo.exitAfterDemo")) {
                LOG.info("demo: done, stopping (run with -Ddemo.exitAfterDemo=false to keep serving on {})", base);
                main.completed();
            } else {
                LOG.info("serving on {}; Ctrl+C stops", base);
            }
        }

        private static boolean flag(PropertiesComponent properties, String name) {
            return Boolean.parseBoolean(properties.resolveProperty(name).orElse("false").trim());
        }
    }
}
