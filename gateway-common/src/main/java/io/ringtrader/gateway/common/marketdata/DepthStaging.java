package io.ringtrader.gateway.common.marketdata;

import io.ringtrader.engine.event.InboundEvent;

/**
 * A decoded book update or snapshot, held off the ring until it is fully validated and the book sync
 * decides to publish it ({@link BookTranslators}). Prices and quantities are mantissas at the instrument's scales;
 * the decimals received per level are kept as well (what a venue checksum over the text needs).
 *
 * <p>Levels are appended with {@link #addBid}/{@link #addAsk} up to {@link #capacity()}. A copy made with
 * {@link #copyFrom} grows its arrays when needed: that allocates, but only until the buffer has seen its
 * largest update.
 *
 * <p>Not thread-safe: owned by one decoder or one book sync, on the gateway's IO thread.
 */
public final class DepthStaging {
    /** The venue ({@code Venue.id()}) of the update, set by its decoder; {@link BookTranslators} write it into each slot. */
    public int venueId;
    public int instrumentId = -1;
    /** The venue's event time in ns (Binance {@code E}), or {@link InboundEvent#NONE}. */
    public long exchangeTimeNs = InboundEvent.NONE;
    public long receiveTimeNs;
    /** The first update id of a diff (Binance {@code U}); {@link InboundEvent#NONE} for a snapshot. */
    public long firstUpdateId = InboundEvent.NONE;
    /** The last update id of a diff (Binance {@code u}), the snapshot's ({@code lastUpdateId}). */
    public long lastUpdateId = InboundEvent.NONE;
    /** The previous diff's last update id (Binance {@code pu}); {@link InboundEvent#NONE} for a snapshot. */
    public long prevUpdateId = InboundEvent.NONE;

    private int bidCount;
    private int askCount;
    private long[] bidPrices;
    private long[] bidQtys;
    private byte[] bidPriceDecimals;
    private byte[] bidQtyDecimals;
    private long[] askPrices;
    private long[] askQtys;
    private byte[] askPriceDecimals;
    private byte[] askQtyDecimals;

    /** @param capacity levels per side, at least 1. */
    public DepthStaging(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        allocate(capacity);
    }

    /** Levels per side this staging holds without growing. */
    public int capacity() {
        return bidPrices.length;
    }

    /** Forgets the header and the levels. */
    public void clear() {
        venueId = 0;
        instrumentId = -1;
        exchangeTimeNs = InboundEvent.NONE;
        receiveTimeNs = 0;
        firstUpdateId = InboundEvent.NONE;
        lastUpdateId = InboundEvent.NONE;
        prevUpdateId = InboundEvent.NONE;
        bidCount = 0;
        askCount = 0;
    }

    /** Appends a bid level; false when full. */
    public boolean addBid(final long price, final long qty, final int priceDecimals, final int qtyDecimals) {
        if (bidCount == bidPrices.length) {
            return false;
        }
        bidPrices[bidCount] = price;
        bidQtys[bidCount] = qty;
        bidPriceDecimals[bidCount] = (byte)priceDecimals;
        bidQtyDecimals[bidCount] = (byte)qtyDecimals;
        bidCount++;
        return true;
    }

    /** Appends an ask level; false when full. */
    public boolean addAsk(final long price, final long qty, final int priceDecimals, final int qtyDecimals) {
        if (askCount == askPrices.length) {
            return false;
        }
        askPrices[askCount] = price;
        askQtys[askCount] = qty;
        askPriceDecimals[askCount] = (byte)priceDecimals;
        askQtyDecimals[askCount] = (byte)qtyDecimals;
        askCount++;
        return true;
    }

    /** Copies header and levels, growing this staging if {@code source} has more levels than fit. */
    public void copyFrom(final DepthStaging source) {
        final int needed = Math.max(source.bidCount, source.askCount);
        if (needed > capacity()) {
            allocate(Math.max(needed, capacity() * 2));
        }
        venueId = source.venueId;
        instrumentId = source.instrumentId;
        exchangeTimeNs = source.exchangeTimeNs;
        receiveTimeNs = source.receiveTimeNs;
        firstUpdateId = source.firstUpdateId;
        lastUpdateId = source.lastUpdateId;
        prevUpdateId = source.prevUpdateId;
        bidCount = source.bidCount;
        askCount = source.askCount;
        System.arraycopy(source.bidPrices, 0, bidPrices, 0, bidCount);
        System.arraycopy(source.bidQtys, 0, bidQtys, 0, bidCount);
        System.arraycopy(source.bidPriceDecimals, 0, bidPriceDecimals, 0, bidCount);
        System.arraycopy(source.bidQtyDecimals, 0, bidQtyDecimals, 0, bidCount);
        System.arraycopy(source.askPrices, 0, askPrices, 0, askCount);
        System.arraycopy(source.askQtys, 0, askQtys, 0, askCount);
        System.arraycopy(source.askPriceDecimals, 0, askPriceDecimals, 0, askCount);
        System.arraycopy(source.askQtyDecimals, 0, askQtyDecimals, 0, askCount);
    }

    /**
     * Ring slots this update needs at {@code levelsPerSlot} levels per side per slot (at least 1).
     */
    public int slotsNeeded(final int levelsPerSlot) {
        final int levels = Math.max(bidCount, askCount);
        return Math.max(1, (levels + levelsPerSlot - 1) / levelsPerSlot);
    }

    /**
     * Fills the header and the {@code index}-th chunk of levels of a slot ({@code batchIndex} and
     * {@code batchLast} are set by the publisher).
     *
     * @throws IllegalStateException if the last slot cannot hold the remaining levels (a levels-per-slot
     *                               mismatch: a bug).
     */
    public void fillSlot(final InboundEvent event, final int index, final int count) {
        event.instrumentId = instrumentId;
        event.exchangeTimeNs = exchangeTimeNs;
        event.receiveTimeNs = receiveTimeNs;
        event.firstUpdateId = firstUpdateId;
        event.lastUpdateId = lastUpdateId;
        event.prevUpdateId = prevUpdateId;
        final int capacity = event.levelCapacity();
        final int from = index * capacity;
        if (index == count - 1 && Math.max(bidCount, askCount) - from > capacity) {
            throw new IllegalStateException("book update of " + Math.max(bidCount, askCount) + " levels does not fit "
                + count + " slots of " + capacity + " levels");
        }
        final int bids = Math.max(0, Math.min(capacity, bidCount - from));
        final int asks = Math.max(0, Math.min(capacity, askCount - from));
        if (bids > 0) {
            System.arraycopy(bidPrices, from, event.bidPrices, 0, bids);
            System.arraycopy(bidQtys, from, event.bidQtys, 0, bids);
            System.arraycopy(bidPriceDecimals, from, event.bidPriceDecimals, 0, bids);
            System.arraycopy(bidQtyDecimals, from, event.bidQtyDecimals, 0, bids);
        }
        if (asks > 0) {
            System.arraycopy(askPrices, from, event.askPrices, 0, asks);
            System.arraycopy(askQtys, from, event.askQtys, 0, asks);
            System.arraycopy(askPriceDecimals, from, event.askPriceDecimals, 0, asks);
            System.arraycopy(askQtyDecimals, from, event.askQtyDecimals, 0, asks);
        }
        event.bidCount = bids;
        event.askCount = asks;
    }

    public int bidCount() {
        return bidCount;
    }

    public int askCount() {
        return askCount;
    }

    public long bidPrice(final int level) {
        return bidPrices[level];
    }

    public long bidQty(final int level) {
        return bidQtys[level];
    }

    public int bidPriceDecimals(final int level) {
        return bidPriceDecimals[level];
    }

    public int bidQtyDecimals(final int level) {
        return bidQtyDecimals[level];
    }

    public long askPrice(final int level) {
        return askPrices[level];
    }

    public long askQty(final int level) {
        return askQtys[level];
    }

    public int askPriceDecimals(final int level) {
        return askPriceDecimals[level];
    }

    public int askQtyDecimals(final int level) {
        return askQtyDecimals[level];
    }

    private void allocate(final int capacity) {
        bidPrices = new long[capacity];
        bidQtys = new long[capacity];
        bidPriceDecimals = new byte[capacity];
        bidQtyDecimals = new byte[capacity];
        askPrices = new long[capacity];
        askQtys = new long[capacity];
        askPriceDecimals = new byte[capacity];
        askQtyDecimals = new byte[capacity];
    }

    @Override
    public String toString() {
        return "DepthStaging{venueId=" + venueId + ", instrumentId=" + instrumentId + ", U=" + firstUpdateId + ", u=" + lastUpdateId
            + ", pu=" + prevUpdateId + ", bids=" + bidCount + ", asks=" + askCount + '}';
    }
}
