package io.lambda2azure.parsers.hcl;

import java.util.Objects;

/**
 * One HCL file in native syntax, as {@link HclReader} read it.
 *
 * @param fileName the file as the caller named it; every location in the tree uses it
 * @param body     the attributes and blocks at the top level
 */
public record HclFile(String fileName, Body body) {

    public HclFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(body, "body");
    }
}
