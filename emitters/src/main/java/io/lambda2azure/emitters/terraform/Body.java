package io.lambda2azure.emitters.terraform;

import io.lambda2azure.emitters.terraform.BodyItem.Attribute;
import io.lambda2azure.emitters.terraform.BodyItem.Blank;
import io.lambda2azure.emitters.terraform.BodyItem.Block;
import io.lambda2azure.emitters.terraform.BodyItem.Comments;
import io.lambda2azure.emitters.terraform.BodyItem.Unmapped;

import java.util.ArrayList;
import java.util.List;

/** Collects the items of a block body in order. */
final class Body {

    private final List<BodyItem> items = new ArrayList<>();

    Body arg(String name, HclExpr value) {
        return arg(List.of(), name, value);
    }

    Body arg(List<String> comments, String name, HclExpr value) {
        items.add(new Attribute(comments, name, value));
        return this;
    }

    Body block(Block block) {
        items.add(block);
        return this;
    }

    Body blank() {
        items.add(new Blank());
        return this;
    }

    Body comments(List<String> lines) {
        if (!lines.isEmpty()) {
            items.add(new Comments(lines));
        }
        return this;
    }

    /** A comment line where a setting would go, with its deviations above it. */
    Body unmapped(List<String> deviations, String argument, String explanation) {
        List<String> lines = new ArrayList<>(deviations);
        lines.add(explanation);
        items.add(new Unmapped(argument, lines));
        return this;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    List<BodyItem> build() {
        return List.copyOf(items);
    }

    /** {@code type "label"... { body }}. */
    static Block block(List<String> comments, String type, List<String> labels, Body body) {
        return new Block(comments, type, labels, body.build());
    }

    /** A nested block without labels. */
    static Block nested(List<String> comments, String type, Body body) {
        return new Block(comments, type, List.of(), body.build());
    }
}
