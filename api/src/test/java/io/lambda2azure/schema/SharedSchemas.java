package io.lambda2azure.schema;

import org.junit.jupiter.api.Assumptions;

/** Test helper: the shared {@link BicepTypes}, or the test is skipped when the shared data is absent. */
final class SharedSchemas {

    private SharedSchemas() {
    }

    static BicepTypes typesOrSkip() {
        return BicepTypes.shared().orElseGet(() -> {
            Assumptions.abort("the Azure schema data is absent at " + BicepTypes.sharedSchemasDir().toAbsolutePath()
                    + "; check out ../shared/azure-schemas beside this repository or set -Dlambda2azure.shared"
                    + "=/path/to/shared");
            throw new AssertionError("unreachable");
        });
    }
}
