package io.ringtrader.engine.instrument;

/**
 * A trading venue (exchange and product line) the engine connects to.
 * <p>
 * {@link #id()} is stable: it is written into events and the journal, so an id is never reused or
 * renumbered. {@link #configName()} is the key used in configuration files.
 * <p>
 * Lookups throw {@link IllegalArgumentException} for an unknown id or name: both mean a corrupt
 * journal or a configuration mistake, never an expected runtime outcome. They do not allocate for
 * known values.
 * <p>
 * <b>Threading:</b> immutable; safe from any thread.
 */
public enum Venue {
    /**
     * Binance USDⓈ-M futures.
     */
    BINANCE_USDM(1, "binance"),

    /**
     * Bitget v2 USDT-FUTURES.
     */
    BITGET_USDT_FUTURES(2, "bitget");

    private static final Venue[] BY_ID;

    static {
        int maxId = 0;
        for (final Venue venue : values()) {
            maxId = Math.max(maxId, venue.id);
        }
        BY_ID = new Venue[maxId + 1];
        for (final Venue venue : values()) {
            if (BY_ID[venue.id] != null) {
                throw new IllegalStateException("duplicate venue id " + venue.id + ": " + venue);
            }
            BY_ID[venue.id] = venue;
        }
    }

    private final int id;
    private final String configName;

    Venue(final int id, final String configName) {
        this.id = id;
        this.configName = configName;
    }

    /**
     * @return the stable numeric id carried by events and the journal.
     */
    public int id() {
        return id;
    }

    /**
     * @return the name used in configuration files, e.g. {@code binance}.
     */
    public String configName() {
        return configName;
    }

    /**
     * @param id as returned by {@link #id()}.
     * @return the venue with that id.
     * @throws IllegalArgumentException if no venue has that id.
     */
    public static Venue fromId(final int id) {
        final Venue venue = id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
        if (venue == null) {
            throw new IllegalArgumentException("unknown venue id " + id + ", expected one of " + describeAll());
        }
        return venue;
    }

    /**
     * @param configName as returned by {@link #configName()}, case-sensitive.
     * @return the venue with that configuration name.
     * @throws IllegalArgumentException if no venue has that name.
     */
    public static Venue fromConfigName(final String configName) {
        for (final Venue venue : BY_ID) {
            if (venue != null && venue.configName.equals(configName)) {
                return venue;
            }
        }
        throw new IllegalArgumentException("unknown venue '" + configName + "', expected one of " + describeAll());
    }

    private static String describeAll() {
        final StringBuilder builder = new StringBuilder();
        for (final Venue venue : values()) {
            if (builder.length() > 0) {
                builder.append(", ");
            }
            builder.append(venue.configName).append(" (id ").append(venue.id).append(')');
        }
        return builder.toString();
    }
}
