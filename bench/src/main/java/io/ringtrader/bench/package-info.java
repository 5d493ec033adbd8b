/** JMH micro-benchmarks and latency harnesses. */
package io.ringtrader.bench;
