package io.ringtrader.engine.runtime.jmx;

import io.ringtrader.engine.pipeline.StageThreadSpec;
import io.ringtrader.engine.runtime.Engine;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers an engine's beans on an {@link MBeanServer} and unregisters them on {@link #close()}:
 * {@code io.ringtrader:type=Engine} ({@link EngineMXBean}) and one
 * {@code io.ringtrader:type=StageGroup,name=<thread>} ({@link StageGroupMXBean}) per pipeline thread.
 *
 * <p>Several engines in one JVM (tests, tools): the first takes the plain names; while any of them is taken,
 * a later engine's beans all get the key {@code session=<n>} appended, with the smallest {@code n >= 2} whose
 * names are all free, e.g. {@code io.ringtrader:type=Engine,session=2}. Register after {@link Engine#start()}
 * and close after {@link Engine#stop()}; registering and closing are thread-safe.
 */
public final class EngineJmx implements AutoCloseable {
    /** The JMX domain of every RingTrader bean. */
    public static final String DOMAIN = "io.ringtrader";

    private static final Logger LOG = LoggerFactory.getLogger(EngineJmx.class);
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._-]+");
    /** Serialises choosing names and registering, so two engines never pick the same session number. */
    private static final Object REGISTRATION_LOCK = new Object();

    private final MBeanServer server;
    private final List<ObjectName> names;
    private final String session;
    private boolean closed;

    private EngineJmx(final MBeanServer server, final List<ObjectName> names, final String session) {
        this.server = server;
        this.names = names;
        this.session = session;
    }

    /**
     * Registers the engine's beans on the platform MBean server ({@link ManagementFactory#getPlatformMBeanServer()},
     * what {@code jconsole} and {@code jcmd} see).
     *
     * @throws IllegalStateException when the server refuses a bean (nothing stays registered then).
     */
    public static EngineJmx register(final Engine engine) {
        return register(engine, ManagementFactory.getPlatformMBeanServer());
    }

    /**
     * Registers the engine's beans on {@code server}.
     *
     * @throws IllegalStateException when the server refuses a bean (nothing stays registered then).
     */
    public static EngineJmx register(final Engine engine, final MBeanServer server) {
        final Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("type=Engine", new EngineControl(engine));
        for (final StageThreadSpec spec : engine.pipeline().threadSpecs()) {
            beans.put("type=StageGroup,name=" + value(spec.name()),
                new StageGroupMonitor(spec, engine.pipeline().latency()));
        }
        synchronized (REGISTRATION_LOCK) {
            String session = null;
            List<ObjectName> names = names(beans, null);
            for (int n = 2; anyRegistered(server, names); n++) {
                session = Integer.toString(n);
                names = names(beans, session);
            }
            final List<ObjectName> registered = new ArrayList<>(names.size());
            final List<Object> instances = new ArrayList<>(beans.values());
            try {
                for (int i = 0; i < names.size(); i++) {
                    server.registerMBean(instances.get(i), names.get(i));
                    registered.add(names.get(i));
                }
            } catch (final JMException | RuntimeException e) {
                unregister(server, registered);
                throw new IllegalStateException("could not register JMX bean " + names.get(registered.size())
                    + ": " + e.getMessage(), e);
            }
            LOG.info("JMX: registered {} beans in domain {}{}", registered.size(), DOMAIN,
                session == null ? "" : " with session=" + session + " (the plain names are taken)");
            return new EngineJmx(server, Collections.unmodifiableList(registered), session);
        }
    }

    /** The names registered, the engine bean first, then the stage groups in pipeline thread order. */
    public List<ObjectName> objectNames() {
        return names;
    }

    /** The {@code session} key's value appended to every name, or null when the plain names were free. */
    public String session() {
        return session;
    }

    /** Unregisters the beans (those already gone are skipped); idempotent. */
    @Override
    public void close() {
        synchronized (REGISTRATION_LOCK) {
            if (closed) {
                return;
            }
            closed = true;
            unregister(server, names);
        }
    }

    private static List<ObjectName> names(final Map<String, Object> beans, final String session) {
        final List<ObjectName> names = new ArrayList<>(beans.size());
        for (final String keys : beans.keySet()) {
            final String name = DOMAIN + ":" + keys + (session == null ? "" : ",session=" + session);
            try {
                names.add(new ObjectName(name));
            } catch (final MalformedObjectNameException e) {
                throw new IllegalArgumentException("not a valid JMX object name: " + name, e);
            }
        }
        return names;
    }

    private static boolean anyRegistered(final MBeanServer server, final List<ObjectName> names) {
        for (final ObjectName name : names) {
            if (server.isRegistered(name)) {
                return true;
            }
        }
        return false;
    }

    private static void unregister(final MBeanServer server, final List<ObjectName> names) {
        for (final ObjectName name : names) {
            try {
                server.unregisterMBean(name);
            } catch (final InstanceNotFoundException gone) {
                LOG.debug("JMX bean {} was already unregistered", name);
            } catch (final JMException e) {
                LOG.warn("could not unregister JMX bean {}: {}", name, e.toString());
            }
        }
    }

    /** A key value as is when it needs no quoting, else quoted ({@code rt-logic} stays {@code rt-logic}). */
    private static String value(final String raw) {
        return PLAIN_VALUE.matcher(raw).matches() ? raw : ObjectName.quote(raw);
    }
}
