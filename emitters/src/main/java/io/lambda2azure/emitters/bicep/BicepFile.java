package io.lambda2azure.emitters.bicep;

import java.util.List;

/** A Bicep or Bicep parameters file: its top-level statements in order. */
record BicepFile(List<BicepDecl> declarations) {

    BicepFile {
        declarations = List.copyOf(declarations);
    }
}
