package io.ringtrader.engine.gateway;

import io.ringtrader.engine.config.VenueConfigSchema;
import io.ringtrader.engine.instrument.Venue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The {@link GatewayProvider gateways} installed in this process, one per venue, in venue id order. Immutable;
 * thread-safe.
 */
public final class GatewayProviders {
    private static volatile GatewayProviders installed;

    private final List<GatewayProvider> providers;

    /**
     * @throws IllegalArgumentException when two providers claim one venue, or two importers one name.
     */
    public GatewayProviders(final Collection<? extends GatewayProvider> providers) {
        final List<GatewayProvider> sorted = new ArrayList<>(providers);
        sorted.sort(Comparator.comparingInt(provider -> provider.venue().id()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).venue() == sorted.get(i - 1).venue()) {
                throw new IllegalArgumentException("venue " + sorted.get(i).venue().configName() + " has two gateways: "
                    + sorted.get(i - 1).getClass().getName() + " and " + sorted.get(i).getClass().getName());
            }
        }
        this.providers = List.copyOf(sorted);
        final List<String> importers = new ArrayList<>();
        for (final GatewayProvider provider : this.providers) {
            for (final VenueCaptureImporter importer : provider.captureImporters()) {
                if (importers.contains(importer.name())) {
                    throw new IllegalArgumentException("capture importer " + importer.name() + " is registered twice");
                }
                importers.add(importer.name());
            }
        }
    }

    /** The providers registered with {@link ServiceLoader} on this class's loader; looked up once. */
    public static GatewayProviders installed() {
        GatewayProviders result = installed;
        if (result == null) {
            final List<GatewayProvider> found = new ArrayList<>();
            ServiceLoader.load(GatewayProvider.class, GatewayProviders.class.getClassLoader()).forEach(found::add);
            result = new GatewayProviders(found);
            installed = result;
        }
        return result;
    }

    /** Every provider, in venue id order. */
    public List<GatewayProvider> all() {
        return providers;
    }

    /** The provider of the venue with this config name, or null. */
    public GatewayProvider find(final String venueName) {
        for (final GatewayProvider provider : providers) {
            if (provider.venue().configName().equals(venueName)) {
                return provider;
            }
        }
        return null;
    }

    /** The provider of {@code venue}, or null. */
    public GatewayProvider find(final Venue venue) {
        for (final GatewayProvider provider : providers) {
            if (provider.venue() == venue) {
                return provider;
            }
        }
        return null;
    }

    /** Each installed venue's config schema, by config name, in venue id order. */
    public Map<String, VenueConfigSchema> configSchemas() {
        final Map<String, VenueConfigSchema> schemas = new LinkedHashMap<>();
        for (final GatewayProvider provider : providers) {
            schemas.put(provider.venue().configName(), provider.configSchema());
        }
        return schemas;
    }

    /** Every installed capture importer, in venue id order. */
    public List<VenueCaptureImporter> captureImporters() {
        final List<VenueCaptureImporter> importers = new ArrayList<>();
        for (final GatewayProvider provider : providers) {
            importers.addAll(provider.captureImporters());
        }
        return importers;
    }

    /** The importer of that {@code --venue} name, or null. */
    public VenueCaptureImporter captureImporter(final String name) {
        for (final VenueCaptureImporter importer : captureImporters()) {
            if (importer.name().equals(name)) {
                return importer;
            }
        }
        return null;
    }
}
