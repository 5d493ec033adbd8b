/**
 * Latency telemetry: per-stage HdrHistogram recorders owned by the stage threads, percentile
 * snapshots and {@code .hgrm} output for the monitor.
 */
package io.ringtrader.engine.telemetry;
