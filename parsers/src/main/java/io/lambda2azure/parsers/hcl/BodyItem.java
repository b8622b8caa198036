package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.SourceLocation;

/** An element of a {@link Body}: an {@link Attribute} or a {@link Block}. */
public sealed interface BodyItem permits Attribute, Block {

    /** From the item's name to the end of its value or closing brace. */
    Span span();

    /** Where the item's name is. */
    default SourceLocation location() {
        return span().start();
    }
}
