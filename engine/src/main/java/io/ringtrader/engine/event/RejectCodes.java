package io.ringtrader.engine.event;

/**
 * Who assigned the {@link InboundEvent#rejectCode} of an {@link ExecType#REJECT} execution report: the venue, or our
 * own side (the paper venue, a gateway that did not send the command). Every venue stage follows this convention, so
 * the risk stage tells venue rejects from local ones by the code alone, live and in replay:
 * <pre>
 *   code           assigned by       meaning
 *   0              -                 not a reject
 *   1 .. 999       local             refused on our side, the venue's matching never saw it (or said nothing about it):
 *                                      the paper venue's PaperExchange.REJECT_* (1 .. 5; 5 relays a risk reject to
 *                                      the strategy); the engine's own, in any mode: 900 {@link #VENUE_NOT_ENABLED};
 *                                      a gateway's own refusals, e.g. Binance's BinanceOrderEntry
 *                                      REJECT_* (1 cancel outcome unknown, 2 not sent, 100 order entry halted,
 *                                      418 IP banned, 429 rate limited, 503 venue unavailable, nothing executed)
 *   anything else  the venue         the venue's own error code as it answered, unchanged: Binance's are negative
 *                                      (-1022 bad signature, -2019 margin insufficient, -5022 post-only would take),
 *                                      Bitget's five-digit positive (40762); {@link #VENUE_UNCODED} when the venue
 *                                      reported the order rejected without a code
 * </pre>
 * A local code's meaning depends on who issued it (the paper venue in {@code execution.mode: paper}, the gateway in
 * {@code live}); a venue code's on the venue ({@link InboundEvent#venueId}). New local codes take a value that no
 * other local issuer uses.
 *
 * <p>Stateless; any thread.
 */
public final class RejectCodes {
    /** The largest local code. */
    public static final int LOCAL_MAX = 999;
    /**
     * Local, issued by the engine's venue side: the command's venue takes no orders in this session (risk decided
     * {@link RiskDecision#VENUE_NOT_ENABLED}, or no venue stage is wired for it); nothing was sent.
     */
    public static final int VENUE_NOT_ENABLED = 900;
    /** The venue reported the order rejected and gave no error code (Binance: order status {@code REJECTED}). */
    public static final int VENUE_UNCODED = 1_000;

    private RejectCodes() {
    }

    /** True for a code the venue assigned (see the class comment); false for 0 and local codes. */
    public static boolean isVenueReject(final int rejectCode) {
        return rejectCode != 0 && (rejectCode < 1 || rejectCode > LOCAL_MAX);
    }

    /** True for a code our side assigned: 1 .. {@link #LOCAL_MAX}. */
    public static boolean isLocalReject(final int rejectCode) {
        return rejectCode >= 1 && rejectCode <= LOCAL_MAX;
    }
}
