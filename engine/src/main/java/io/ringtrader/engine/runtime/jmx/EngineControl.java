package io.ringtrader.engine.runtime.jmx;

import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.risk.PositionKeeper;
import io.ringtrader.engine.risk.PreTradeRiskHandler;
import io.ringtrader.engine.runtime.Engine;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@link EngineMXBean} of one engine. Thread-safe: it reads the engine's any-thread accessors (ring
 * cursors, error count, risk counters, position snapshots, the kill switch) and never touches stage state.
 */
public final class EngineControl implements EngineMXBean {
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
            positions[id] = PositionInfo.of(snapshots.get(id), engine.instruments().byId(id));
        }
        return positions;
    }

    @Override
    public boolean tripKillSwitch(final String reason) {
        return engine.killSwitch().trip(reason == null || reason.isBlank() ? "tripped over JMX" : reason);
    }

    @Override
    public void resetKillSwitch() {
        engine.killSwitch().reset();
    }

    @Override
    public String[] dumpHistograms() throws IOException {
        return engine.writeLatencyFiles().stream().map(p -> p.toAbsolutePath().toString()).toArray(String[]::new);
    }

    @Override
    public String status() {
        return engine.sessionStatus();
    }

    private PreTradeRiskHandler risk() {
        final Engine.BusinessStages stages = engine.businessStages();
        return stages == null ? null : stages.risk();
    }
}
