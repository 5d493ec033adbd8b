/**
 * The ring events: {@link io.ringtrader.engine.event.InboundEvent} (market data, execution reports,
 * timer ticks, gateway and engine status, operator commands, and the stages' outputs) and
 * {@link io.ringtrader.engine.event.OrderCommand} (the outbound ring), plus the enums they carry.
 */
package io.ringtrader.engine.event;
