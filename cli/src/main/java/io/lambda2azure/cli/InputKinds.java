package io.lambda2azure.cli;

import io.lambda2azure.core.model.InputKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.Locale;
import java.util.Optional;

/** The {@code --input} option of {@code inspect} and {@code convert}. */
final class InputKinds {

    static final String DESCRIPTION = "Read the input as cloudformation, sam or terraform instead of telling it"
            + " from its name (a directory of .tf/.tf.json files or a .tf/.tf.json file is terraform, anything"
            + " else a template).";

    private InputKinds() {
    }

    /** The forced kind, if {@code --input} was given; a usage error when it names no kind. */
    static Optional<InputKind> parse(String value, CommandSpec spec) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(switch (value.toLowerCase(Locale.ROOT)) {
            case "cloudformation" -> InputKind.CLOUDFORMATION;
            case "sam" -> InputKind.SAM;
            case "terraform" -> InputKind.TERRAFORM;
            default -> throw new ParameterException(spec.commandLine(),
                    "--input must be cloudformation, sam or terraform, not '" + value + "'");
        });
    }
}
