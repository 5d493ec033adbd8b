package io.ringtrader.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code venues:} section: one {@link VenueSettings} per installed gateway, each read by that gateway's own
 * {@link VenueConfigSchema} from {@code venues.<name>} (a venue the file does not name takes its defaults: disabled).
 * A key under {@code venues:} that no installed gateway provides is refused, at its line and column.
 *
 * @param sections every installed gateway's section, in venue id order.
 */
public record VenuesConfig(List<VenueSettings> sections) {
    /** No gateway installed. */
    public static final VenuesConfig NONE = new VenuesConfig(List.of());

    public VenuesConfig {
        sections = List.copyOf(sections);
        for (int i = 0; i < sections.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (sections.get(i).name().equals(sections.get(j).name())) {
                    throw new IllegalArgumentException("venue " + sections.get(i).name() + " has two sections");
                }
            }
        }
    }

    /**
     * @return the enabled venues, in venue id order.
     */
    public List<VenueSettings> enabled() {
        return sections.stream().filter(VenueSettings::enabled).toList();
    }

    /** True when the venue's section says {@code enabled: true}. */
    public boolean isEnabled(final String name) {
        final VenueSettings section = section(name);
        return section != null && section.enabled();
    }

    /**
     * @return the section of the venue with that config name; null when no installed gateway provides it.
     */
    public VenueSettings section(final String name) {
        for (final VenueSettings section : sections) {
            if (section.name().equals(name)) {
                return section;
            }
        }
        return null;
    }

    /**
     * The section of a venue whose gateway reads the {@link StandardVenueSchema standard} REST + WebSocket section.
     *
     * @throws IllegalArgumentException when no installed gateway provides the venue, or its section is of another type.
     */
    public VenueConfig venueConfig(final String name) {
        final VenueSettings section = section(name);
        if (section instanceof VenueConfig venue) {
            return venue;
        }
        throw new IllegalArgumentException(section == null ? "no installed gateway provides venue " + name
            : "venues." + name + " is not a standard REST + WebSocket section: " + section.getClass().getName());
    }

    /** These sections with {@code replacement} in place of the section of the same name (a tool's override). */
    public VenuesConfig with(final VenueSettings replacement) {
        final List<VenueSettings> replaced = new ArrayList<>(sections.size());
        boolean found = false;
        for (final VenueSettings section : sections) {
            found |= section.name().equals(replacement.name());
            replaced.add(section.name().equals(replacement.name()) ? replacement : section);
        }
        if (!found) {
            throw new IllegalArgumentException("no section venues." + replacement.name() + " to replace");
        }
        return new VenuesConfig(replaced);
    }

    /**
     * @param schemas the installed gateways' schemas by venue config name, in venue id order.
     */
    static VenuesConfig read(final ConfigNode node, final Map<String, VenueConfigSchema> schemas) {
        final List<VenueSettings> sections = new ArrayList<>(schemas.size());
        for (final Map.Entry<String, VenueConfigSchema> schema : schemas.entrySet()) {
            sections.add(schema.getValue().read(node.section(schema.getKey())));
        }
        for (final String key : node.keys()) {
            if (!schemas.containsKey(key)) {
                final String suggestion = Suggestions.closest(key, schemas.keySet());
                node.reject(key, "no installed gateway provides venue '" + key + "' ("
                    + (suggestion == null ? "" : "did you mean " + suggestion + "? ") + "installed: "
                    + (schemas.isEmpty() ? "none" : String.join(", ", schemas.keySet())) + ")");
            }
        }
        node.requireNoUnknownKeys();
        return new VenuesConfig(sections);
    }

    /**
     * Live mode trades with real credentials: at least one venue must be enabled, and every enabled one must have what
     * its schema says live trading needs.
     */
    static void checkLiveTrading(final ConfigNode root, final VenuesConfig venues, final Map<String, VenueConfigSchema> schemas,
        final ExecutionConfig execution) {
        for (final Map.Entry<String, ExecutionMode> entry : execution.venueModes().entrySet()) {
            if (entry.getValue() == ExecutionMode.LIVE && !venues.isEnabled(entry.getKey())) {
                root.section("execution").section("venues").error(entry.getKey(), "live, but venues." + entry.getKey()
                    + ".enabled is false: a live venue must be enabled");
            }
        }
        if (execution.mode() != ExecutionMode.LIVE) {
            checkCredentials(root, venues, schemas, execution);
            return;
        }
        if (venues.enabled().isEmpty()) {
            root.section("execution").error("mode", "live mode needs at least one enabled venue ("
                + (schemas.isEmpty() ? "no gateway is installed" : String.join(" or ",
                schemas.keySet().stream().map(name -> "venues." + name + ".enabled").toList())) + ")");
            return;
        }
        checkCredentials(root, venues, schemas, execution);
    }

    /** Every enabled venue that trades live has what its schema needs for it (credentials). */
    private static void checkCredentials(final ConfigNode root, final VenuesConfig venues,
        final Map<String, VenueConfigSchema> schemas, final ExecutionConfig execution) {
        final ConfigNode venuesNode = root.section("venues");
        for (final VenueSettings venue : venues.enabled()) {
            if (execution.modeOf(venue.name()) != ExecutionMode.LIVE) {
                continue;
            }
            final ConfigNode node = venuesNode.section(venue.name());
            for (final String key : schemas.get(venue.name()).missingForLiveTrading(venue)) {
                node.error(key, "must be set when the venue is enabled and trades live (execution.mode / execution.venues)");
            }
        }
    }
}
