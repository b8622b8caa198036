package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.Value;

import java.util.List;

/** Azure resource names built from the appName and resourceSuffix parameters. */
final class Naming {

    private Naming() {
    }

    /** {@code <prefix><appName>-<resourceSuffix>}. */
    static Value name(String prefix) {
        return new Value.Interpolation(List.of(Value.text(prefix), new Value.Param("appName"), Value.text("-"),
                new Value.Param("resourceSuffix")));
    }

    /**
     * {@code <prefix><appName>-<base>-<resourceSuffix>} with the base in kebab case cut to {@code max}
     * characters, so that a name stays within its resource type's limit: with appName at most 20 characters
     * and a 13-character suffix, the limit minus the prefix minus 35 is left for the base.
     */
    static Value name(String prefix, String base, int max) {
        return new Value.Interpolation(List.of(Value.text(prefix), new Value.Param("appName"),
                Value.text("-" + Names.kebab(base, max) + "-"), new Value.Param("resourceSuffix")));
    }
}
