package io.ringtrader.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into {@code version.properties}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        return new String[] {
            engineVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }

    /** {@code ringtrader <version>} (the jar's version, {@code unknown} where Maven wrote none): what a journal records. */
    static String engineVersion() throws IOException {
        final Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return "ringtrader " + properties.getProperty("version", "unknown");
    }
}
