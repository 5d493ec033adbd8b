package io.ringtrader.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.ringtrader.engine.event.EventKind;
import io.ringtrader.engine.event.ExecType;
import io.ringtrader.engine.event.InboundEvent;
import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.OrderSide;
import io.ringtrader.engine.event.OrderType;
import io.ringtrader.engine.event.RiskDecision;
import io.ringtrader.engine.event.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusedPipelineTest {
    private static final EventTranslatorOneArg<InboundEvent, OrderCommand> FILL = (event, sequence, command) -> {
        event.kind = EventKind.EXECUTION_REPORT;
        event.instrumentId = command.instrumentId;
        event.execType = ExecType.FILL;
        event.clientOrderId = command.clientOrderId;
        event.lastFillQty = command.qtyMantissa;
    };

    @Test
    void shouldRunEachEventAndEverythingItCausesOnTheCallingThreadInOrder() {
        final List<String> trace = new ArrayList<>();
        final FusedPipeline pipeline = Pipeline.builder()
            .journal((event, sequence, endOfBatch) -> trace.add("journal " + sequence + " " + event.kind))
            .book((event, sequence, endOfBatch) -> event.bookVersion = 42)
            .strategy((event, sequence, endOfBatch) -> {
                trace.add("strategy " + sequence + " " + event.kind + " book=" + event.bookVersion);
                if (event.kind == EventKind.TRADE) {
                    event.addIntent().newOrder(0, 1, 500 + sequence, OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 3, false);
                }
            })
            .risk((event, sequence, endOfBatch) -> {
                for (int i = 0; i < event.intentCount; i++) {
                    event.intents[i].decision = RiskDecision.ACCEPTED;
                }
            })
            .router(publisher -> (event, sequence, endOfBatch) -> {
                for (int i = 0; i < event.intentCount; i++) {
                    publisher.publish(event.intents[i], 1, event, sequence);
                }
            })
            .venue(publisher -> (command, sequence, endOfBatch) -> {
                trace.add("venue " + sequence + " order " + command.clientOrderId);
                publisher.tryPublish(FILL, command);
            })
            .outboundJournal((command, sequence, endOfBatch) -> trace.add("outbound " + sequence))
            .buildFused(16);
        pipeline.start();
        for (int i = 0; i < 2; i++) {
            final InboundEvent trade = new InboundEvent(4);
            trade.kind = EventKind.TRADE;
            trade.featureCount = 3;
            pipeline.process(trade, 10 + i);
        }
        pipeline.stop();

        assertEquals(List.of(
            "journal 10 TRADE", "strategy 10 TRADE book=42", "venue 0 order 510", "outbound 0",
            "journal -1 EXECUTION_REPORT", "strategy -1 EXECUTION_REPORT book=42",
            "journal 11 TRADE", "strategy 11 TRADE book=42", "venue 1 order 511", "outbound 1",
            "journal -2 EXECUTION_REPORT", "strategy -2 EXECUTION_REPORT book=42"), trace);
        assertEquals(4, pipeline.processed());
        assertEquals(2, pipeline.generated());
        assertEquals(2, pipeline.commands());
    }
}
