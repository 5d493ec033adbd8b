package io.ringtrader.engine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TradeFlowWindowTest {
    @Test
    void shouldDropTheOldestTradesWhenFullAndCountIt() {
        final TradeFlowWindow window = new TradeFlowWindow(1_000, 2);
        window.add(0, 10);
        window.add(1, -1);
        window.add(2, -1);
        assertEquals(1, window.overflows());
        assertEquals(-1.0, window.imbalance(2), 1e-12);
    }

    @Test
    void shouldKeepTradesExactlyAtTheWindowEdge() {
        final TradeFlowWindow window = new TradeFlowWindow(1_000, 8);
        window.add(0, 4);
        assertEquals(1.0, window.imbalance(1_000), 1e-12);
        assertEquals(0.0, window.imbalance(1_001), 1e-12);
    }
}
