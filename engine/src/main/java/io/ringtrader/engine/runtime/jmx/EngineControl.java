package io.ringtrader.engine.runtime.jmx;

import io.ringtrader.engine.book.BookState;
import io.ringtrader.engine.event.OperatorCommand;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.pipeline.JournalProgress;
import io.ringtrader.engine.pipeline.OperatorPublisher;
import io.ringtrader.engine.risk.PositionKeeper;
import io.ringtrader.engine.instrument.Instrument;
import io.ringtrader.engine.instrument.Venue;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.risk.StrategyPauses;
import io.ringtrader.engine.risk.VenueStates;
import io.ringtrader.engine.runtime.Engine;
import io.ringtrader.engine.runtime.RiskStatusLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EngineMXBean} of one engine. Thread-safe: it reads the engine's any-thread accessors (ring
 * cursors, error count, risk counters, position snapshots, the kill switch) and never touches stage state.
 * Kill switch operations publish {@link io.ringtrader.engine.event.EventKind#OPERATOR} events through the
 * engine's {@link OperatorPublisher}; the operator's reason text is logged here with the event's sequence and
 * receive time (the event cannot carry text), so the log line and the journal's event can be matched.
 */
public final class EngineControl implements EngineMXBean {
    private static final Logger LOG = LoggerFactory.getLogger(EngineControl.class);

    private final Engine engine;

    public EngineControl(final Engine engine) {
        this.engine = engine;
    }

    @Override
    public String getMode() {
        return engine.mode().name();
    }

    @Override
    public long getEventsPublished() {
        return engine.pipeline().inboundPublished();
    }

    @Override
    public long getOrderCommands() {
        return engine.pipeline().outboundPublished();
    }

    @Override
    public long getErrors() {
        return engine.errors().totalCount();
    }

    @Override
    public long getUptimeMs() {
        return TimeUnit.NANOSECONDS.toMillis(engine.uptimeNs());
    }

    @Override
    public Map<String, Long> getRiskDecisions() {
        final Map<String, Long> counts = new LinkedHashMap<>();
        final PreTradeRiskHandler risk = risk();
        if (risk != null) {
            for (final RiskDecision decision : RiskDecision.values()) {
                if (decision != RiskDecision.PENDING) {
                    counts.put(decision.name(), risk.count(decision));
                }
            }
        }
        return counts;
    }

    @Override
    public boolean isKillSwitchTripped() {
        final PreTradeRiskHandler risk = risk();
        return risk != null && risk.killSwitch().isTripped();
    }

    @Override
    public String getKillSwitchReason() {
        final PreTradeRiskHandler risk = risk();
        final String reason = risk == null ? null : risk.killSwitch().reason();
        return reason == null ? "" : reason;
    }

    @Override
    public long getKillSwitchTrips() {
        final PreTradeRiskHandler risk = risk();
        return risk == null ? 0 : risk.killSwitch().trips();
    }

    @Override
    public double getSessionPnl() {
        final PreTradeRiskHandler risk = risk();
        return risk == null ? 0 : risk.sessionPnl();
    }

    @Override
    public PositionInfo[] getPositions() {
        final PreTradeRiskHandler risk = risk();
        if (risk == null) {
            return new PositionInfo[0];
        }
        final List<PositionKeeper.Snapshot> snapshots = risk.positionSnapshots();
        final PositionInfo[] positions = new PositionInfo[snapshots.size()];
        for (int id = 0; id < positions.length; id++) {
            positions[id] = PositionInfo.of(snapshots.get(id), engine.instruments().byId(id),
                engine.instruments().displayName(id));
        }
        return positions;
    }

    @Override
    public String getTradingState() {
        final PreTradeRiskHandler risk = risk();
        return risk == null ? "" : risk.tradingStates().state().name();
    }

    @Override
    public String getTradingStateReason() {
        final PreTradeRiskHandler risk = risk();
        final String reason = risk == null ? null : risk.tradingStates().reason();
        return reason == null ? "" : reason;
    }

    @Override
    public String getJournalFailure() {
        final JournalProgress progress = engine.journalProgress();
        final JournalProgress.Failure failure = progress == null ? null : progress.failure();
        return failure == null ? "" : failure.message();
    }

    @Override
    public long getJournalFreeBytes() {
        return engine.journalHealth() == null ? -1 : engine.journalHealth().freeBytes();
    }

    @Override
    public long getOrdersNotSentUnjournaled() {
        final JournalProgress progress = engine.journalProgress();
        return progress == null ? 0 : progress.commandsNotSent();
    }

    @Override
    public boolean tripKillSwitch(final String reason) {
        final OperatorPublisher.Publication published = publish(OperatorCommand.KILL_SWITCH_TRIP, "kill switch trip");
        LOG.warn("operator: kill switch trip published over JMX as event seq {} (receive time {} ns); operator's reason: {}",
            published.sequence(), published.receiveTimeNs(), reason == null || reason.isBlank() ? "(none given)" : reason);
        return true;
    }

    @Override
    public void resetKillSwitch() {
        final OperatorPublisher.Publication published = publish(OperatorCommand.KILL_SWITCH_RESET, "kill switch reset");
        LOG.warn("operator: kill switch reset published over JMX as event seq {} (receive time {} ns)",
            published.sequence(), published.receiveTimeNs());
    }

    @Override
    public String[] dumpHistograms() throws IOException {
        return engine.writeLatencyFiles().stream().map(p -> p.toAbsolutePath().toString()).toArray(String[]::new);
    }

    @Override
    public String status() {
        return engine.sessionStatus();
    }

    @Override
    public VenueInfo[] getVenues() {
        final PreTradeRiskHandler risk = risk();
        if (risk == null) {
            return new VenueInfo[0];
        }
        final VenueStates states = risk.venues();
        final List<Venue> venues = RiskStatusLine.venuesOf(engine.instruments());
        final VenueInfo[] infos = new VenueInfo[venues.size()];
        for (int i = 0; i < infos.length; i++) {
            final int id = venues.get(i).id();
            long rejects = 0;
            for (int code = 0; code < states.rejectCodes(); code++) {
                rejects += states.rejectVenue(code) == id ? states.rejectCount(code) : 0;
            }
            infos[i] = new VenueInfo(venues.get(i).configName(), RiskStatusLine.connectionText(states, id),
                states.connectionsKnown(id), states.connectionsDown(id), states.isOrderEntryHalted(id),
                states.orderEntryHaltCode(id), rejects);
        }
        return infos;
    }

    @Override
    public BookInfo[] getBooks() {
        final PreTradeRiskHandler risk = risk();
        if (risk == null) {
            return new BookInfo[0];
        }
        final BookInfo[] books = new BookInfo[engine.instruments().count()];
        for (int id = 0; id < books.length; id++) {
            final Instrument instrument = engine.instruments().byId(id);
            final BookState state = risk.bookState(id);
            final double unit = Math.pow(10, instrument.priceScale());
            books[id] = new BookInfo(engine.instruments().displayName(id), instrument.symbol(), instrument.venue().configName(),
                state == null ? "" : state.name(), risk.bestBid(id) / unit, risk.bestAsk(id) / unit,
                RiskStatusLine.isStale(risk, id));
        }
        return books;
    }

    @Override
    public Map<String, Long> getVenueRejects() {
        final Map<String, Long> counts = new LinkedHashMap<>();
        final PreTradeRiskHandler risk = risk();
        if (risk != null) {
            final VenueStates states = risk.venues();
            for (int i = 0; i < states.rejectCodes(); i++) {
                counts.put(Venue.fromId(states.rejectVenue(i)).configName() + ' ' + states.rejectCode(i),
                    states.rejectCount(i));
            }
            if (states.otherRejects() > 0) {
                counts.put("other codes", states.otherRejects());
            }
        }
        return counts;
    }

    @Override
    public String[] getPausedStrategies() {
        final PreTradeRiskHandler risk = risk();
        if (risk == null) {
            return new String[0];
        }
        final StrategyPauses pauses = risk.pauses();
        final List<String> paused = new ArrayList<>();
        for (int id = 0; id < pauses.strategyCount(); id++) {
            if (pauses.isPaused(id)) {
                paused.add(pauses.name(id));
            }
        }
        return paused.toArray(new String[0]);
    }

    @Override
    public void resumeStrategy(final String name) {
        final PreTradeRiskHandler risk = risk();
        final int id = risk == null ? -1 : risk.pauses().idOf(name);
        if (risk != null && id < 0) {
            throw new IllegalArgumentException("no strategy named '" + name + "'; strategies: "
                + IntStream.range(0, risk.pauses().strategyCount()).mapToObj(risk.pauses()::name).toList());
        }
        final OperatorPublisher.Publication published = publish(OperatorCommand.STRATEGY_RESUME, id, "strategy resume");
        LOG.warn("operator: resume of strategy {} published over JMX as event seq {} (receive time {} ns)", name,
            published.sequence(), published.receiveTimeNs());
    }

    @Override
    public void resumeAllStrategies() {
        final OperatorPublisher.Publication published = publish(OperatorCommand.STRATEGY_RESUME,
            OperatorCommand.ALL_STRATEGIES, "strategy resume");
        LOG.warn("operator: resume of every paused strategy published over JMX as event seq {} (receive time {} ns)",
            published.sequence(), published.receiveTimeNs());
    }

    /** Publishes the command or throws: a JMX caller must learn that nothing will happen. */
    private OperatorPublisher.Publication publish(final OperatorCommand command, final String what) {
        return publish(command, OperatorCommand.ALL_STRATEGIES, what);
    }

    /** As {@link #publish(OperatorCommand, String)}, acting on {@code target}. */
    private OperatorPublisher.Publication publish(final OperatorCommand command, final int target, final String what) {
        final OperatorPublisher operator = engine.operatorPublisher();
        if (!engine.isRunning()) {
            throw new IllegalStateException("engine is not running: " + what + " not published");
        }
        final OperatorPublisher.Publication published = operator.publish(command, OperatorCommand.SOURCE_JMX, target);
        return switch (published.result()) {
            case PUBLISHED -> published;
            case BACK_PRESSURED -> throw new IllegalStateException("inbound ring full: " + what
                + " not published, nothing changed; try again");
            case CLOSED -> throw new IllegalStateException("engine is stopping: " + what + " not published");
            case FAILED -> throw new IllegalStateException(what + " could not be published (see the engine's errors)");
        };
    }

    private PreTradeRiskHandler risk() {
        final Engine.BusinessStages stages = engine.businessStages();
        return stages == null ? null : stages.risk();
    }
}
