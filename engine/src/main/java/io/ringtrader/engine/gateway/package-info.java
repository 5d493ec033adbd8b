/**
 * The gateway service interface: each venue's gateway module registers a {@link io.ringtrader.engine.gateway.GatewayProvider}
 * with {@link java.util.ServiceLoader} ({@code META-INF/services/io.ringtrader.engine.gateway.GatewayProvider}) with its
 * venue id and config name, the schema of its {@code venues.<name>} section, the gateway it opens for a session (the
 * producer of market data and the user stream, and the venue stage of live order entry) and its capture importers.
 * The engine, the config loader and the CLI wire whatever is installed: adding a venue adds a module, not a branch.
 */
package io.ringtrader.engine.gateway;
