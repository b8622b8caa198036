package io.lambda2azure;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.model.ServerlessApp;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of a conversion: what was read, what was planned, and every output file's text.
 *
 * @param app        the application read from the input
 * @param deployment the Azure deployment planned for it
 * @param files      output files by path relative to the output directory ({@code bicep/main.bicep},
 *                   {@code deviations.md}, {@code migration-plan.json}, {@code functions/<app>/host.json},
 *                   ...), in path order
 */
public record Conversion(ServerlessApp app, AzureDeployment deployment, SortedMap<String, String> files) {

    public Conversion {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(deployment, "deployment");
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
