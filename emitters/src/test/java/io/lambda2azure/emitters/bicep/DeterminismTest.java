package io.lambda2azure.emitters.bicep;

import io.lambda2azure.emitters.fixtures.Fixtures;

import io.lambda2azure.core.azure.AzureDeployment;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    @Test
    void sameModelGivesTheSameBytes() {
        for (Supplier<AzureDeployment> fixture : List.<Supplier<AzureDeployment>>of(Fixtures::flex,
                Fixtures::premium, Fixtures::dedicated, Fixtures::consumption, Fixtures::values, Fixtures::events,
                Fixtures::apiManagement)) {
            AzureDeployment deployment = fixture.get();
            BicepFiles first = BicepEmitter.emit(deployment);
            BicepFiles again = BicepEmitter.emit(deployment);
            BicepFiles rebuilt = BicepEmitter.emit(fixture.get());
            assertThat(again).isEqualTo(first);
            assertThat(rebuilt.mainBicep().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(first.mainBicep().getBytes(StandardCharsets.UTF_8));
            assertThat(rebuilt.bicepParam().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(first.bicepParam().getBytes(StandardCharsets.UTF_8));
        }
    }
}
