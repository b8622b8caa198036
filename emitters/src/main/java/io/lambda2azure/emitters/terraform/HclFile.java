package io.lambda2azure.emitters.terraform;

import java.util.List;

/** An HCL file: its top-level items in order. */
record HclFile(List<BodyItem> items) {

    HclFile {
        items = List.copyOf(items);
    }
}
