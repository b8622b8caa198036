package io.lambda2azure.cli;

import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.InvalidInputException;

import java.nio.file.Path;

/** Reads a template into the model; the command line uses {@code Lambda2Azure::read}, tests their own. */
@FunctionalInterface
interface TemplateReader {

    ServerlessApp read(Path template) throws InvalidInputException;
}
