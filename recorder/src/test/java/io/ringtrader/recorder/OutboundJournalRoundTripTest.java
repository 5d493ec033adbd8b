package io.ringtrader.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringtrader.engine.event.OrderCommand;
import io.ringtrader.engine.event.RiskDecision;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutboundJournalRoundTripTest {
    @TempDir
    Path journal;

    @ParameterizedTest
    @EnumSource(RiskDecision.class)
    void shouldReadBackEveryFieldOfACommandWithEachRiskDecision(final RiskDecision decision) {
        final int commands = 6;
        final OrderCommand[] written = new OrderCommand[commands];
        final OutboundJournalWriter writer = new OutboundJournalWriter(JournalConfig.defaults(journal));
        writer.onStart();
        for (int i = 0; i < commands; i++) {
            written[i] = new OrderCommand();
            TestEvents.fill(written[i], decision, i);
            writer.onCommand(written[i], i, i == commands - 1);
        }
        writer.onShutdown();

        try (JournalReader reader = JournalReader.open(journal, JournalStream.OUTBOUND)) {
            final OrderCommand read = new OrderCommand();
            for (int i = 0; i < commands; i++) {
                assertTrue(reader.next(read));
                assertEquals(i, reader.sequence());
                TestEvents.assertSameCommand(written[i], read);
            }
            assertFalse(reader.next(read));
        }
    }
}
