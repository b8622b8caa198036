package io.lambda2azure;

import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;

import java.nio.file.Path;

/**
 * The lambda2azure library: the one entry point for embedding the tool.
 *
 * <pre>{@code
 * ServerlessApp app = Lambda2Azure.read(Path.of("template.yaml"));
 * app.functions().forEach(f -> System.out.println(f.logicalId() + " " + f.runtime()));
 * }</pre>
 *
 * <p>Every method either returns a complete result or throws {@link InvalidInputException} carrying every
 * problem found in the input, each with its file, line and column. No other exception is thrown for bad
 * input.
 */
public final class Lambda2Azure {

    private Lambda2Azure() {
    }

    /**
     * Reads an AWS CloudFormation or SAM template (YAML or JSON) into the neutral serverless model.
     *
     * @param template the template file; its path as given is used in every source location
     * @return the application the template describes
     * @throws InvalidInputException when the file cannot be read or the template is not valid; the
     *                               exception lists every problem found, located
     */
    public static ServerlessApp read(Path template) throws InvalidInputException {
        return CloudFormationReader.read(template);
    }
}
