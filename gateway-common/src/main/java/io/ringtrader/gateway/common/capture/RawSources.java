package io.ringtrader.gateway.common.capture;

/**
 * Source ids of the raw frames a gateway journals ({@code raw/}, see the recorder's
 * {@code RawFrameWriter}), so a raw journal can be run through the decoders again: WebSocket market-data
 * frames, user-data frames, and REST bodies tagged with the instrument they were fetched for.
 *
 * <pre>
 *  1                    a market-data WebSocket frame (combined-stream envelope or raw payload)
 *  2                    a user-data-stream WebSocket frame
 *  0x0001_0000 | id     a REST depth snapshot body for instrument id
 *  0x0002_0000 | id     a REST open-interest body for instrument id
 * </pre>
 *
 * Instrument ids are the config's (its {@code instruments:} order): replaying a raw journal needs the
 * config it was recorded with, as replaying {@code inbound/} does. Stateless.
 */
public final class RawSources {
    public static final int MARKET_FRAME = 1;
    public static final int USER_FRAME = 2;

    private static final int SNAPSHOT_BASE = 0x0001_0000;
    private static final int OPEN_INTEREST_BASE = 0x0002_0000;
    private static final int KIND_MASK = 0xFFFF_0000;
    private static final int ID_MASK = 0x0000_FFFF;

    private RawSources() {
    }

    /** The source id of a REST depth snapshot for {@code instrumentId}. */
    public static int snapshot(final int instrumentId) {
        return SNAPSHOT_BASE | checkedId(instrumentId);
    }

    /** The source id of a REST open-interest body for {@code instrumentId}. */
    public static int openInterest(final int instrumentId) {
        return OPEN_INTEREST_BASE | checkedId(instrumentId);
    }

    public static boolean isSnapshot(final int sourceId) {
        return (sourceId & KIND_MASK) == SNAPSHOT_BASE;
    }

    public static boolean isOpenInterest(final int sourceId) {
        return (sourceId & KIND_MASK) == OPEN_INTEREST_BASE;
    }

    /** The instrument id of a snapshot or open-interest source id. */
    public static int instrumentId(final int sourceId) {
        return sourceId & ID_MASK;
    }

    private static int checkedId(final int instrumentId) {
        if (instrumentId < 0 || instrumentId > ID_MASK) {
            throw new IllegalArgumentException("instrument id out of range 0.." + ID_MASK + ": " + instrumentId);
        }
        return instrumentId;
    }
}
