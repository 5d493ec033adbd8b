package io.ringtrader.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.book.BookState;
import org.junit.jupiter.api.Test;

class InboundEventTest {
    @Test
    void shouldClearEveryFieldOfThePreviousUseOnReset() {
        final InboundEvent event = new InboundEvent(4);
        final InboundEvent fresh = new InboundEvent(4);
        event.kind = EventKind.BOOK_DELTA;
        event.instrumentId = 3;
        event.lastUpdateId = 99;
        event.addBid(100, 2);
        event.addAsk(101, 3);
        event.bidPriceDecimals[0] = 2;
        event.tradePrice = 5;
        event.execType = ExecType.FILL;
        event.operatorCommand = OperatorCommand.KILL_SWITCH_TRIP;
        event.operatorSource = OperatorCommand.SOURCE_JMX;
        event.bookState = BookState.VALID;
        event.bookBidLevels = 1;
        event.bookBidPrices[0] = 100;
        event.features[0] = 1.5;
        event.featureCount = 1;
        event.addIntent().newOrder(3, 1, 7, OrderSide.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 1, false);
        event.intents[0].decision = RiskDecision.ACCEPTED;
        event.batchLast = false;
        event.batchIndex = 2;

        event.reset();

        assertNull(event.kind);
        assertEquals(fresh.toString(), event.toString());
        assertEquals(0, event.bidCount);
        assertEquals(0, event.askCount);
        assertEquals(InboundEvent.NONE, event.tradePrice);
        assertEquals(InboundEvent.NONE, event.lastUpdateId);
        assertNull(event.execType);
        assertNull(event.operatorCommand);
        assertEquals(0, event.operatorSource);
        assertNull(event.bookState);
        assertEquals(0, event.bookBidLevels);
        assertEquals(0, event.featureCount);
        assertEquals(0, event.intentCount);
        assertNull(event.intents[0].action);
        assertEquals(RiskDecision.PENDING, event.intents[0].decision);
        assertTrue(event.batchLast);
        assertEquals(0, event.batchIndex);
    }

    @Test
    void shouldRefuseLevelsBeyondTheSlotCapacity() {
        final InboundEvent event = new InboundEvent(2);
        assertTrue(event.addBid(1, 1));
        assertTrue(event.addBid(2, 1));
        assertFalse(event.addBid(3, 1));
        assertEquals(2, event.bidCount);
    }

    @Test
    void shouldHandOutAtMostMaxIntents() {
        final InboundEvent event = new InboundEvent(1);
        for (int i = 0; i < InboundEvent.MAX_INTENTS; i++) {
            event.addIntent();
        }
        assertNull(event.addIntent());
        assertEquals(InboundEvent.MAX_INTENTS, event.intentCount);
    }
}
