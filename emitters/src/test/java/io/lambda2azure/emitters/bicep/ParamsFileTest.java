package io.lambda2azure.emitters.bicep;

import io.lambda2azure.emitters.fixtures.Fixtures;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureParameter.ParamType;
import io.lambda2azure.core.azure.PlanKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.lambda2azure.emitters.fixtures.Fixtures.parameter;
import static io.lambda2azure.emitters.fixtures.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class ParamsFileTest {

    private static String params(AzureParameter... parameters) {
        return BicepEmitter.emit(new AzureDeployment("t.yaml", PlanKind.PREMIUM, "test", List.of(parameters),
                List.of(), List.of(), List.of(), List.of())).bicepParam();
    }

    @Test
    void namesEnvironmentVariablesInUpperSnakeCase() {
        assertThat(ParamsFile.environmentVariable("dbPassword")).isEqualTo("DB_PASSWORD");
        assertThat(ParamsFile.environmentVariable("apiURLKey")).isEqualTo("API_URL_KEY");
        assertThat(ParamsFile.environmentVariable("key2Value")).isEqualTo("KEY2_VALUE");
        assertThat(ParamsFile.environmentVariable("already_snake")).isEqualTo("ALREADY_SNAKE");
        assertThat(ParamsFile.environmentVariable("TOKEN")).isEqualTo("TOKEN");
        assertThat(ParamsFile.environmentVariable("x")).isEqualTo("X");
    }

    @Test
    void onlyParametersWithoutDefaultAreAssigned() {
        assertThat(params(parameter("a", ParamType.STRING, Optional.of(text("x")), List.of(), null, false)))
                .isEqualTo("using 'main.bicep'\n");
    }

    @Test
    void secureParametersAreReadFromTheEnvironment() {
        assertThat(params(
                parameter("dbPassword", ParamType.STRING, Optional.empty(), List.of(), "The password.", true),
                parameter("settings", ParamType.OBJECT, Optional.empty(), List.of(), null, true)))
                .isEqualTo("""
                        using 'main.bicep'

                        // Set the environment variable DB_PASSWORD before deploying: The password.
                        param dbPassword = readEnvironmentVariable('DB_PASSWORD')

                        // Set the environment variable SETTINGS before deploying.
                        param settings = json(readEnvironmentVariable('SETTINGS'))
                        """);
    }

    @Test
    void otherParametersGetATypedPlaceholder() {
        assertThat(params(
                parameter("s", ParamType.STRING, Optional.empty(), List.of(), "It's s.", false),
                parameter("n", ParamType.INT, Optional.empty(), List.of(), null, false),
                parameter("b", ParamType.BOOL, Optional.empty(), List.of(), null, false),
                parameter("a", ParamType.ARRAY, Optional.empty(), List.of(), null, false),
                parameter("o", ParamType.OBJECT, Optional.empty(), List.of(), null, false),
                parameter("e", ParamType.STRING, Optional.empty(), List.of(text("x'y"), text("z")), null, false)))
                .isEqualTo("""
                        using 'main.bicep'

                        // Supply a string: It's s.
                        param s = ''

                        // Supply an integer.
                        param n = 0

                        // Supply true or false.
                        param b = false

                        // Supply an array.
                        param a = []

                        // Supply an object.
                        param o = {}

                        // Supply one of the values allowed in main.bicep.
                        param e = 'x\\'y'
                        """);
    }
}
