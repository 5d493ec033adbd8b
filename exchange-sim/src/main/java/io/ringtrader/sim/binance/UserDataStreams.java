package io.ringtrader.sim.binance;

import io.ringtrader.sim.SimClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * listenKeys of the simulated account and the delivery of user-data events to the private sockets opened with
 * them. A key lives for the configured validity after its last create/keepalive; when it expires the venue sends
 * {@code listenKeyExpired} and nothing more on it. Thread-safe.
 */
public final class UserDataStreams {
    private static final char[] KEY_CHARS =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final StreamHub hub;
    private final SimClock clock;
    private final long validityMs;
    private final Map<String, Long> expiryMs = new LinkedHashMap<>();
    private final SplittableRandom random = new SplittableRandom(7L);

    UserDataStreams(final StreamHub hub, final SimClock clock, final Duration validity) {
        this.hub = hub;
        this.clock = clock;
        this.validityMs = validity.toMillis();
    }

    /** Creates a key, or (as the venue does) extends and returns the active one. */
    public synchronized String create() {
        final long now = clock.epochMillis();
        final String active = firstKey();
        if (active != null) {
            expiryMs.put(active, now + validityMs);
            return active;
        }
        final char[] key = new char[64];
        for (int i = 0; i < key.length; i++) {
            key[i] = KEY_CHARS[random.nextInt(KEY_CHARS.length)];
        }
        final String k = new String(key);
        expiryMs.put(k, now + validityMs);
        return k;
    }

    /** Extends the active key; false when there is none (or it is not {@code key} when one is given). */
    public synchronized boolean keepAlive(final String key) {
        final String k = key != null ? key : firstKey();
        if (k == null || !expiryMs.containsKey(k)) {
            return false;
        }
        expiryMs.put(k, clock.epochMillis() + validityMs);
        return true;
    }

    /** Closes a key (the sockets on it get nothing more); false when unknown. */
    public synchronized boolean delete(final String key) {
        final String k = key != null ? key : firstKey();
        return k != null && expiryMs.remove(k) != null;
    }

    /** True when the key exists and has not expired. */
    public synchronized boolean isActive(final String key) {
        final Long exp = expiryMs.get(key);
        return exp != null && exp > clock.epochMillis();
    }

    /** The active keys. */
    public synchronized List<String> activeKeys() {
        return new ArrayList<>(expiryMs.keySet());
    }

    /** Expires {@code key} now: sends {@code listenKeyExpired} on its sockets and forgets it. */
    public synchronized void expireNow(final String key) {
        if (expiryMs.remove(key) != null) {
            hub.publishUser(key, "{\"e\":\"listenKeyExpired\",\"E\":" + clock.epochMillis() + ",\"listenKey\":\""
                + key + "\"}");
        }
    }

    /** Expires every key whose validity has run out; called periodically by the server. */
    synchronized void expireDue() {
        final long now = clock.epochMillis();
        for (final String key : new ArrayList<>(expiryMs.keySet())) {
            if (expiryMs.get(key) <= now) {
                expireNow(key);
            }
        }
    }

    /** Sends a user-data event to every active key's sockets. */
    synchronized void publish(final String eventJson) {
        for (final String key : expiryMs.keySet()) {
            hub.publishUser(key, eventJson);
        }
    }

    private String firstKey() {
        return expiryMs.isEmpty() ? null : expiryMs.keySet().iterator().next();
    }
}
