package io.ringtrader.engine.runtime.jmx;

import java.beans.ConstructorProperties;

/**
 * One venue as the risk stage last saw it (connections, order entry, venue rejects), an MXBean composite type.
 * Immutable.
 */
public final class VenueInfo {
    private final String name;
    private final String connection;
    private final int connectionsKnown;
    private final int connectionsDown;
    private final boolean orderEntryHalted;
    private final int orderEntryHaltCode;
    private final long venueRejects;

    /** For the MXBean mapping (a proxy rebuilds it from its {@code CompositeData}). */
    @ConstructorProperties({"name", "connection", "connectionsKnown", "connectionsDown", "orderEntryHalted",
        "orderEntryHaltCode", "venueRejects"})
    public VenueInfo(final String name, final String connection, final int connectionsKnown, final int connectionsDown,
        final boolean orderEntryHalted, final int orderEntryHaltCode, final long venueRejects) {
        this.name = name;
        this.connection = connection;
        this.connectionsKnown = connectionsKnown;
        this.connectionsDown = connectionsDown;
        this.orderEntryHalted = orderEntryHalted;
        this.orderEntryHaltCode = orderEntryHaltCode;
        this.venueRejects = venueRejects;
    }

    /** The venue's config name ({@code binance}). */
    public String getName() {
        return name;
    }

    /** {@code connected 3/3}, {@code DISCONNECTED 1/3 down} or {@code connecting} (none reported yet). */
    public String getConnection() {
        return connection;
    }

    /** Connections the venue's gateway reported so far. */
    public int getConnectionsKnown() {
        return connectionsKnown;
    }

    /** Of them, how many are down now. */
    public int getConnectionsDown() {
        return connectionsDown;
    }

    /** True once the gateway halted the venue's order entry (credentials or permissions refused). */
    public boolean isOrderEntryHalted() {
        return orderEntryHalted;
    }

    /** The venue's error code that halted it; 0 while not halted. */
    public int getOrderEntryHaltCode() {
        return orderEntryHaltCode;
    }

    /** Orders (and cancels) the venue rejected with one of its own codes. */
    public long getVenueRejects() {
        return venueRejects;
    }
}
