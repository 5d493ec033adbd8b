package io.ringtrader.engine.risk;

import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.GatewayStatus;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.RejectCodes;
import io.ringtrader.engine.instrument.Venue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the risk stage knows of each venue, from the ring alone (so a replay knows the same at the same event):
 * <ul>
 *   <li>its connections: each {@link GatewayStatus#CONNECTED} / {@link GatewayStatus#DISCONNECTED} status names one
 *       connection by its {@link InboundEvent#statusDetail}; a venue is up when it reported at least one connection
 *       and none of them is down now;</li>
 *   <li>whether its order entry halted ({@link GatewayStatus#ORDER_ENTRY_HALTED}) and the venue's error code that
 *       halted it: for the rest of the session;</li>
 *   <li>the venue rejects its execution reports carried ({@link RejectCodes#isVenueReject}), counted by venue and
 *       code: the first {@value #MAX_REJECT_CODES} distinct codes each on their own, any later code in
 *       {@link #otherRejects()}.</li>
 * </ul>
 *
 * <p>Single writer: the risk stage's thread ({@link #apply}), allocation-free. Any thread reads: each accessor is a
 * volatile or atomic read, consistent per value (a reader may see a count before its code's first sibling, never a
 * code without its count).
 */
public final class VenueStates {
    /** Connections tracked per venue (a venue has a handful: market-data routes and the user stream). */
    public static final int MAX_CONNECTIONS = 64;
    /** Distinct (venue, code) reject pairs counted on their own. */
    public static final int MAX_REJECT_CODES = 32;

    private static final int VENUES = maxVenueId() + 1;
    /** By id: whether a {@link Venue} has that id (events of other ids are ignored). */
    private static final boolean[] IS_VENUE = venueIds();

    /** Per venue: the connection details seen, in order of first report. Risk thread only. */
    private final int[][] connectionDetails = new int[VENUES][MAX_CONNECTIONS];
    private final int[] connectionCount = new int[VENUES];
    /** Per venue and connection slot: 1 while up. */
    private final AtomicIntegerArray connectionUp = new AtomicIntegerArray(VENUES * MAX_CONNECTIONS);
    /** Per venue: connections known, and of them down now. */
    private final AtomicIntegerArray known = new AtomicIntegerArray(VENUES);
    private final AtomicIntegerArray down = new AtomicIntegerArray(VENUES);
    /** Per venue: 1 once its order entry halted; the venue code that halted it. */
    private final AtomicIntegerArray halted = new AtomicIntegerArray(VENUES);
    private final AtomicIntegerArray haltCode = new AtomicIntegerArray(VENUES);

    private final int[] rejectVenue = new int[MAX_REJECT_CODES];
    private final int[] rejectCode = new int[MAX_REJECT_CODES];
    private final AtomicLongArray rejectCount = new AtomicLongArray(MAX_REJECT_CODES);
    private volatile int rejectCodes;
    private volatile long otherRejects;
    private volatile long venueRejects;

    /**
     * Applies one event: gateway statuses and execution-report rejects; everything else is ignored. Risk thread only.
     *
     * @return true when the event halted a venue's order entry for the first time.
     */
    boolean apply(final InboundEvent event) {
        final int venueId = event.venueId;
        if (!inRange(venueId)) {
            return false;
        }
        if (event.kind == EventKind.GATEWAY_STATUS && event.gatewayStatus != null) {
            switch (event.gatewayStatus) {
                case CONNECTED -> connection(venueId, event.statusDetail, true);
                case DISCONNECTED -> connection(venueId, event.statusDetail, false);
                case ORDER_ENTRY_HALTED -> {
                    if (halted.get(venueId) == 0) {
                        haltCode.set(venueId, event.statusDetail);
                        halted.set(venueId, 1);
                        return true;
                    }
                }
                default -> {
                }
            }
        } else if (event.kind == EventKind.EXECUTION_REPORT && event.execType == ExecType.REJECT
            && RejectCodes.isVenueReject(event.rejectCode)) {
            countReject(venueId, event.rejectCode);
        }
        return false;
    }

    /** Connections the venue reported so far; 0 before its first connection status. */
    public int connectionsKnown(final int venueId) {
        return inRange(venueId) ? known.get(venueId) : 0;
    }

    /** Of the venue's known connections, how many are down now. */
    public int connectionsDown(final int venueId) {
        return inRange(venueId) ? down.get(venueId) : 0;
    }

    /** True when the venue reported a connection and none is down now. */
    public boolean isUp(final int venueId) {
        return connectionsKnown(venueId) > 0 && connectionsDown(venueId) == 0;
    }

    /** True once the venue's order entry halted ({@link GatewayStatus#ORDER_ENTRY_HALTED}). */
    public boolean isOrderEntryHalted(final int venueId) {
        return inRange(venueId) && halted.get(venueId) != 0;
    }

    /** The venue error code that halted its order entry; 0 while not halted. */
    public int orderEntryHaltCode(final int venueId) {
        return isOrderEntryHalted(venueId) ? haltCode.get(venueId) : 0;
    }

    /** Venue rejects seen, all venues and codes. */
    public long venueRejects() {
        return venueRejects;
    }

    /** How many (venue, code) pairs are counted on their own (index them 0 .. this - 1). */
    public int rejectCodes() {
        return rejectCodes;
    }

    /** The venue id of reject pair {@code index}. */
    public int rejectVenue(final int index) {
        return rejectVenue[index];
    }

    /** The venue's code of reject pair {@code index}. */
    public int rejectCode(final int index) {
        return rejectCode[index];
    }

    /** Rejects counted for pair {@code index}. */
    public long rejectCount(final int index) {
        return rejectCount.get(index);
    }

    /** Venue rejects whose code came after the first {@value #MAX_REJECT_CODES} distinct ones. */
    public long otherRejects() {
        return otherRejects;
    }

    private void connection(final int venueId, final int detail, final boolean up) {
        final int[] details = connectionDetails[venueId];
        int slot = -1;
        for (int i = 0; i < connectionCount[venueId]; i++) {
            if (details[i] == detail) {
                slot = i;
                break;
            }
        }
        if (slot < 0) {
            if (connectionCount[venueId] == MAX_CONNECTIONS) {
                return;
            }
            slot = connectionCount[venueId]++;
            details[slot] = detail;
            known.set(venueId, connectionCount[venueId]);
            if (!up) {
                down.set(venueId, down.get(venueId) + 1);
            }
        } else {
            final boolean wasUp = connectionUp.get(venueId * MAX_CONNECTIONS + slot) != 0;
            if (wasUp != up) {
                down.set(venueId, down.get(venueId) + (up ? -1 : 1));
            }
        }
        connectionUp.set(venueId * MAX_CONNECTIONS + slot, up ? 1 : 0);
    }

    private void countReject(final int venueId, final int code) {
        venueRejects = venueRejects + 1;
        final int count = rejectCodes;
        for (int i = 0; i < count; i++) {
            if (rejectVenue[i] == venueId && rejectCode[i] == code) {
                rejectCount.set(i, rejectCount.get(i) + 1);
                return;
            }
        }
        if (count == MAX_REJECT_CODES) {
            otherRejects = otherRejects + 1;
            return;
        }
        rejectVenue[count] = venueId;
        rejectCode[count] = code;
        rejectCount.set(count, 1);
        rejectCodes = count + 1;
    }

    private static boolean inRange(final int venueId) {
        return venueId >= 0 && venueId < VENUES && IS_VENUE[venueId];
    }

    private static boolean[] venueIds() {
        final boolean[] ids = new boolean[VENUES];
        for (final Venue venue : Venue.values()) {
            ids[venue.id()] = true;
        }
        return ids;
    }

    private static int maxVenueId() {
        int max = 0;
        for (final Venue venue : Venue.values()) {
            max = Math.max(max, venue.id());
        }
        return max;
    }
}
