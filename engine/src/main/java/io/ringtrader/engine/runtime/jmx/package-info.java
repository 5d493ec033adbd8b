/**
 * JMX beans of a running engine: one {@link io.ringtrader.engine.runtime.jmx.StageGroupMXBean} per pipeline
 * thread ({@code io.ringtrader:type=StageGroup,name=<thread>}) and one
 * {@link io.ringtrader.engine.runtime.jmx.EngineMXBean} ({@code io.ringtrader:type=Engine}) with counters, risk
 * state and the kill switch. {@link io.ringtrader.engine.runtime.jmx.EngineJmx} registers them on an
 * {@code MBeanServer} and unregisters them.
 *
 * <p>The beans are read by JMX threads (RMI, local attach): every read is of a volatile field, an atomic, a
 * seqlock snapshot or the synchronized latency registry; nothing here runs on or blocks a ring thread. Operations
 * that change what the engine decides (the kill switch) publish an operator event on the inbound ring and never
 * touch stage state, so they are journaled and replayed.
 */
package io.ringtrader.engine.runtime.jmx;
