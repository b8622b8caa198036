package io.lambda2azure.emitters.bicep;

import java.util.Objects;

/**
 * The Bicep files of one deployment.
 *
 * @param mainBicep the text of {@code main.bicep}
 * @param bicepParam the text of {@code main.bicepparam}, which supplies the parameters that have no default
 */
public record BicepFiles(String mainBicep, String bicepParam) {

    public BicepFiles {
        Objects.requireNonNull(mainBicep, "mainBicep");
        Objects.requireNonNull(bicepParam, "bicepParam");
    }
}
