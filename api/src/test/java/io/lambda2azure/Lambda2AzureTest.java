package io.lambda2azure;

import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Lambda2AzureTest {

    @Test
    void readsTheHttpApiExample() throws InvalidInputException {
        Path root = Path.of(System.getProperty("lambda2azure.root", ".."));
        ServerlessApp app = Lambda2Azure.read(root.resolve("examples/http-api/template.yaml"));
        assertThat(app.inputKind()).isEqualTo(InputKind.SAM);
        assertThat(app.functions()).isNotEmpty();
        assertThat(app.eventSources()).isNotEmpty();
    }

    @Test
    void reportsAMissingFileAsInputProblem(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> Lambda2Azure.read(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void reportsEveryProblemWithItsLocation(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Role: !GetAtt Missing.Arn
                      Handler: !Ref Nope
                """);
        assertThatThrownBy(() -> Lambda2Azure.read(template))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.location().line() + ":" + p.location().column())
                        .containsExactly("5:13", "6:16"));
    }
}
