package io.ringtrader.gateway.binance.rest;

import io.ringtrader.engine.config.OnStopAction;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.execution.VenueExposure;
import io.ringtrader.engine.fixedpoint.DecimalParser;
import io.ringtrader.engine.fixedpoint.ParseStatus;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.gateway.binance.user.ClientOrderIds;
import io.ringtrader.gateway.common.rest.RestResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a live Binance session does at its stop, over REST, once the rings drained ({@code execution.onStop}), and
 * what it then finds still open on the account:
 * <ul>
 *   <li>{@link OnStopAction#LEAVE}: nothing;</li>
 *   <li>{@link OnStopAction#CANCEL_ORDERS}: {@code DELETE /fapi/v1/allOpenOrders} for each of the session's symbols,
 *       which cancels every open order of the account on them (the session's, and any other placed on the same
 *       symbols with the same key);</li>
 *   <li>{@link OnStopAction#FLATTEN}: as {@code CANCEL_ORDERS}, then for each of the session's symbols with a position
 *       ({@code GET /fapi/v3/positionRisk}, one-way mode) a reduce-only {@code MARKET} order on the other side for
 *       the whole position, named {@code rt-<tag>-<n>} with this session's tag ({@code n} from 1, below every
 *       strategy's ids).</li>
 * </ul>
 * Then {@code GET /fapi/v1/openOrders} and {@code GET /fapi/v3/positionRisk} (all symbols) list what is still open.
 * A request that fails or takes longer than the configured request timeout is recorded as a problem and the rest goes
 * on; nothing is retried. All of it together gets at most {@link #TIME_BUDGET} (the session's shutdown hook waits
 * only so long): what is left when it is spent is recorded as not attempted.
 *
 * <p>Runs on the caller's (session) thread and blocks it for the requests; never on a ring thread. Uses a client of its
 * own (the gateway's is closed with the gateway), closed at the end. Not thread-safe; one run per session.
 */
public final class BinanceStopActions {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceStopActions.class);
    private static final String VENUE = "binance";
    /** The longest the stop's requests may take together. */
    public static final Duration TIME_BUDGET = Duration.ofSeconds(8);

    private final BinanceRestConfig config;
    private final List<Instrument> instruments;
    private final ClientOrderIds clientOrderIds;
    private final DecimalParser parser = new DecimalParser();
    private long deadlineNs;

    /**
     * @param config         the gateway's REST settings (URL, credentials, recvWindow, request timeout).
     * @param instruments    the session's Binance instruments.
     * @param clientOrderIds this session's venue ids, to name the flattening orders.
     */
    public BinanceStopActions(final BinanceRestConfig config, final List<Instrument> instruments,
        final ClientOrderIds clientOrderIds) {
        this.config = config;
        this.instruments = List.copyOf(instruments);
        this.clientOrderIds = clientOrderIds;
    }

    /** Takes {@code action}, then lists what is still open on the account. */
    public VenueExposure run(final OnStopAction action) {
        final List<String> done = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<VenueExposure.OpenOrder> orders = new ArrayList<>();
        final List<VenueExposure.Position> positions = new ArrayList<>();
        deadlineNs = System.nanoTime() + TIME_BUDGET.toNanos();
        try (BinanceRestClient client = new BinanceRestClient(config, (retryAfterMs, message) ->
            LOG.error("binance at stop: IP banned (HTTP 418): {}", message))) {
            final List<String> unsynced = new ArrayList<>();
            if (await(client::syncTime, "server time", unsynced) == null) {
                LOG.warn("binance at stop: {}; signing with the local clock", unsynced);
            }
            if (action != OnStopAction.LEAVE) {
                cancelOpenOrders(client, done, problems);
            }
            if (action == OnStopAction.FLATTEN) {
                flatten(client, done, problems);
            }
            final RestResponse open = await(() -> client.openOrders(null), "open orders (GET /fapi/v1/openOrders)",
                problems);
            if (open != null) {
                for (final RestResponse order : elements(open, "open orders", problems)) {
                    orders.add(new VenueExposure.OpenOrder(order.stringField("symbol"), order.stringField("side"),
                        order.stringField("type"), order.stringField("price"), order.stringField("origQty"),
                        order.stringField("executedQty"), order.stringField("clientOrderId")));
                }
            }
            for (final RestResponse position : positions(client, problems)) {
                positions.add(new VenueExposure.Position(position.stringField("symbol"),
                    position.stringField("positionAmt"), position.stringField("entryPrice"),
                    position.stringField("unRealizedProfit")));
            }
        }
        final VenueExposure exposure = new VenueExposure(VENUE, action, done, orders, positions, problems);
        for (final String line : exposure.summaryLines()) {
            if (exposure.complete()) {
                LOG.info(line);
            } else {
                LOG.warn(line);
            }
        }
        return exposure;
    }

    private void cancelOpenOrders(final BinanceRestClient client, final List<String> done, final List<String> problems) {
        for (final Instrument instrument : instruments) {
            final String symbol = instrument.symbol();
            if (await(() -> client.cancelAllOpenOrders(symbol), "cancel the open orders of " + symbol
                + " (DELETE /fapi/v1/allOpenOrders)", problems) != null) {
                done.add("cancelled every open order of " + instrument.symbol());
            }
        }
    }

    private void flatten(final BinanceRestClient client, final List<String> done, final List<String> problems) {
        long n = 0;
        for (final RestResponse position : positions(client, problems)) {
            final Instrument instrument = instrument(position.stringField("symbol"));
            final String amount = position.stringField("positionAmt");
            if (instrument == null || amount == null) {
                continue;
            }
            final long qty = mantissa(amount, instrument.qtyScale());
            if (qty == Long.MIN_VALUE) {
                problems.add("close " + instrument.symbol() + ": position amount '" + amount + "' is not a decimal at "
                    + "its quantity scale " + instrument.qtyScale());
                continue;
            }
            if (qty == 0) {
                continue;
            }
            final OrderSide side = qty > 0 ? OrderSide.SELL : OrderSide.BUY;
            final String id = clientOrderIds.format(++n);
            final String what = "close " + instrument.symbol() + ' ' + amount + " with a reduce-only market "
                + side.name().toLowerCase(Locale.ROOT) + " (" + id + ")";
            final RestResponse answer = await(() -> client.newOrder(instrument, id, side, OrderType.MARKET, null, 0,
                Math.abs(qty), true), what, problems);
            if (answer != null) {
                done.add("closed " + instrument.symbol() + ' ' + amount + " with a reduce-only market "
                    + side.name().toLowerCase(Locale.ROOT) + " (" + id + ", " + answer.stringField("status")
                    + ")");
            }
        }
    }

    /** The account's non-zero positions, or none (a problem recorded) when the venue does not answer. */
    private List<RestResponse> positions(final BinanceRestClient client, final List<String> problems) {
        final RestResponse answer = await(() -> client.positions(null), "positions (GET /fapi/v3/positionRisk)", problems);
        if (answer == null) {
            return List.of();
        }
        final List<RestResponse> open = new ArrayList<>();
        for (final RestResponse position : elements(answer, "positions", problems)) {
            final String amount = position.stringField("positionAmt");
            if (amount != null && new BigDecimal(amount).signum() != 0) {
                open.add(position);
            }
        }
        return open;
    }

    private static List<RestResponse> elements(final RestResponse answer, final String what, final List<String> problems) {
        try {
            return answer.elements();
        } catch (final IllegalArgumentException e) {
            problems.add(what + ": unreadable answer: " + e.getMessage());
            return List.of();
        }
    }

    private Instrument instrument(final String symbol) {
        for (final Instrument instrument : instruments) {
            if (instrument.symbol().equals(symbol)) {
                return instrument;
            }
        }
        return null;
    }

    /** The signed mantissa of {@code decimal} at {@code scale}, or {@link Long#MIN_VALUE} if it is not one. */
    private long mantissa(final String decimal, final int scale) {
        return parser.parse(decimal, scale, true) == ParseStatus.OK ? parser.value() : Long.MIN_VALUE;
    }

    /** Sends a request if time is left; its answer, or null with a problem recorded when it failed or timed out. */
    private <T> T await(final Supplier<CompletableFuture<T>> send, final String what, final List<String> problems) {
        final long leftNs = deadlineNs - System.nanoTime();
        if (leftNs <= 0) {
            problems.add(what + ": not attempted, the stop's " + TIME_BUDGET.toSeconds() + " s for requests ran out");
            return null;
        }
        final Duration timeout = Duration.ofNanos(Math.min(leftNs, config.requestTimeout().toNanos()));
        final CompletableFuture<T> request = send.get();
        try {
            return request.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (final ExecutionException e) {
            final BinanceRestException rest = BinanceRestException.of(e);
            problems.add(what + ": " + (rest != null ? rest.getMessage() : String.valueOf(e.getCause())));
        } catch (final TimeoutException e) {
            request.cancel(true);
            problems.add(what + ": no answer within " + timeout.toMillis() + " ms");
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(what + ": interrupted");
        }
        return null;
    }
}
