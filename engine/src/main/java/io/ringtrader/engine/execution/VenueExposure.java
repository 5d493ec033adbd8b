package io.ringtrader.engine.execution;

import io.ringtrader.engine.config.OnStopAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a live session left on one venue when it stopped, as the venue answered after the session's
 * {@code execution.onStop} action: the account's open orders and open positions, what the action did, and what could
 * not be done or found out. Prices and quantities are the venue's decimal strings, as it sent them. Immutable.
 *
 * @param venue      the venue's config name ({@code binance}).
 * @param action     the {@code execution.onStop} action taken.
 * @param done       what the action did, one line each (e.g. {@code cancelled every open order of BTCUSDT}).
 * @param openOrders the account's orders still open on the venue afterwards.
 * @param positions  the account's positions still open on the venue afterwards.
 * @param problems   what failed (a request the venue refused or did not answer); empty when everything was done and
 *                   the lists above are complete.
 */
public record VenueExposure(String venue, OnStopAction action, List<String> done, List<OpenOrder> openOrders,
                            List<Position> positions, List<String> problems) {
    public VenueExposure {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(action, "action");
        done = List.copyOf(done);
        openOrders = List.copyOf(openOrders);
        positions = List.copyOf(positions);
        problems = List.copyOf(problems);
    }

    /**
     * An order still open on the venue.
     *
     * @param clientOrderId the venue's client order id ({@code rt-<tag>-<n>} for ours).
     */
    public record OpenOrder(String symbol, String side, String type, String price, String origQty, String executedQty,
                            String clientOrderId) {
    }

    /**
     * A position still open on the venue.
     *
     * @param qty signed: long > 0, short < 0.
     */
    public record Position(String symbol, String qty, String entryPrice, String unrealizedPnl) {
    }

    /** True when the action did all it should and what is still open is known. */
    public boolean complete() {
        return problems.isEmpty();
    }

    /** The stop summary's lines for this venue. */
    public List<String> summaryLines() {
        final List<String> lines = new ArrayList<>();
        lines.add(venue + " at stop (execution.onStop: " + action.configName() + "): "
            + (done.isEmpty() ? "nothing done" : String.join("; ", done)));
        for (final String problem : problems) {
            lines.add(venue + " at stop: FAILED: " + problem);
        }
        final StringBuilder open = new StringBuilder(venue).append(" still open: ");
        open.append(openOrders.isEmpty() ? "no open orders" : openOrders.size() + " open order"
            + (openOrders.size() == 1 ? "" : "s"));
        open.append(", ").append(positions.isEmpty() ? "no positions" : positions.size() + " position"
            + (positions.size() == 1 ? "" : "s"));
        if (!complete()) {
            open.append(" (as far as known: check the venue)");
        }
        lines.add(open.toString());
        for (final OpenOrder order : openOrders) {
            lines.add("  order " + order.symbol() + ' ' + order.side() + ' ' + order.type() + ' ' + order.origQty()
                + (order.type().equals("MARKET") ? "" : " @ " + order.price()) + ", filled " + order.executedQty() + " ("
                + order.clientOrderId() + ')');
        }
        for (final Position position : positions) {
            lines.add("  position " + position.symbol() + ' ' + position.qty() + " @ " + position.entryPrice()
                + ", unrealized PnL " + position.unrealizedPnl());
        }
        return lines;
    }
}
