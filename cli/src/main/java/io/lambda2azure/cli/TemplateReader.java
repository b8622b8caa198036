package io.lambda2azure.cli;

import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.InvalidInputException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads an input into the model; the command line uses {@code Lambda2Azure.read}, tests their own.
 */
@FunctionalInterface
interface TemplateReader {

    /**
     * @param input the template, or the Terraform directory or file
     * @param kind  the kind of input when {@code --input} forces it; empty to tell it from the input's name
     */
    ServerlessApp read(Path input, Optional<InputKind> kind) throws InvalidInputException;
}
