package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;

import java.util.Objects;
import java.util.Optional;

/** Where a function's code comes from. */
public sealed interface FunctionCode {

    /**
     * A zip archive: a local path or S3 URI (SAM {@code CodeUri}), or an S3 location
     * ({@code Code.S3Bucket}/{@code S3Key}, kept as a map expression).
     */
    record ZipArchive(Expr location) implements FunctionCode {
        public ZipArchive {
            Objects.requireNonNull(location, "location");
        }
    }

    /** Source code written inline in the template ({@code InlineCode}, {@code Code.ZipFile}). */
    record InlineSource(Expr source) implements FunctionCode {
        public InlineSource {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * A container image ({@code PackageType: Image}).
     *
     * @param imageUri   the image URI, if given in the template (SAM can build it from metadata)
     * @param imageConfig the command, entry point and working directory overrides, if any
     */
    record ContainerImage(Optional<Expr> imageUri, Optional<Expr> imageConfig) implements FunctionCode {
        public ContainerImage {
            Objects.requireNonNull(imageUri, "imageUri");
            Objects.requireNonNull(imageConfig, "imageConfig");
        }
    }
}
