package io.lambda2azure.emitters.terraform;

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
                Fixtures::premium, Fixtures::dedicated, Fixtures::consumption, Fixtures::values,
                Fixtures::runtimes, Fixtures::events, Fixtures::apiManagement)) {
            AzureDeployment deployment = fixture.get();
            TerraformFiles first = TerraformEmitter.emit(deployment);
            TerraformFiles again = TerraformEmitter.emit(deployment);
            TerraformFiles rebuilt = TerraformEmitter.emit(fixture.get());
            assertThat(again).isEqualTo(first);
            var a = TerraformEmitterGoldenTest.files(first);
            var b = TerraformEmitterGoldenTest.files(rebuilt);
            for (String name : a.keySet()) {
                assertThat(b.get(name).getBytes(StandardCharsets.UTF_8)).as(name)
                        .isEqualTo(a.get(name).getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
